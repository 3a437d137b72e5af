import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Contract } from '../contract/schema/contract-schema.js';
import { buildTicketTimeline, compileSlaPolicy, evaluateTicketClocks } from '../sla/index.js';
import { ticketEventsArbitrary } from '../sla/test-support/ticket-arbitrary.js';
import { at, loadExample } from '../sla/test-support/ticket-builder.js';
import { MonthlyScorecardBuilder } from './monthly-scorecard.js';
import { ReferenceMonthlyScorecardBuilder } from './test-support/reference-monthly-scorecard.js';

const fcr = (definition: string) => (t: string) => t.replace('atLeast: "70%"', `atLeast: "70%"\n      definition: ${definition}`);

/** The example contracts (one with most sections missing) and the other first-contact definitions. */
const contracts: Record<string, Contract> = {
  northstar: loadExample('northstar-tiered'),
  'northstar, fcr one-touch': loadExample('northstar-tiered', fcr('one-touch')),
  'northstar, fcr no-reopen, reopen restart': loadExample('northstar-tiered', (t) => fcr('no-reopen')(t).replace('reopen: resume', 'reopen: restart')),
  bayline: loadExample('bayline-per-incident'),
  'draft with gaps': loadExample('draft-with-gaps'),
};
const policies = new Map(Object.entries(contracts).map(([name, contract]) => [name, compileSlaPolicy(contract)]));

// Around March 2027 in Los Angeles: before it, inside it (DST), at its end, after it.
const anchors = ['2027-02-26T10:00:00-08:00', '2027-03-05T16:30:00-08:00', '2027-03-13T21:00:00-08:00', '2027-03-31T15:00:00-07:00', '2027-03-31T23:30:00-07:00', '2027-04-01T09:00:00-07:00'].map(at);
const ticketsArb = fc
  .array(
    ticketEventsArbitrary(fc.constant('T'), {
      anchors,
      channels: ['phone', 'chat', 'email', 'portal', 'fax', undefined],
      categories: ['troubleshooting', 'installation', 'onsite-hardware-repair', ' Onsite-Hardware-Repair', undefined],
      technologies: ['Windows 11', ' windows 11', 'Windows 10', 'Windows', 'macOS 15', 'Slack', 'laptop', 'Typewriter', undefined],
    }),
    { maxLength: 40 },
  )
  .map((tickets) => tickets.map((events, i) => events.map((e) => ({ ...e, ticket: `T${i}` }))));

describe('MonthlyScorecardBuilder', () => {
  it('keeps the same capped lists as the reference past their caps, whatever order the ids arrive in', () => {
    const contract = contracts.northstar!;
    const policy = policies.get('northstar')!;
    const asOf = at('2027-04-10T00:00:00-07:00');
    const sample = fc.sample(ticketEventsArbitrary(fc.constant('T'), { anchors, channels: ['phone', 'email', undefined] }), { numRuns: 12_000, seed: 11 });
    // Ids in a shuffled order, and every ticket twice: the cut and the early turn-away must keep what a full sort keeps.
    // A third start above U+FFFF and a third at U+FFEF, which UTF-16 order puts the other way round from the store's.
    const id = (i: number): string => `${['T', '\u{1F600}', '\uFFEF'][i % 3]}${i}`;
    const order = sample.map((_, i) => i).sort((a, b) => ((a * 7919) % 12_007) - ((b * 7919) % 12_007));
    const builder = new MonthlyScorecardBuilder(contract, policy, '2027-03', asOf);
    const reference = new ReferenceMonthlyScorecardBuilder(contract, policy, '2027-03', asOf);
    for (let pass = 0; pass < 2; pass++) {
      for (const i of order) {
        const timeline = buildTicketTimeline(sample[i]!.map((e) => ({ ...e, ticket: id(i) })), policy);
        if (!timeline) continue;
        const { clocks, priority } = evaluateTicketClocks(policy, timeline, asOf);
        builder.addTicket(timeline, clocks, priority);
        reference.addTicket(timeline, clocks, priority);
      }
    }
    const card = builder.build();
    // At least one list went past its cap (so the cut and the turn-away both ran).
    expect([...card.serviceLevels.map((l) => l.breachedTickets.length), ...card.quality.map((q) => q.tickets.length)]).toContain(1000);
    expect(card).toStrictEqual(reference.build());
  });

  it('builds exactly the reference builder\'s scorecard for random tickets, contracts and as-of instants', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(contracts)), ticketsArb, fc.integer({ min: -10 * 86400, max: 20 * 86400 }), (name, tickets, asOfAfterMonth) => {
        const contract = contracts[name]!;
        const policy = policies.get(name)!;
        const asOf = at('2027-04-01T00:00:00-07:00') + asOfAfterMonth;
        const builder = new MonthlyScorecardBuilder(contract, policy, '2027-03', asOf);
        const reference = new ReferenceMonthlyScorecardBuilder(contract, policy, '2027-03', asOf);
        for (const events of tickets) {
          const timeline = buildTicketTimeline(events, policy);
          if (!timeline) continue;
          const { clocks, priority } = evaluateTicketClocks(policy, timeline, asOf);
          builder.addTicket(timeline, clocks, priority);
          reference.addTicket(timeline, clocks, priority);
        }
        const outages = [{ id: 'O1', service: 'phone-line', startAt: at('2027-03-10T10:00:00-08:00'), endAt: at('2027-03-10T11:30:00-08:00') }];
        const reports = [{ id: 'R3', month: '2027-03', deliveredAt: at('2027-04-08T10:00:00-07:00') }];
        for (const card of [builder, reference]) {
          card.addOutages(outages);
          card.addVendorReports(reports);
        }
        expect(builder.build()).toStrictEqual(reference.build());
      }),
      { numRuns: 300 },
    );
  });
});
