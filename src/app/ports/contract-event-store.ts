import type { CauseEvent } from '../../domain/lifecycle/index.js';

/** An event recorded by hand as evidence for a termination ground (insolvency, force majeure, material breach). */
export interface StoredContractEvent extends CauseEvent {
  /** `EV-1`, `EV-2`, ... per contract. */
  readonly id: string;
  /** Epoch seconds. */
  readonly recordedAt: number;
}

export interface ContractEventStore {
  /** Inserts the event, or replaces the stored one with the same id (keeping its `recordedAt`). */
  saveContractEvent(contractId: string, event: StoredContractEvent): Promise<void>;
  getContractEvent(contractId: string, eventId: string): Promise<StoredContractEvent | undefined>;
  /** Ordered by start, then id. */
  listContractEvents(contractId: string): Promise<StoredContractEvent[]>;
}
