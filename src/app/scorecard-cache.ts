import type { StoreSession } from './ports/index.js';
import { scorecardForMonth, type StoredScorecard } from './scorecard-for-month.js';

/**
 * Remembers computed scorecards (a scorecard streams every relevant ticket through the clock
 * engine, so it is worth keeping). An entry is keyed by contract, month and as-of instant and
 * stamped with the contract's newest audit entry: every write that can change a scorecard
 * (imports, posted events, contract versions, outages, vendor reports) appends one, so a
 * stale entry is never served, even when another process wrote to a shared database.
 */
export class ScorecardCache {
  private readonly entries = new Map<string, { stamp: number; value: Promise<StoredScorecard> }>();

  constructor(private readonly maxEntries = 200) {}

  async get(store: StoreSession, contractId: string, month: string, asOf: number): Promise<StoredScorecard> {
    const stamp = await store.audit.headSeq(contractId);
    const key = `${contractId}\u0000${month}\u0000${asOf}`;
    const hit = this.entries.get(key);
    if (hit && hit.stamp === stamp) {
      // Refresh its place: the map's order is least recently used first.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = scorecardForMonth(store, contractId, month, asOf);
    this.entries.set(key, { stamp, value });
    value.catch(() => this.entries.delete(key));
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return value;
  }
}
