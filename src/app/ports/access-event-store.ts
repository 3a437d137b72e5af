import type { AccessEvent } from '../../domain/risk/index.js';
import type { TimeRange } from './time-range.js';

/** A data-access event with its id: the source's, or a digest of its content (so re-imports change nothing). */
export interface StoredAccessEvent extends AccessEvent {
  readonly id: string;
}

export interface AccessEventStore {
  /** Returns how many events were new; an id already stored for the contract is skipped. */
  writeAccessEvents(contractId: string, events: readonly StoredAccessEvent[]): Promise<number>;
  /** Ordered by instant, then id; `range` keeps events in `[fromAt, toAt)`. */
  listAccessEvents(contractId: string, options?: { range?: TimeRange }): Promise<StoredAccessEvent[]>;
  countAccessEvents(contractId: string): Promise<number>;
}
