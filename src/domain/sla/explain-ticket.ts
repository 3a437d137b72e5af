import { openSecondsOutsidePauses } from '../calendar/paused-time.js';
import type { TicketEvent } from '../tickets/ticket-event.js';
import type { ClockResult, TicketClocks } from './clock-types.js';
import { measureTicketClocks, type MeasuredClock } from './evaluate-ticket-clocks.js';
import type { SlaPolicy } from './sla-policy.js';
import type { TicketTimeline } from './ticket-timeline.js';

export type StepKind =
  | 'opened'
  | 'reopened'
  | 'paused'
  | 'resumed'
  | 'priority-changed'
  | 'clock-restarted'
  | 'replied'
  | 'customer-replied'
  | 'internal-note'
  | 'solved'
  | 'closed'
  | 'canceled'
  | 'status-changed'
  | 'as-of';

/** One step of a clock's timeline and the business time the clock counted since the previous step. */
export interface ClockStep {
  readonly at: number;
  readonly kind: StepKind;
  readonly note: string;
  /** Business seconds this clock counted between the previous step and this one. */
  readonly addedSeconds: number;
  /** Business seconds counted so far. */
  readonly elapsedSeconds: number;
}

export interface ExplainedClock extends ClockResult {
  readonly steps: readonly ClockStep[];
}

export interface ExplainedTicket extends Omit<TicketClocks, 'clocks'> {
  readonly clocks: readonly ExplainedClock[];
}

function stepOf(event: TicketEvent, policy: SlaPolicy, pausedBefore: boolean): { kind: StepKind; note: string; paused: boolean } {
  switch (event.kind) {
    case 'created':
      return { kind: 'opened', note: `ticket created with priority "${event.priority ?? ''}"${event.channel ? ` via ${event.channel}` : ''}`, paused: false };
    case 'priority_changed':
      return { kind: 'priority-changed', note: `priority changed to "${event.priority ?? ''}" (${policy.priorityByRaw.get((event.priority ?? '').trim().toLowerCase()) ?? 'unmapped'})`, paused: pausedBefore };
    case 'agent_replied':
      return { kind: 'replied', note: 'agent replied publicly', paused: pausedBefore };
    case 'customer_replied':
      return { kind: 'customer-replied', note: 'customer replied (does not end a pause)', paused: pausedBefore };
    case 'internal_note':
      return { kind: 'internal-note', note: 'internal note (does not count as a response)', paused: pausedBefore };
    case 'assigned':
      return { kind: 'status-changed', note: `assigned${event.actor ? ` to ${event.actor}` : ''}`, paused: pausedBefore };
    case 'solved':
      return { kind: 'solved', note: 'solved', paused: false };
    case 'closed':
      return { kind: 'closed', note: 'closed', paused: false };
    case 'reopened':
      return { kind: 'reopened', note: 'reopened', paused: false };
    case 'status_changed': {
      const status = event.status ?? 'open';
      if (status === 'solved') return { kind: 'solved', note: 'solved', paused: false };
      if (status === 'closed') return { kind: 'closed', note: 'closed', paused: false };
      if (status === 'canceled') return { kind: 'canceled', note: 'canceled', paused: false };
      const paused = policy.pausedIn.has(status);
      if (paused && !pausedBefore) return { kind: 'paused', note: `status ${status}: the resolution clock pauses`, paused };
      if (!paused && pausedBefore) return { kind: 'resumed', note: `status ${status}: the resolution clock resumes`, paused };
      return { kind: 'status-changed', note: `status ${status}`, paused };
    }
  }
}

function explainClock(measured: MeasuredClock, timeline: TicketTimeline, policy: SlaPolicy, asOf: number): ExplainedClock {
  const clock = measured.result;
  const end = clock.stoppedAt ?? asOf;
  const steps: ClockStep[] = [];
  let previous = clock.startedAt;
  let elapsed = 0;
  let paused = false;
  const counted = (from: number, to: number): number => {
    const a = Math.max(from, clock.startedAt);
    const b = Math.min(to, end);
    return b > a ? openSecondsOutsidePauses(measured.calendar, a, b, measured.pauses) : 0;
  };
  const push = (at: number, kind: StepKind, note: string): void => {
    const added = counted(previous, at);
    elapsed += added;
    previous = Math.max(previous, at);
    steps.push({ at, kind, note, addedSeconds: added, elapsedSeconds: elapsed });
  };
  for (const event of timeline.events) {
    if (event.at > end) break;
    if (event.at < timeline.createdAt) continue;
    const step = stepOf(event, policy, paused);
    paused = step.paused;
    if (clock.metric === 'firstResponse' && (step.kind === 'paused' || step.kind === 'resumed')) {
      push(event.at, 'status-changed', `${step.note.replace(/: the resolution clock .*$/, '')} (the first-response clock never pauses)`);
      continue;
    }
    push(event.at, step.kind, step.note);
    if (step.kind === 'priority-changed' && event.at === clock.startedAt && clock.startedAt !== timeline.createdAt) {
      steps.push({ at: event.at, kind: 'clock-restarted', note: `the ${clock.priority} target starts counting here (restart-from-change)`, addedSeconds: 0, elapsedSeconds: elapsed });
    }
  }
  if (clock.stoppedAt === undefined) push(asOf, 'as-of', `as of now: ${clock.status}`);
  return { ...clock, steps };
}

/**
 * A ticket's clocks with the ordered steps behind each (opened, paused, resumed, priority
 * changed, replied, solved, reopened) and the business time each step added; the steps'
 * added seconds sum to the clock's elapsed time.
 */
export function explainTicket(policy: SlaPolicy, timeline: TicketTimeline, asOf: number): ExplainedTicket {
  const { measured, ...rest } = measureTicketClocks(policy, timeline, asOf);
  return { ...rest, clocks: measured.map((m) => explainClock(m, timeline, policy, asOf)) };
}
