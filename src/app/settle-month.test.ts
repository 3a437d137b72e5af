import { describe, expect, it } from 'vitest';
import { contractBusinessDays } from './contract-business-days.js';
import { computeScorecard } from './compute-scorecard.js';
import { businessDaysOn, settleMonth } from './settle-month.js';
import { example, exampleVersion } from '../domain/settlement/test-support/fixtures.js';
import { buildInvoice, computeCredits, invoiceToJson } from '../domain/settlement/index.js';
import { compileSlaPolicy } from '../domain/sla/index.js';
import type { TicketEvent } from '../domain/tickets/index.js';

const northstar = example('northstar-tiered');

/** `count` P3 tickets created an hour apart from `fromAt`, each replied to after 10 minutes and solved after 2 hours. */
function tickets(count: number, fromAt: number): TicketEvent[][] {
  return Array.from({ length: count }, (_, i) => {
    const ticket = `T-${i + 1}`;
    const at = fromAt + i * 3600;
    return [
      { ticket, id: `${ticket}/c`, at, kind: 'created', priority: 'normal', channel: 'email', category: 'troubleshooting', technology: 'Windows 11' },
      { ticket, id: `${ticket}/r`, at: at + 600, kind: 'agent_replied' },
      { ticket, id: `${ticket}/s`, at: at + 7200, kind: 'solved' },
    ];
  });
}

describe('settleMonth', () => {
  it("gives the invoice the store path gives, and the month's credits to carry", async () => {
    const fromAt = Date.parse('2027-04-05T09:00:00-07:00') / 1000;
    const asOf = Date.parse('2027-05-03T00:00:00-07:00') / 1000;
    const settled = await settleMonth({ contract: northstar, contractVersion: exampleVersion('northstar-tiered'), month: '2027-04', asOf, tickets: tickets(40, fromAt), history: [] });
    const scorecard = await computeScorecard({ contract: northstar, month: '2027-04', asOf, tickets: tickets(40, fromAt) });
    const direct = buildInvoice({ contract: northstar, contractVersion: exampleVersion('northstar-tiered'), serviceMonth: '2027-04', scorecard, isBusinessDay: contractBusinessDays(northstar).isBusinessDay });
    expect(JSON.stringify(invoiceToJson(settled.invoice))).toBe(JSON.stringify(invoiceToJson(direct)));
    expect(settled.adjustments).toEqual(computeCredits(northstar, scorecard, []));
    // 40 × 18.00 = 720.00 + 4,000.00 base, trued up to the 9,000.00 minimum; issued Monday 2027-05-03 (1 May is a Saturday).
    expect(settled.invoice).toMatchObject({ issueOn: '2027-05-03', dueOn: '2027-06-02' });
    expect(settled.invoice.totals.charges).toEqual({ minor: 900000n, currency: 'USD' });
  });
});

describe('businessDaysOn', () => {
  it("answers as contractBusinessDays does: holidays and weekends closed, the business calendar when none is named", () => {
    const onPolicy = businessDaysOn(compileSlaPolicy(northstar).calendars);
    const onContract = contractBusinessDays(northstar).isBusinessDay;
    // Monday 2029-01-01 (New Year's Day), Friday 2027-07-02, Monday 2027-07-05 (Independence Day observed), Saturday 2027-05-01, a closure on 2027-12-24.
    const dates = ['2029-01-01', '2027-07-02', '2027-07-05', '2027-05-01', '2027-12-24', '2027-12-27'];
    for (const name of [undefined, 'business', 'extended', 'always', 'no-such-calendar']) {
      expect(dates.map((d) => onPolicy(d, name))).toEqual(dates.map((d) => onContract(d, name)));
    }
    expect(dates.map((d) => onPolicy(d))).toEqual([false, true, false, false, false, true]);
  });
});
