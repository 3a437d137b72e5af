import { describe, expect, it } from 'vitest';
import { computeScorecard } from './compute-scorecard.js';
import { at, loadExample, ticket } from '../domain/sla/test-support/ticket-builder.js';

const northstar = loadExample('northstar-tiered');

const tickets = [
  ticket('N1', ['2027-03-01T09:00:00-08:00', 'created', { priority: 'urgent', channel: 'phone', category: 'troubleshooting', technology: 'Windows 11' }], ['2027-03-01T09:10:00-08:00', 'agent_replied'], ['2027-03-01T11:00:00-08:00', 'solved']),
  ticket('N2', ['2027-03-02T09:00:00-08:00', 'created', { priority: 'urgent', channel: 'phone' }], ['2027-03-02T09:20:00-08:00', 'agent_replied'], ['2027-03-02T14:00:00-08:00', 'solved']),
  ticket('N3', ['2027-03-03T09:00:00-08:00', 'created', { priority: 'normal', channel: 'email' }], ['2027-03-03T10:00:00-08:00', 'agent_replied'], ['2027-03-03T10:30:00-08:00', 'customer_replied'], ['2027-03-03T11:00:00-08:00', 'agent_replied'], ['2027-03-03T12:00:00-08:00', 'solved']),
  ticket('N4', ['2027-03-04T09:00:00-08:00', 'created', { priority: 'normal', channel: 'portal' }], ['2027-03-04T09:30:00-08:00', 'agent_replied'], ['2027-03-04T10:00:00-08:00', 'solved'], ['2027-03-05T09:00:00-08:00', 'reopened'], ['2027-03-05T10:00:00-08:00', 'solved']),
  ticket('N5', ['2027-03-31T21:00:00-07:00', 'created', { priority: 'high', channel: 'chat' }]),
  ticket('N6', ['2027-03-08T09:00:00-08:00', 'created', { priority: 'normal', category: 'onsite-hardware-repair' }], ['2027-03-09T09:00:00-08:00', 'solved']),
  ticket('N7', ['2027-03-08T09:00:00-08:00', 'created', { priority: 'normal', technology: 'Windows 10' }], ['2027-03-09T09:00:00-08:00', 'solved']),
  ticket('N8', ['2027-03-06T02:00:00-08:00', 'created', { priority: 'urgent', channel: 'email' }], ['2027-03-06T02:05:00-08:00', 'agent_replied'], ['2027-03-06T03:00:00-08:00', 'solved']),
  ticket('F1', ['2027-04-02T09:00:00-07:00', 'created', { priority: 'urgent' }]),
];

async function march(asOf = '2027-04-10T00:00:00-07:00') {
  return computeScorecard({
    contract: northstar,
    month: '2027-03',
    asOf: at(asOf),
    tickets,
    outages: [{ id: 'O1', service: 'phone-line', startAt: at('2027-03-10T10:00:00-08:00'), endAt: at('2027-03-10T11:30:00-08:00') }],
    vendorReports: [{ id: 'R3', month: '2027-03', deliveredAt: at('2027-04-08T10:00:00-07:00') }],
  });
}

describe('computeScorecard', () => {
  it('computes service-level attainment from the clocks that settle in the month, with the tickets behind each miss', async () => {
    const card = await march();
    const level = (id: string) => card.serviceLevels.find((l) => l.id === id);
    expect(level('p1-response')).toMatchObject({ settled: 3, met: 2, breached: 1, result: 'missed', breachedTickets: ['N2'], attainment: { percent: '66.67%' } });
    expect(level('p1-resolution')).toMatchObject({ settled: 3, met: 2, result: 'missed', breachedTickets: ['N2'] });
    expect(level('p3p4-resolution')).toMatchObject({ settled: 2, met: 2, result: 'met', attainment: { percent: '100.00%' } });
  });

  it('reports "no data" for a level whose only clock breaches after the month, and counts it in the month it breaches', async () => {
    const card = await march();
    expect(card.serviceLevels.find((l) => l.id === 'p2-response')).toMatchObject({ settled: 0, result: 'no-data', attainment: undefined });
    const april = await computeScorecard({ contract: northstar, month: '2027-04', asOf: at('2027-04-10T00:00:00-07:00'), tickets });
    expect(april.serviceLevels.find((l) => l.id === 'p2-response')).toMatchObject({ settled: 1, breachedTickets: ['N5'] });
  });

  it('measures first-contact resolution, reopen rate and mean time to resolve over tickets solved in the month', async () => {
    const card = await march();
    const q = (id: string) => card.quality.find((x) => x.id === id);
    // Solved in March (in scope): N1, N2, N8 first-contact; N3 had two replies; N4 was reopened.
    expect(q('fcr')).toMatchObject({ count: 5, share: { numerator: 3, denominator: 5, percent: '60.00%' }, result: 'missed', tickets: ['N3', 'N4'] });
    expect(q('reopen-rate')).toMatchObject({ share: { numerator: 1, denominator: 5 }, result: 'missed', tickets: ['N4'] });
    // P1 on the always calendar: 2h, 5h and 1h; mean 2h 40m <= 3h.
    expect(q('mttr-p1')).toMatchObject({ count: 3, meanSeconds: 9600, result: 'met' });
  });

  it('measures availability on the named calendar and reports the longest outage', async () => {
    const card = await march();
    // March 2027 in Los Angeles has 743 hours (the spring-forward hour is missing); 1.5h down.
    expect(card.availability[0]).toMatchObject({ periodSeconds: 743 * 3600, outageSeconds: 5400, longestOutageSeconds: 5400, longestOutageTooLong: true, result: 'missed', availability: { percent: '99.80%' }, outages: ['O1'] });
  });

  it('marks the vendor report late when delivered after the 5th business day of the next month', async () => {
    const card = await march();
    expect(card.vendorReport).toEqual({ dueAt: at('2027-04-07T18:00:00-07:00'), deliveredAt: at('2027-04-08T10:00:00-07:00'), result: 'late' });
  });

  it('lists out-of-scope tickets, coverage gaps per channel, and the volumes and extras the invoice needs', async () => {
    const card = await march();
    expect(card.outOfScope).toEqual([
      { ticket: 'N6', reason: 'excluded service onsite-hardware-repair' },
      { ticket: 'N7', reason: 'technology not covered: Windows 10' },
    ]);
    expect(card.coverage.find((c) => c.channel === 'email')).toMatchObject({ created: 2, createdOutsideCoverage: 1, tickets: ['N8'] });
    expect(card.volumes).toMatchObject({ created: 6, resolvedByPriority: { P1: 3, P3: 2 }, createdByPriority: { P1: 3, P2: 1, P3: 2 }, extras: { 'after-hours-p1': ['N8'] } });
  });

  it('ignores events after as-of, so an earlier scorecard does not change', async () => {
    const early = await march('2027-03-02T12:00:00-08:00');
    expect(early.serviceLevels.find((l) => l.id === 'p1-resolution')).toMatchObject({ settled: 1, met: 1 });
  });

  it('matches a source channel to the contract channel ignoring case and spacing ("Chat", "E_Mail")', async () => {
    const card = await computeScorecard({
      contract: northstar,
      month: '2027-03',
      asOf: at('2027-04-10T00:00:00-07:00'),
      tickets: [
        ticket('C1', ['2027-03-07T10:00:00-08:00', 'created', { priority: 'normal', channel: 'Chat' }]),
        ticket('C2', ['2027-03-08T10:00:00-08:00', 'created', { priority: 'normal', channel: 'E_Mail' }]),
      ],
    });
    expect(card.coverage.map((c) => [c.channel, c.created, c.createdOutsideCoverage])).toEqual([
      ['chat', 1, 1],
      ['email', 1, 0],
    ]);
  });
});
