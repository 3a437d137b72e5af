import { describe, expect, it } from 'vitest';
import type { Contract } from '../contract/schema/contract-schema.js';
import type { ClockResult } from './clock-types.js';
import { evaluateTicketClocks } from './evaluate-ticket-clocks.js';
import { compileSlaPolicy, mapPriority } from './sla-policy.js';
import { buildTicketTimeline } from './ticket-timeline.js';
import { at, loadExample, ticket } from './test-support/ticket-builder.js';
import type { TicketEvent } from '../tickets/ticket-event.js';

const northstar = loadExample('northstar-tiered');

function clocksOf(contract: Contract, events: TicketEvent[], asOf = '2027-06-01T00:00:00Z'): { fr?: ClockResult; res: ClockResult[]; notes: readonly string[] } {
  const policy = compileSlaPolicy(contract);
  const timeline = buildTicketTimeline(events, policy);
  if (!timeline) throw new Error('no timeline');
  const result = evaluateTicketClocks(policy, timeline, at(asOf));
  return { fr: result.clocks.find((c) => c.metric === 'firstResponse'), res: result.clocks.filter((c) => c.metric === 'resolution'), notes: result.notes };
}

const H = 3600;
const M = 60;

describe('evaluateTicketClocks', () => {
  it('works the DESIGN example T-1001: reply, pause, priority change to urgent (restart from creation), reopen (resume)', () => {
    const events = ticket(
      'T-1001',
      ['2027-03-01T09:15:00-08:00', 'created', { priority: 'high', channel: 'email' }],
      ['2027-03-01T09:40:00-08:00', 'internal_note'],
      ['2027-03-01T10:05:00-08:00', 'agent_replied'],
      ['2027-03-01T10:06:00-08:00', 'status_changed', { status: 'pending_customer' }],
      ['2027-03-02T08:30:00-08:00', 'customer_replied'],
      ['2027-03-02T08:31:00-08:00', 'status_changed', { status: 'open' }],
      ['2027-03-02T11:00:00-08:00', 'priority_changed', { priority: 'urgent' }],
      ['2027-03-02T13:20:00-08:00', 'solved'],
      ['2027-03-03T09:00:00-08:00', 'reopened'],
      ['2027-03-03T10:00:00-08:00', 'solved'],
    );
    const { fr, res } = clocksOf(northstar, events);
    // First response: P2 (1h on extended), 09:15 to 10:05 is 50 minutes; the later change to P1 does not touch a stopped clock.
    expect(fr).toMatchObject({ priority: 'P2', status: 'met', elapsedSeconds: 50 * M, targetSeconds: H, stoppedAt: at('2027-03-01T10:05:00-08:00') });
    // Resolution: measured as P1 (4h around the clock) from creation: 51m, pause to 08:31, 4h49m to the solve, then 1h after the reopen.
    expect(res).toHaveLength(1);
    expect(res[0]).toMatchObject({ priority: 'P1', calendarName: 'always', status: 'breached', elapsedSeconds: 6 * H + 40 * M, targetSeconds: 4 * H });
    expect(res[0]?.dueAt).toBe(at('2027-03-02T11:40:00-08:00'));
    expect(res[0]?.breachedAt).toBe(at('2027-03-02T11:40:01-08:00'));
    expect(res[0]?.settledAt).toBe(at('2027-03-03T10:00:00-08:00'));
  });

  it('stops first response at the first public agent reply, not at an internal note', () => {
    const { fr } = clocksOf(northstar, ticket('A', ['2027-03-01T09:00:00-08:00', 'created', { priority: 'normal' }], ['2027-03-01T09:10:00-08:00', 'internal_note'], ['2027-03-01T12:30:00-08:00', 'agent_replied']));
    expect(fr).toMatchObject({ elapsedSeconds: 3.5 * H, status: 'met', stoppedAt: at('2027-03-01T12:30:00-08:00') });
  });

  it('stops first response at the solve when that comes first', () => {
    const { fr } = clocksOf(northstar, ticket('A', ['2027-03-01T09:00:00-08:00', 'created', { priority: 'normal' }], ['2027-03-01T09:30:00-08:00', 'solved'], ['2027-03-01T10:00:00-08:00', 'agent_replied']));
    expect(fr?.stoppedAt).toBe(at('2027-03-01T09:30:00-08:00'));
  });

  it('never pauses first response, even while waiting on the customer', () => {
    const { fr } = clocksOf(northstar, ticket('A', ['2027-03-01T09:00:00-08:00', 'created', { priority: 'normal' }], ['2027-03-01T09:10:00-08:00', 'status_changed', { status: 'pending_customer' }], ['2027-03-01T14:00:00-08:00', 'agent_replied']));
    expect(fr).toMatchObject({ elapsedSeconds: 5 * H, status: 'breached' });
  });

  it('keeps one first-response clock through a reopen', () => {
    const { fr } = clocksOf(northstar, ticket('A', ['2027-03-01T09:00:00-08:00', 'created', { priority: 'normal' }], ['2027-03-01T09:20:00-08:00', 'solved'], ['2027-03-02T09:00:00-08:00', 'reopened'], ['2027-03-02T15:00:00-08:00', 'agent_replied']));
    expect(fr).toMatchObject({ elapsedSeconds: 20 * M, stoppedAt: at('2027-03-01T09:20:00-08:00') });
  });

  it('pauses resolution from the change into a pausedIn status until a change out of them; moving between two paused statuses or a customer reply does not end it', () => {
    const { res } = clocksOf(
      northstar,
      ticket(
        'A',
        ['2027-03-01T09:00:00-08:00', 'created', { priority: 'normal' }],
        ['2027-03-01T10:00:00-08:00', 'status_changed', { status: 'pending_customer' }],
        ['2027-03-01T11:00:00-08:00', 'status_changed', { status: 'on_hold_third_party' }],
        ['2027-03-01T12:00:00-08:00', 'customer_replied'],
        ['2027-03-01T13:00:00-08:00', 'status_changed', { status: 'open' }],
        ['2027-03-01T15:00:00-08:00', 'solved'],
      ),
    );
    expect(res[0]).toMatchObject({ elapsedSeconds: 3 * H, status: 'met' });
  });

  it('changes nothing when the pause lies while the calendar is closed', () => {
    const base: [string, 'created' | 'solved', { priority: string }?][] = [];
    base.push(['2027-03-05T17:00:00-08:00', 'created', { priority: 'normal' }]);
    const without = clocksOf(northstar, ticket('A', ['2027-03-05T17:00:00-08:00', 'created', { priority: 'normal' }], ['2027-03-08T09:00:00-08:00', 'solved']));
    const withPause = clocksOf(northstar, ticket('A', ['2027-03-05T17:00:00-08:00', 'created', { priority: 'normal' }], ['2027-03-05T19:00:00-08:00', 'status_changed', { status: 'pending_customer' }], ['2027-03-08T07:00:00-08:00', 'status_changed', { status: 'open' }], ['2027-03-08T09:00:00-08:00', 'solved']));
    expect(without.res[0]?.elapsedSeconds).toBe(2 * H);
    expect(withPause.res[0]?.elapsedSeconds).toBe(2 * H);
  });

  it('ends a pause at the solve', () => {
    const { res } = clocksOf(northstar, ticket('A', ['2027-03-01T09:00:00-08:00', 'created', { priority: 'normal' }], ['2027-03-01T10:00:00-08:00', 'status_changed', { status: 'pending_customer' }], ['2027-03-03T10:00:00-08:00', 'solved']));
    expect(res[0]).toMatchObject({ elapsedSeconds: H, stoppedAt: at('2027-03-03T10:00:00-08:00'), status: 'met' });
  });

  it('stops both clocks at a close without a solve', () => {
    const { fr, res } = clocksOf(northstar, ticket('A', ['2027-03-01T09:00:00-08:00', 'created', { priority: 'normal' }], ['2027-03-01T11:00:00-08:00', 'closed']));
    expect(fr).toMatchObject({ stoppedAt: at('2027-03-01T11:00:00-08:00'), elapsedSeconds: 2 * H, status: 'met' });
    expect(res[0]).toMatchObject({ stoppedAt: at('2027-03-01T11:00:00-08:00'), status: 'met' });
  });

  it('ends running clocks of a canceled ticket as canceled, settling in no month', () => {
    const { fr, res } = clocksOf(northstar, ticket('A', ['2027-03-01T09:00:00-08:00', 'created', { priority: 'normal' }], ['2027-03-01T09:30:00-08:00', 'agent_replied'], ['2027-03-01T11:00:00-08:00', 'status_changed', { status: 'canceled' }]));
    expect(fr?.status).toBe('met');
    expect(res[0]).toMatchObject({ status: 'canceled', settledAt: undefined, met: undefined });
  });

  it('restart-from-creation measures the new priority from creation on its calendar, and can breach at once', () => {
    const { res } = clocksOf(northstar, ticket('A', ['2027-03-01T09:00:00-08:00', 'created', { priority: 'normal' }], ['2027-03-01T14:00:00-08:00', 'priority_changed', { priority: 'urgent' }]), '2027-03-01T14:00:00-08:00');
    expect(res[0]).toMatchObject({ priority: 'P1', calendarName: 'always', startedAt: at('2027-03-01T09:00:00-08:00'), elapsedSeconds: 5 * H, status: 'breached' });
    expect(res[0]?.settledAt).toBe(at('2027-03-01T13:00:01-08:00'));
  });

  it('restart-from-change starts the new target at the change and counts only time after it', () => {
    const contract = loadExample('northstar-tiered', (t) => t.replace('priorityChange: restart-from-creation', 'priorityChange: restart-from-change'));
    const { res } = clocksOf(contract, ticket('A', ['2027-03-01T09:00:00-08:00', 'created', { priority: 'normal' }], ['2027-03-01T14:00:00-08:00', 'priority_changed', { priority: 'urgent' }], ['2027-03-01T17:00:00-08:00', 'solved']));
    expect(res[0]).toMatchObject({ priority: 'P1', startedAt: at('2027-03-01T14:00:00-08:00'), elapsedSeconds: 3 * H, status: 'met' });
  });

  it('keep-original ignores priority changes', () => {
    const contract = loadExample('northstar-tiered', (t) => t.replace('priorityChange: restart-from-creation', 'priorityChange: keep-original'));
    const { res } = clocksOf(contract, ticket('A', ['2027-03-01T09:00:00-08:00', 'created', { priority: 'normal' }], ['2027-03-01T14:00:00-08:00', 'priority_changed', { priority: 'urgent' }], ['2027-03-01T17:00:00-08:00', 'solved']));
    expect(res[0]).toMatchObject({ priority: 'P3', calendarName: 'business', elapsedSeconds: 8 * H, status: 'met' });
  });

  it('treats a raw value that maps to the same priority as no change', () => {
    const contract = loadExample('northstar-tiered', (t) => t.replace('priorityChange: restart-from-creation', 'priorityChange: restart-from-change'));
    const { res } = clocksOf(contract, ticket('A', ['2027-03-01T09:00:00-08:00', 'created', { priority: 'normal' }], ['2027-03-01T10:00:00-08:00', 'priority_changed', { priority: 'Medium' }], ['2027-03-01T11:00:00-08:00', 'solved']));
    expect(res[0]).toMatchObject({ startedAt: at('2027-03-01T09:00:00-08:00'), elapsedSeconds: 2 * H });
  });

  it('resume on reopen runs the same clock again and does not count the time between solve and reopen', () => {
    const { res } = clocksOf(northstar, ticket('A', ['2027-03-01T09:00:00-08:00', 'created', { priority: 'normal' }], ['2027-03-01T10:00:00-08:00', 'solved'], ['2027-03-02T09:00:00-08:00', 'reopened'], ['2027-03-02T11:00:00-08:00', 'solved']));
    expect(res).toHaveLength(1);
    expect(res[0]).toMatchObject({ cycle: 1, elapsedSeconds: 3 * H, stoppedAt: at('2027-03-02T11:00:00-08:00') });
  });

  it('restart on reopen opens cycle 2 with a fresh target; cycle 1 stays on record', () => {
    const bayline = loadExample('bayline-per-incident');
    const { res } = clocksOf(bayline, ticket('A', ['2027-03-01T09:00:00-08:00', 'created', { priority: 'High' }], ['2027-03-01T17:00:00-08:00', 'solved'], ['2027-03-02T09:00:00-08:00', 'reopened'], ['2027-03-02T10:00:00-08:00', 'solved']));
    expect(res.map((c) => [c.cycle, c.status, c.elapsedSeconds])).toEqual([
      [1, 'breached', 8 * H],
      [2, 'met', H],
    ]);
  });

  it('turns a bd target into open time to the Nth day\'s closing, day 0 being the next opening for a ticket created while closed', () => {
    // Saturday 2027-03-06: day 0 is Monday 03-08, so 1bd is due at Tuesday 03-09 18:00; 20 open hours.
    const { fr } = clocksOf(northstar, ticket('A', ['2027-03-06T10:00:00-08:00', 'created', { priority: 'low' }]), '2027-03-06T12:00:00-08:00');
    expect(fr).toMatchObject({ targetSeconds: 20 * H, dueAt: at('2027-03-09T18:00:00-08:00'), elapsedSeconds: 0, status: 'running' });
  });

  it('shows an s/m/h target used up exactly at closing at the next opening, a bd target at the closing', () => {
    const { fr } = clocksOf(northstar, ticket('A', ['2027-03-01T14:00:00-08:00', 'created', { priority: 'normal' }], ['2027-03-01T18:00:00-08:00', 'agent_replied']));
    expect(fr).toMatchObject({ dueAt: at('2027-03-02T08:00:00-08:00'), elapsedSeconds: 4 * H, status: 'met' });
    const closing = loadExample('northstar-tiered', (t) => t.replace('dueAtClosingTime: next-opening', 'dueAtClosingTime: closing-time'));
    expect(clocksOf(closing, ticket('A', ['2027-03-01T14:00:00-08:00', 'created', { priority: 'normal' }])).fr?.dueAt).toBe(at('2027-03-01T18:00:00-08:00'));
  });

  it('extends dueAt by a pause still open at as-of, counted as ending then', () => {
    const { res } = clocksOf(northstar, ticket('A', ['2027-03-01T09:00:00-08:00', 'created', { priority: 'high' }], ['2027-03-01T10:00:00-08:00', 'status_changed', { status: 'pending_customer' }]), '2027-03-01T12:00:00-08:00');
    // P2: 8h on extended (06-22). 1h counted, paused 10:00-12:00 (as of), so 7h remain from 12:00: due 19:00.
    expect(res[0]).toMatchObject({ status: 'paused', elapsedSeconds: H, dueAt: at('2027-03-01T19:00:00-08:00') });
  });

  it('marks a running clock at risk from 75% of its target (inclusive)', () => {
    const events = ticket('A', ['2027-03-01T09:00:00-08:00', 'created', { priority: 'normal' }]);
    expect(clocksOf(northstar, events, '2027-03-01T11:59:59-08:00').fr?.status).toBe('running');
    expect(clocksOf(northstar, events, '2027-03-01T12:00:00-08:00').fr?.status).toBe('at-risk');
    expect(clocksOf(northstar, events, '2027-03-01T13:00:00-08:00').fr?.status).toBe('at-risk');
    expect(clocksOf(northstar, events, '2027-03-01T13:00:01-08:00').fr?.status).toBe('breached');
  });

  it('ranks breached above paused, and paused above at-risk', () => {
    const events = ticket('A', ['2027-03-01T09:00:00-08:00', 'created', { priority: 'urgent' }], ['2027-03-01T12:30:00-08:00', 'status_changed', { status: 'pending_customer' }]);
    expect(clocksOf(northstar, events, '2027-03-01T14:00:00-08:00').res[0]?.status).toBe('paused'); // 3.5h of 4h: at risk, but paused wins
    const late = ticket('A', ['2027-03-01T09:00:00-08:00', 'created', { priority: 'urgent' }], ['2027-03-01T13:30:00-08:00', 'status_changed', { status: 'pending_customer' }]);
    expect(clocksOf(northstar, late, '2027-03-01T14:00:00-08:00').res[0]?.status).toBe('breached');
  });

  it('counts business time across the spring-forward hour as real elapsed seconds', () => {
    // Around the clock, Saturday 2027-03-13 22:00 to Sunday 03-14 04:00 local is 5 real hours (02:00-03:00 does not exist).
    const { res } = clocksOf(northstar, ticket('A', ['2027-03-13T22:00:00-08:00', 'created', { priority: 'urgent' }], ['2027-03-14T04:00:00-07:00', 'solved']));
    expect(res[0]?.elapsedSeconds).toBe(5 * H);
  });

  it('leaves a ticket whose priority does not map without clocks, and says why', () => {
    const { fr, res, notes } = clocksOf(northstar, ticket('A', ['2027-03-01T09:00:00-08:00', 'created', { priority: 'whenever' }]));
    expect(fr).toBeUndefined();
    expect(res).toEqual([]);
    expect(notes.join('\n')).toMatch(/does not map/);
  });
});

describe('mapPriority', () => {
  it('maps raw values trimmed and case-insensitively, and contract ids to themselves', () => {
    const policy = compileSlaPolicy(northstar);
    expect(mapPriority(policy, ' Urgent ')).toBe('P1');
    expect(mapPriority(policy, '1')).toBe('P1');
    expect(mapPriority(policy, 'MEDIUM')).toBe('P3');
    expect(mapPriority(policy, 'p4')).toBe('P4');
    expect(mapPriority(policy, 'sometime')).toBeUndefined();
  });
});
