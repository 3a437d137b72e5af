import type { StoreSession } from './ports/index.js';

/**
 * Remembers expensive reads of one contract (scorecards, overviews: they stream every relevant
 * ticket through the clock engine). Each entry is stamped with the contract's newest audit
 * entry: every write that can change such a read (imports, posted events, contract versions,
 * outages, vendor reports, invoices, payments, registers) appends one, so a stale entry is
 * never served, even when another process wrote to a shared database. Least recently used
 * entries go first once `maxEntries` is reached.
 */
export class ContractReadCache {
  private readonly entries = new Map<string, { stamp: number; value: Promise<unknown> }>();

  constructor(private readonly maxEntries = 500) {}

  async get<T>(store: StoreSession, contractId: string, key: string, compute: () => Promise<T>): Promise<T> {
    const stamp = await store.audit.headSeq(contractId);
    const fullKey = `${contractId}\u0000${key}`;
    const hit = this.entries.get(fullKey);
    if (hit && hit.stamp === stamp) {
      this.entries.delete(fullKey);
      this.entries.set(fullKey, hit);
      return hit.value as Promise<T>;
    }
    const value = compute();
    this.entries.set(fullKey, { stamp, value });
    value.catch(() => this.entries.delete(fullKey));
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}
