import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoIntoStore } from '../adapters/cli/commands/demo-command.js';
import { openStore, type OpenedStore } from '../adapters/store/index.js';
import { formatMoney, type Money } from '../domain/money/index.js';
import { contractOverview, overviewKeyDateCount } from './contract-overview.js';
import { issueInvoiceForMonth } from './issue-invoice-for-month.js';

const northstarId = 'acme-northstar-2027';
/** 18:00 on Monday 2027-05-31 in Los Angeles (PDT, UTC-7): the last evening of May. */
const endOfMay = Date.parse('2027-05-31T18:00:00-07:00') / 1000;

const usd = (money: Money | undefined) => (money ? formatMoney(money, 'plain') : undefined);

describe('contractOverview', () => {
  let store: OpenedStore;
  beforeAll(async () => {
    store = await openStore({ dataDir: 'memory://' });
    await loadDemoIntoStore(store, 42);
  });
  afterAll(() => store.close());

  it("measures the month to date at asOf and prices its credits: May's phone-line outages (99.76%, longest 1h48m) earn 5% + 3%", async () => {
    const overview = await contractOverview(store, northstarId, endOfMay);
    expect(overview).toMatchObject({ contractId: northstarId, contractVersion: 1, zone: 'America/Los_Angeles', currency: 'USD', asOf: endOfMay, today: '2027-05-31', month: '2027-05' });
    expect(overview.serviceLevels.counts.met + overview.serviceLevels.counts.missed + overview.serviceLevels.counts.noData).toBe(overview.serviceLevels.serviceLevels.length);
    const { credits } = overview;
    expect(credits.status).toBe('computed');
    expect(credits.lines.map((l) => [l.clause, l.percent, usd(l.amount)])).toEqual([
      ['sla.credits[6]', '5%', '1388.00'],
      ['sla.credits[8]', '3%', '832.80'],
    ]);
    // 5% and 3% of the 27,760.00 of fees so far; under the 15% monthly cap, and no earlier month on record to cap by.
    expect([usd(credits.fees), usd(credits.credits), usd(credits.uncappedCredits)]).toEqual(['27760.00', '2220.80', '2220.80']);
    expect(credits.history).toEqual({ source: 'issued-invoices', months: 0 });
    expect(overview.notes).toContain('no earlier month is settled on an issued invoice, so the rolling 12-month credit cap reads none');
  });

  it('lists the next five key dates from asOf, the breach notice still to give among them', async () => {
    const { nextKeyDates } = await contractOverview(store, northstarId, endOfMay);
    expect(nextKeyDates).toHaveLength(overviewKeyDateCount);
    expect(nextKeyDates.map((d) => d.on)).toEqual(['2027-06-01', '2027-06-02', '2027-06-07', '2027-06-19', '2027-06-30']);
    expect(nextKeyDates[0]).toMatchObject({ kind: 'invoice-issue', label: 'Invoice for 2027-05 issued' });
    // The end of 2027-06-19 in Los Angeles: 30 days from the vendor's notice of 2027-05-20.
    expect(nextKeyDates[3]).toEqual({ on: '2027-06-19', at: Date.parse('2027-06-20T06:59:59Z') / 1000, kind: 'individuals', label: 'Breach BR-2027-05-01: notify affected California residents', clause: 'risk.breachNotification.individuals.within' });
  });

  it("counts the open findings: check warnings, the insurance findings of the day, this month's data-access findings", async () => {
    const { openFindings } = await contractOverview(store, northstarId, endOfMay);
    expect(openFindings).toEqual({ contractErrors: 0, contractWarnings: 5, breachDeadlinesOverdue: 0, insurance: 5, accessThisMonth: 3, total: 13 });
    // Two days past the notice to individuals: that deadline is overdue.
    const late = await contractOverview(store, northstarId, Date.parse('2027-06-21T12:00:00-07:00') / 1000);
    expect(late.openFindings.breachDeadlinesOverdue).toBe(1);
  });

  it('has no credits for a month outside the service (December 2026, before the term starts)', async () => {
    const overview = await contractOverview(store, northstarId, Date.parse('2026-12-15T18:00:00-08:00') / 1000);
    expect(overview.credits).toEqual({ status: 'outside-service', feesBasis: "2026-12 is outside the contract's service: no fees, no credits", lines: [], history: { source: 'issued-invoices', months: 0 } });
    expect(overview.nextKeyDates[0]).toMatchObject({ on: '2027-01-01', kind: 'term-start' });
  });

  it('reads the issued invoices: the caps get their history, and an unpaid invoice past its due date is overdue', async () => {
    await issueInvoiceForMonth(store, { contractId: northstarId, month: '2027-04', now: endOfMay, actor: 'test' });
    const overview = await contractOverview(store, northstarId, Date.parse('2027-06-10T12:00:00-07:00') / 1000);
    expect(overview.credits.history).toEqual({ source: 'issued-invoices', months: 2 });
    expect(overview.invoices).toMatchObject({ issued: 1, overdue: 1 });
    expect(overview.invoices.balance.minor).toBeGreaterThan(0n);
    expect(overview.invoices.netDue.minor).toBe(overview.invoices.balance.minor + overview.invoices.interest.minor);
    expect(overview.notes).toContain('the credit caps read 2 earlier months settled on issued invoices');
  });
});
