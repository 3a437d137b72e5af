import type { BreachIncident } from '../../domain/risk/index.js';

/** A breach incident in the register: the domain's record plus what it is about and when it was recorded. */
export interface StoredBreachIncident extends BreachIncident {
  /** What happened, in the recorder's words. */
  readonly description?: string;
  /** Epoch seconds: first recorded. */
  readonly recordedAt: number;
  /** Epoch seconds: last changed (equals `recordedAt` until an update). */
  readonly updatedAt: number;
}

export interface BreachIncidentStore {
  /** Inserts the incident, or replaces the stored one with the same id (keeping its `recordedAt`). */
  saveBreachIncident(contractId: string, incident: StoredBreachIncident): Promise<void>;
  getBreachIncident(contractId: string, incidentId: string): Promise<StoredBreachIncident | undefined>;
  /** Ordered by discovery, then id. */
  listBreachIncidents(contractId: string): Promise<StoredBreachIncident[]>;
  /** Every contract holding an incident with this id (an update named only by id looks it up). */
  findBreachIncident(incidentId: string): Promise<{ contractId: string; incident: StoredBreachIncident }[]>;
}
