import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedStore } from '../adapters/store/open-store.js';
import { renderInvoiceHtml } from '../adapters/render/invoice-html.js';
import { issueInvoiceForMonth } from './issue-invoice-for-month.js';
import { prepareInvoice } from './prepare-invoice.js';
import { scorecardForMonth } from './scorecard-for-month.js';
import { northstarWithDemo } from './test-support/settlement-fixture.js';
import { Decimal } from 'decimal.js';
import { formatMoney } from '../domain/money/index.js';
import { invoiceToJson, type Invoice } from '../domain/settlement/index.js';

let store: OpenedStore;
let contractId: string;
let demoNow: number;
// Thursday 2027-04-01 00:00 in Los Angeles: the March invoice's issue date, its default "as of".
const april1At = Date.parse('2027-04-01T00:00:00-07:00') / 1000;

beforeAll(async () => {
  ({ store, contractId, demoNow } = await northstarWithDemo());
}, 180_000);
afterAll(async () => store?.close());

/** Northstar's graduated price of `n` resolved tickets, worked out here independently: 18.00 to 500, 15.00 to 1,500, then 12.50. */
function usageOracle(n: number): string {
  const band = (from: number, to: number) => Math.max(0, Math.min(n, to) - from);
  return new Decimal(band(0, 500)).times(18).plus(new Decimal(band(500, 1500)).times(15)).plus(new Decimal(band(1500, Infinity)).times('12.5')).toFixed(2);
}

const plain = (invoice: Invoice, kind: string): string[] => invoice.lines.filter((l) => l.kind === kind).map((l) => `${l.id} ${l.quantity} × ${l.unitPrice ?? ''} = ${formatMoney(l.amount, 'plain')}`);

describe('prepareInvoice', () => {
  it("bills March from its stored tickets: base fee, graduated bands and after-hours P1 tickets, issued on the first business day of April", async () => {
    const { invoice } = await prepareInvoice(store, { contractId, month: '2027-03' });
    const { scorecard } = await scorecardForMonth(store, contractId, '2027-03', april1At);
    const resolved = Object.values(scorecard.volumes.resolvedByPriority).reduce((a, b) => a + b, 0);
    const afterHours = scorecard.volumes.extras['after-hours-p1'] ?? [];
    // The demo's March: about 1,070 resolved tickets (into the second band) and a few after-hours P1s.
    expect(resolved).toBeGreaterThan(1000);
    expect(afterHours.length).toBeGreaterThan(0);
    expect(invoice).toMatchObject({ state: 'draft', id: `${contractId}-2027-03`, issueOn: '2027-04-01', dueOn: '2027-05-01', serviceMonth: '2027-03' });
    expect(plain(invoice, 'base')).toEqual(['base 1 × 4000.00 = 4000.00']);
    expect(plain(invoice, 'usage')).toEqual(['usage-1 500 × 18.00 = 9000.00', `usage-2 ${resolved - 500} × 15.00 = ${new Decimal(resolved - 500).times(15).toFixed(2)}`]);
    expect(plain(invoice, 'extra')).toEqual([`extra-after-hours-p1 ${afterHours.length} × 45.00 = ${new Decimal(afterHours.length).times(45).toFixed(2)}`]);
    const charges = new Decimal(4000).plus(usageOracle(resolved)).plus(new Decimal(afterHours.length).times(45)).toFixed(2);
    expect(invoiceToJson(invoice)).toMatchObject({ totals: { charges, credits: '0.00', tax: '0.00', total: charges } });
    // February is in the term but has no tickets: its credits are computed (none apply), and said so.
    expect(invoice.adjustments).toMatchObject({ month: '2027-02', credits: { lines: [] } });
    expect(invoice.notes).toContain('No invoice was issued here for 2027-02: its credits and bonuses are a percent of its fees as computed from its measured volumes, USD 9,000.00.');
  }, 60_000);

  it('gives byte-identical JSON and HTML when built again, and does not depend on when it is run', async () => {
    const first = await prepareInvoice(store, { contractId, month: '2027-04' });
    const again = await prepareInvoice(store, { contractId, month: '2027-04' });
    // Two months later (the demo's "now"), the April invoice is still the same: it is measured as of its issue date.
    const later = await prepareInvoice(store, { contractId, month: '2027-04', asOf: Date.parse('2027-05-03T00:00:00-07:00') / 1000 });
    const json = JSON.stringify(invoiceToJson(first.invoice));
    expect(JSON.stringify(invoiceToJson(again.invoice))).toBe(json);
    expect(JSON.stringify(invoiceToJson(later.invoice))).toBe(json);
    expect(renderInvoiceHtml(again.invoice, again.contract)).toBe(renderInvoiceHtml(first.invoice, first.contract));
  }, 120_000);

  it("carries March's credits on April's invoice as a percent of March's issued charges, then shows each month as issued", async () => {
    const march = await issueInvoiceForMonth(store, { contractId, month: '2027-03', now: demoNow, actor: 'test' });
    const { invoice: april } = await prepareInvoice(store, { contractId, month: '2027-04' });
    const { scorecard: marchCard } = await scorecardForMonth(store, contractId, '2027-03', Date.parse('2027-05-03T00:00:00-07:00') / 1000);
    // The demo's March has 3 late P1 first replies: p1-response is missed, a 5% credit.
    expect(marchCard.serviceLevels.find((l) => l.id === 'p1-response')?.result).toBe('missed');
    expect(april.adjustments?.fees).toEqual(march.stored.invoice.totals.charges);
    const credit = april.lines.find((l) => l.id === 'credit-0');
    const fivePercent = new Decimal(march.stored.invoice.totals.charges.minor.toString()).times('0.05').toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
    expect(credit).toMatchObject({ kind: 'credit', quantity: '5%', unit: 'of 2027-03 fees', clause: 'sla.credits[0]' });
    expect(credit?.amount.minor).toBe(-BigInt(fivePercent.toFixed(0)));
    expect(credit?.evidence.ids).toEqual(marchCard.serviceLevels.find((l) => l.id === 'p1-response')?.breachedTickets);
    expect(april.totals.total.minor).toBe(april.totals.charges.minor + credit!.amount.minor);

    const shown = await prepareInvoice(store, { contractId, month: '2027-03' });
    expect(shown.issued?.invoice.id).toBe('NS-2027-0001');
    expect(JSON.stringify(invoiceToJson(shown.invoice))).toBe(march.stored.documentJson);
  }, 120_000);

  it('refuses a month that is not YYYY-MM, and a month before the term', async () => {
    await expect(prepareInvoice(store, { contractId, month: '2027-3' })).rejects.toMatchObject({ code: 'USAGE' });
    await expect(prepareInvoice(store, { contractId, month: '2026-12' })).rejects.toMatchObject({ code: 'USAGE', message: expect.stringContaining('2026-12 is outside the service (2027-01-01') });
    await expect(prepareInvoice(store, { contractId, month: '2027-04', issueOn: '2027-02-30' })).rejects.toMatchObject({ code: 'DATE_INVALID' });
  }, 60_000);
});
