import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateTicketClocks } from './evaluate-ticket-clocks.js';
import { explainTicket } from './explain-ticket.js';
import { compileSlaPolicy, type SlaPolicy } from './sla-policy.js';
import { buildTicketTimeline } from './ticket-timeline.js';
import { referenceTicketClocks, referenceTicketTimeline } from './test-support/reference-ticket-clocks.js';
import { loadExample } from './test-support/ticket-builder.js';
import { ticketEventsArbitrary } from './test-support/ticket-arbitrary.js';

const northstar = (edit: (text: string) => string = (t) => t): SlaPolicy => compileSlaPolicy(loadExample('northstar-tiered', edit));
const clockLine = (mode: string): ((t: string) => string) => (t) => t.replace('priorityChange: restart-from-creation', `priorityChange: ${mode}`);

/** Every combination of clock rules the engine branches on, on the two example contracts. */
const policies: Record<string, SlaPolicy> = {
  'northstar (restart-from-creation, resume, next-opening)': northstar(),
  'northstar restart-from-change': northstar(clockLine('restart-from-change')),
  'northstar keep-original': northstar(clockLine('keep-original')),
  'northstar reopen restart': northstar((t) => t.replace('reopen: resume', 'reopen: restart')),
  'northstar restart-from-change, restart, closing-time, at risk 50%, pending_customer only, no P4 first response': northstar((t) =>
    clockLine('restart-from-change')(t)
      .replace('reopen: resume', 'reopen: restart\n    atRiskAt: "50%"')
      .replace('dueAtClosingTime: next-opening', 'dueAtClosingTime: closing-time')
      .replace('pausedIn: [pending_customer, on_hold_third_party]', 'pausedIn: [pending_customer]')
      .replace('      P4: { within: 1bd, calendar: business }\n', ''),
  ),
  'northstar keep-original, restart, closing-time': northstar((t) => clockLine('keep-original')(t).replace('reopen: resume', 'reopen: restart').replace('dueAtClosingTime: next-opening', 'dueAtClosingTime: closing-time')),
  'bayline (restart-from-change, restart, closing-time)': compileSlaPolicy(loadExample('bayline-per-incident')),
};

const ticketArb = fc.record({
  policy: fc.constantFrom(...Object.keys(policies)),
  events: ticketEventsArbitrary(fc.constant('P')),
  asOfAfterCreation: fc.integer({ min: -3600, max: 20 * 86400 }),
}).map(({ policy, events, asOfAfterCreation }) => ({ policy, events, asOf: events.find((e) => e.kind === 'created')!.at + asOfAfterCreation }));

describe('evaluateTicketClocks', () => {
  it('gives exactly the reference engine\'s timeline and clocks for random event sequences under every clock rule', () => {
    fc.assert(
      fc.property(ticketArb, ({ policy: name, events, asOf }) => {
        const policy = policies[name]!;
        const timeline = buildTicketTimeline(events, policy);
        const expected = referenceTicketTimeline(events, policy);
        expect(timeline).toStrictEqual(expected);
        if (!timeline || !expected) return;
        expect(evaluateTicketClocks(policy, timeline, asOf)).toStrictEqual(referenceTicketClocks(policy, expected, asOf));
      }),
      { numRuns: 3000 },
    );
  });

  it('explains every clock with steps whose added seconds sum to its elapsed time, and with the same result', () => {
    fc.assert(
      fc.property(ticketArb, ({ policy: name, events, asOf }) => {
        const policy = policies[name]!;
        const timeline = buildTicketTimeline(events, policy)!;
        const explained = explainTicket(policy, timeline, asOf);
        const clocks = evaluateTicketClocks(policy, timeline, asOf);
        expect(explained.clocks.map(({ steps: _steps, ...clock }) => clock)).toStrictEqual(clocks.clocks);
        for (const clock of explained.clocks) expect(clock.steps.reduce((sum, step) => sum + step.addedSeconds, 0)).toBe(clock.elapsedSeconds);
      }),
      { numRuns: 1500 },
    );
  });
});
