import { describe, expect, it } from 'vitest';
import { parseContract } from '../domain/contract/parse-contract.js';
import { formatMoney } from '../domain/money/index.js';
import type { TicketEvent } from '../domain/tickets/index.js';
import { backtestProposal } from './backtest-proposal.js';

function contract(id: string, calendar: string, price: string, credit: string): string {
  return `supportpact: 1
id: ${id}
title: ${id}
parties: { client: { name: Client }, vendor: { name: Vendor } }
currency: USD
timezone: America/Los_Angeles
calendars:
  always: { timezone: America/Los_Angeles, hours: { mon-sun: ["00:00-24:00"] } }
  business: { timezone: America/Los_Angeles, hours: { mon-fri: ["09:00-17:00"] } }
sla:
  priorities: { P3: { name: Normal, mapFrom: [normal] } }
  targets:
    resolution: { P3: { within: 8h, calendar: ${calendar} } }
  serviceLevels:
    - { id: resolution, metric: resolution, priorities: [P3], atLeast: "90%" }
  credits:
    - { when: { serviceLevel: resolution, missed: true }, credit: "${credit}" }
term: { start: 2027-01-01, initialTerm: 12mo }
pricing:
  model: tiered
  tiers: { mode: graduated, bands: [{ unitPrice: "${price}" }] }
  invoicing: { every: 1mo, issueOn: first-day, paymentTerms: 30d }
  rounding: half-up
`;
}

const sha = (c: string) => c.repeat(64);
const current = { loaded: parseContract(contract('current', 'always', '10.00', '10%'), 'current.yaml'), sha256: sha('a') };
const proposal = { loaded: parseContract(contract('proposal', 'business', '12.00', '5%'), 'proposal.yaml'), sha256: sha('b') };

const at = (local: string) => Date.parse(`${local}-08:00`) / 1000;
function ticket(id: string, created: string, solved: string): TicketEvent[] {
  return [
    { ticket: id, at: at(created), kind: 'created', id: `${id}-c`, priority: 'normal' },
    { ticket: id, at: at(solved), kind: 'solved', id: `${id}-s` },
  ];
}

/** A one-shot source: a second read would see no tickets. */
function* once(): Generator<readonly TicketEvent[]> {
  yield ticket('T1', '2027-03-01T10:00:00', '2027-03-01T12:00:00'); // 2h either way: met
  yield ticket('T2', '2027-03-05T16:00:00', '2027-03-08T10:00:00'); // Friday to Monday: 66h around the clock, 2h of business time
  yield ticket('T3', '2027-03-02T09:00:00', '2027-03-02T16:00:00'); // 7h: met
  yield ticket('T4', '2027-04-05T09:00:00', '2027-04-05T10:00:00');
}

describe('backtestProposal', () => {
  it('measures each ticket once under both contracts: the weekend ticket breaches around the clock but not on business hours', async () => {
    const result = await backtestProposal({ proposal, current, tickets: once(), months: ['2027-03', '2027-04'], basis: 'test tickets' });
    expect(result.ticketsRead).toBe(4);
    const levels = (side: typeof result.proposal) => side.months.map((m) => `${m.month} ${m.scorecard.serviceLevels[0]!.attainment?.percent} ${m.scorecard.serviceLevels[0]!.result}`);
    expect(levels(result.current!)).toEqual(['2027-03 66.67% missed', '2027-04 100.00% met']);
    expect(levels(result.proposal)).toEqual(['2027-03 100.00% met', '2027-04 100.00% met']);
  });

  it("settles credits and invoices month by month: the current contract's March credit (10% of 30.00) lands on April's invoice", async () => {
    const result = await backtestProposal({ proposal, current, tickets: once(), months: ['2027-03', '2027-04'], basis: 'test tickets' });
    const money = (side: typeof result.proposal) => side.months.map((m) => [formatMoney(m.adjustments.fees, 'plain'), formatMoney(m.adjustments.credits.total, 'plain'), formatMoney(m.invoice.totals.total, 'plain')]);
    expect(money(result.current!)).toEqual([['30.00', '3.00', '30.00'], ['10.00', '0.00', '7.00']]);
    expect(money(result.proposal)).toEqual([['36.00', '0.00', '36.00'], ['12.00', '0.00', '12.00']]);
    expect(formatMoney(result.current!.totals.invoiced, 'plain')).toBe('37.00');
    expect(result.proposal.months[1]!.invoice.contractVersion.sha256).toBe(sha('b'));
    expect(result.notes.at(-1)).toContain('the end of 2027-04');
  });

  it('prices a proposal whose term does not cover the months as if it had started with them, and says so', async () => {
    const later = { loaded: parseContract(contract('later', 'business', '12.00', '5%').replace('start: 2027-01-01', 'start: 2028-01-01'), 'later.yaml'), sha256: sha('c') };
    const result = await backtestProposal({ proposal: later, tickets: once(), months: ['2027-03'], basis: 'test tickets' });
    expect(result.proposal.notes[0]).toContain('priced as if it had started on 2027-03-01');
    expect(result.current).toBeUndefined();
    expect(formatMoney(result.proposal.totals.fees, 'plain')).toBe('36.00');
  });
});
