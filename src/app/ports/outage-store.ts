import type { Outage } from '../../domain/tickets/index.js';
import type { TimeRange } from './time-range.js';

export interface OutageStore {
  /** Returns how many outages were new; an id already stored for the contract is skipped. */
  writeOutages(contractId: string, outages: readonly Outage[]): Promise<number>;
  /** Ordered by start, then id; `overlapping` keeps outages that intersect the range. */
  listOutages(contractId: string, options?: { service?: string; overlapping?: TimeRange }): Promise<Outage[]>;
}
