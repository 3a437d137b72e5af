import { describe, expect, it } from 'vitest';
import { statementForContract } from '../../../app/statement-for-contract.js';
import { openStore } from '../../store/open-store.js';
import { loadDemoIntoStore } from './demo-command.js';

describe('loadDemoIntoStore', () => {
  it('loads the demo once, with the first month invoiced and paid late, so the statement shows late interest', async () => {
    const store = await openStore({ dataDir: 'memory://' });
    try {
      const first = await loadDemoIntoStore(store, 42, { withInvoices: true });
      expect(first).toMatchObject({ contractId: 'acme-northstar-2027', loaded: true });
      expect(first.tickets).toBeGreaterThan(3000);
      const again = await loadDemoIntoStore(store, 42, { withInvoices: true });
      expect(again.loaded).toBe(false);
      const invoices = await store.settlement.listInvoices('acme-northstar-2027');
      expect(invoices.map((i) => i.invoice.serviceMonth)).toEqual(['2027-03']);
      const { statement } = await statementForContract(store, 'acme-northstar-2027', '2027-06-03');
      expect(statement.totals.balance.minor).toBe(0n);
      expect(statement.totals.interest.minor).toBeGreaterThan(0n);
      expect((await store.breachIncidents.listBreachIncidents('acme-northstar-2027')).length).toBe(1);
      expect((await store.audit.verifyAudit()).intact).toBe(true);
    } finally {
      await store.close();
    }
  }, 120_000);
});
