import type { StoreSession, StoredBreachIncident } from './ports/index.js';
import { evaluateBreachIncident, type BreachIncidentResult } from '../domain/risk/index.js';
import { loadStoredContract } from './load-stored-contract.js';

export interface BreachRegister {
  readonly contractId: string;
  readonly zone: string;
  /** Epoch seconds. */
  readonly asOf: number;
  readonly incidents: readonly { readonly incident: StoredBreachIncident; readonly result: BreachIncidentResult }[];
  /** Incidents with a deadline overdue on asOf. */
  readonly overdue: number;
}

/**
 * The contract's breach register on an instant: every incident recorded and discovered by
 * then with its deadlines (vendor to client, individuals, Attorney General) and their status,
 * oldest first. An incident discovered after `asOf` was not known then: it is left out.
 */
export async function breachRegister(store: StoreSession, contractId: string, asOf: number): Promise<BreachRegister> {
  const { loaded } = await loadStoredContract(store, contractId);
  const incidents = (await store.breachIncidents.listBreachIncidents(contractId))
    .filter((incident) => incident.discoveredAt <= asOf)
    .map((incident) => ({ incident, result: evaluateBreachIncident(loaded.contract, incident, asOf) }));
  return { contractId, zone: loaded.contract.timezone, asOf, incidents, overdue: incidents.filter((i) => i.result.overdue).length };
}
