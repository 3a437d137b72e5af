import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedStore } from '../adapters/store/open-store.js';
import { issueInvoiceForMonth } from './issue-invoice-for-month.js';
import { composeInvoice, gatherInvoiceInputs } from './prepare-invoice.js';
import { baylineMonthTickets, importRecords, recordsOfTickets, solvedTicket, storeWithContract } from './test-support/settlement-fixture.js';
import { formatMoney } from '../domain/money/index.js';
import { invoiceToJson, issueInvoice } from '../domain/settlement/index.js';

const now = Date.parse('2027-06-01T09:00:00-07:00') / 1000;
const tickets = recordsOfTickets([...baylineMonthTickets('2027-03', 900, 1), ...baylineMonthTickets('2027-04', 850, 2)]);

async function baylineStore(): Promise<{ store: OpenedStore; contractId: string }> {
  const opened = await storeWithContract('bayline-per-incident');
  await importRecords(opened.store, opened.contractId, tickets);
  return opened;
}

describe('issueInvoiceForMonth', () => {
  let store: OpenedStore;
  let contractId: string;
  beforeAll(async () => {
    ({ store, contractId } = await baylineStore());
  }, 120_000);
  afterAll(async () => store?.close());

  it('numbers the invoices of a contract in order, stores each as issued and logs it', async () => {
    const march = await issueInvoiceForMonth(store, { contractId, month: '2027-03', now, actor: 'test' });
    const april = await issueInvoiceForMonth(store, { contractId, month: '2027-04', now, actor: 'test' });
    // Bayline issues on the last day of the next month and is paid in 45 days.
    expect(march.stored.invoice).toMatchObject({ id: 'BH-2027-0001', state: 'issued', serviceMonth: '2027-03', issueOn: '2027-04-30', dueOn: '2027-06-14' });
    expect(april.stored).toMatchObject({ sequence: 2, invoice: { id: 'BH-2027-0002', issueOn: '2027-05-31' } });
    // March is the term's first month: nothing before it to credit.
    expect(march.stored.invoice.adjustments).toBeUndefined();
    expect(march.stored.creditedScorecard).toBeUndefined();
    expect(april.stored.creditedScorecard?.month).toBe('2027-03');
    const logged = (await store.audit.listAudit({ contractId })).filter((e) => e.action === 'invoice.issued');
    expect(logged.map((e) => [e.subject, (e.payload as { documentSha256: string }).documentSha256])).toEqual([
      ['invoice:BH-2027-0001', march.stored.documentSha256],
      ['invoice:BH-2027-0002', april.stored.documentSha256],
    ]);
    expect(logged[0]?.payload).toMatchObject({ total: formatMoney(march.stored.invoice.totals.total, 'plain'), serviceMonth: '2027-03', contractVersion: 1 });
  }, 60_000);

  it("caps March's three missed service levels on April's invoice at 12% of March's fees", async () => {
    const april = (await store.settlement.getInvoiceForMonth(contractId, '2027-04'))!.invoice;
    const marchFees = (await store.settlement.getInvoiceForMonth(contractId, '2027-03'))!.invoice.totals.charges;
    const credits = april.lines.filter((l) => l.kind === 'credit');
    expect(credits.map((l) => [l.clause, l.quantity])).toEqual([['sla.credits[0]', '4%'], ['sla.credits[1]', '6%'], ['sla.credits[2]', '3%']]);
    // 4% + 6% + 3% = 13% asked; the monthly cap allows 12%, rounded down to the cent.
    const cap = (marchFees.minor * 12n) / 100n;
    expect(-april.totals.credits.minor).toBe(cap);
    expect(credits.reduce((sum, l) => sum + l.amount.minor, 0n)).toBe(april.totals.credits.minor);
    expect(april.adjustments?.credits.caps[0]).toMatchObject({ cap: 'monthly', limit: { minor: cap } });
    expect(april.adjustments?.credits.cut.minor).toBeGreaterThan(0n);
  });

  it('refuses to issue a month again, naming its invoice and how to correct it with a credit note', async () => {
    const attempt = issueInvoiceForMonth(store, { contractId, month: '2027-03', now, actor: 'test' });
    await expect(attempt).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^2027-03 already has invoice BH-2027-0001, issued on 2027-04-30 for USD [0-9,.]+; an issued invoice is never changed or issued again$/) });
    const error = (await attempt.catch((e: unknown) => e)) as { problems: { hint: string }[] };
    expect(error.problems[0]?.hint).toContain(`supportpact credit-note --contract ${contractId} --invoice BH-2027-0001 --amount <amount> --reason "<why>"`);
    expect(await store.settlement.listInvoices(contractId)).toHaveLength(2);
  });

  it('is reproducible: rebuilt from the same contract version and events, and in another store with the same imports, the issued invoice is byte-identical', async () => {
    const stored = (await store.settlement.getInvoice(contractId, 'BH-2027-0002'))!;
    const before = (await store.settlement.listInvoices(contractId)).filter((s) => s.sequence < stored.sequence);
    const rebuilt = composeInvoice(await gatherInvoiceInputs(store, { contractId, month: '2027-04' }), before, 'BH-2027-0002');
    expect(JSON.stringify(invoiceToJson(issueInvoice(rebuilt.invoice)))).toBe(stored.documentJson);

    const other = await baylineStore();
    try {
      await issueInvoiceForMonth(other.store, { contractId, month: '2027-03', now: now + 86_400, actor: 'someone else' });
      const again = await issueInvoiceForMonth(other.store, { contractId, month: '2027-04', now: now + 86_400, actor: 'someone else' });
      expect(again.stored.documentJson).toBe(stored.documentJson);
      expect(again.stored.documentSha256).toBe(stored.documentSha256);
    } finally {
      await other.store.close();
    }
  }, 120_000);
});

describe('issueInvoiceForMonth at low volume', () => {
  let store: OpenedStore;
  let contractId: string;
  beforeAll(async () => {
    ({ store, contractId } = await storeWithContract('northstar-tiered'));
    const march = Date.parse('2027-03-02T10:00:00-08:00') / 1000;
    await importRecords(store, contractId, [...solvedTicket('T-1', march, 'normal'), ...solvedTicket('T-2', march + 3600, 'high'), ...solvedTicket('T-3', march + 7200, 'low')]);
  }, 60_000);
  afterAll(async () => store?.close());

  it('adds the minimum monthly commitment true-up when the charges fall below it, and takes a given number prefix', async () => {
    const { stored } = await issueInvoiceForMonth(store, { contractId, month: '2027-03', now, actor: 'test', numberPrefix: 'ACME-NS' });
    const lines = stored.invoice.lines.map((l) => [l.id, formatMoney(l.amount, 'plain')]);
    // 4,000.00 base + 3 × 18.00 = 4,054.00, below the 9,000.00 minimum: a 4,946.00 true-up.
    expect(lines).toEqual([['base', '4000.00'], ['usage-1', '54.00'], ['minimum-true-up', '4946.00'], ['tax-0', '0.00']]);
    expect(stored.invoice.id).toBe('ACME-NS-2027-0001');
    expect(formatMoney(stored.invoice.totals.total, 'plain')).toBe('9000.00');
  }, 60_000);

  it('gives one number and one CONFLICT when two issue the same month at once', async () => {
    const results = await Promise.allSettled([
      issueInvoiceForMonth(store, { contractId, month: '2027-04', now, actor: 'a' }),
      issueInvoiceForMonth(store, { contractId, month: '2027-04', now, actor: 'b' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
    expect((await store.settlement.listInvoices(contractId)).map((s) => s.invoice.id)).toEqual(['ACME-NS-2027-0001', 'NS-2027-0002']);
  }, 60_000);

  it('refuses a prefix that is not plain capitals and digits', async () => {
    await expect(issueInvoiceForMonth(store, { contractId, month: '2027-05', now, actor: 'test', numberPrefix: 'ns 1' })).rejects.toMatchObject({ code: 'USAGE' });
  });
});
