import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedStore } from '../../src/adapters/store/index.js';
import { march1At } from './store-fixtures.js';
import type { StoreTarget, SuiteContext } from './store-suite.js';

export function describeAuditCases(ctx: SuiteContext): void {
  describe('audit log', () => {
    // Its own store: the chain is installation-wide, and one case tampers with it.
    let target: StoreTarget;
    let store: OpenedStore;
    beforeAll(async () => {
      target = await ctx.makeTarget();
      store = await target.open();
    });
    afterAll(async () => {
      if (store) await target.destroy(store);
    });

    it('links each appended entry to the previous one, and an untouched chain verifies', async () => {
      const first = await store.audit.appendAudit({ at: march1At, actor: 'cli:alice', action: 'store.created', subject: 'store' });
      const second = await store.audit.appendAudit({
        contractId: 'acme',
        at: march1At + 60,
        actor: 'cli:alice',
        action: 'contract.version-added',
        subject: 'contract:acme@1',
        // Keys out of order and nested: jsonb reorders them, the hash must not care.
        payload: { version: 1, sha256: 'ab', effective: { on: '2027-01-01', note: null }, tags: ['b', 'a'], ratio: 0.1 },
      });
      expect(first).toMatchObject({ seq: 1, prevHash: '0'.repeat(64) });
      expect(second).toMatchObject({ seq: 2, prevHash: first.hash, contractId: 'acme' });
      expect(first).not.toHaveProperty('contractId');
      expect(await store.audit.verifyAudit()).toEqual({ intact: true, entriesChecked: 2, breaks: [], head: { seq: 2, hash: second.hash } });
    });

    it('keeps one unbroken chain when appends arrive together', async () => {
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          store.audit.appendAudit({ contractId: i % 2 ? 'acme' : 'globex', at: march1At + 120 + i, actor: 'api', action: 'payment.recorded', subject: `payment:${i}`, payload: { amountMinor: 1000 + i } }),
        ),
      );
      const entries = await store.audit.listAudit();
      expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
      expect((await store.audit.listAudit({ contractId: 'globex' })).length).toBe(6);
      expect((await store.audit.listAudit({ afterSeq: 10, limit: 2 })).map((e) => e.seq)).toEqual([11, 12]);
      expect((await store.audit.verifyAudit()).intact).toBe(true);
    });

    it('names the entry edited behind its back and the one after an entry deleted with raw SQL', async () => {
      await store.queryRaw(`UPDATE audit_log SET payload = '{"amountMinor": 1}' WHERE seq = 5`);
      await store.queryRaw('DELETE FROM audit_log WHERE seq = 9');
      const verification = await store.audit.verifyAudit();
      expect(verification.intact).toBe(false);
      expect(verification.entriesChecked).toBe(13);
      expect(verification.breaks.map((b) => [b.seq, b.reason])).toEqual([
        [5, 'hash-mismatch'],
        [10, 'missing-entries'],
      ]);
      expect(verification.breaks[1]?.message).toBe('Entry 9 is missing before entry 10.');
    });

    it('names an entry whose link was rewritten to hide a replaced predecessor', async () => {
      await store.queryRaw(`UPDATE audit_log SET prev_hash = repeat('f', 64) WHERE seq = 12`);
      const verification = await store.audit.verifyAudit();
      // Its own hash covered the old link, so the entry fails both ways.
      expect(verification.breaks.filter((b) => b.seq === 12).map((b) => b.reason)).toEqual(['link-mismatch', 'hash-mismatch']);
    });
  });
}
