import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { addOpenSecondsOutsidePauses, openSecondsOutsidePauses } from '../calendar/paused-time.js';
import type { ClockMetric } from '../contract/schema/sla.js';
import { secondsOf } from '../time/duration.js';
import type { ClockResult, ClockStatus, TicketClocks } from './clock-types.js';
import type { CompiledTarget, SlaPolicy } from './sla-policy.js';
import type { PriorityMark, TicketTimeline } from './ticket-timeline.js';

/**
 * The earliest instant at which `seconds` of unpaused open time have passed, showing a
 * closing as the closing (even on a next-opening calendar): used for `bd` targets, which
 * always show the closing, and for breach instants.
 */
export function earliestReach(calendar: BusinessCalendar, start: number, seconds: number, pauses: Float64Array): number {
  const reached = addOpenSecondsOutsidePauses(calendar, start, seconds, pauses);
  if (calendar.dueAtClosingTime !== 'next-opening' || seconds <= 0) return reached;
  const closing = calendar.addOpenSeconds(reached, -1) + 1;
  if (closing < reached && openSecondsOutsidePauses(calendar, start, closing, pauses) === seconds) return closing;
  return reached;
}

/** Target seconds of a clock starting at `start`: `bd` targets become the open time to the Nth day's closing. */
export function targetSecondsAt(target: CompiledTarget, start: number): number {
  if (target.within.unit === 'bd') {
    const closing = target.calendar.closingOfBusinessDay(start, target.within.amount);
    return target.calendar.openSecondsBetween(start, closing);
  }
  return secondsOf(target.within);
}

interface ClockFrame {
  readonly metric: ClockMetric;
  readonly cycle: number;
  readonly cycleStartAt: number;
  readonly stopAt: number | undefined;
  readonly canceled: boolean;
  /** Pauses `[from, to)` flat, sorted, disjoint; may include gaps between windows. */
  readonly pauses: readonly number[];
  /** Whether a pause is still open at asOf (the clock is paused now). */
  readonly pausedNow: boolean;
}

/** The priority a clock is measured against, and where it starts counting, per the contract's mode. */
function resolvePriority(policy: SlaPolicy, marks: readonly PriorityMark[], frame: ClockFrame): { priority: string | undefined; startAt: number } {
  const stop = frame.stopAt ?? Infinity;
  // Effective priority at the start of the cycle: the last mark at or before it.
  let base = marks[0] as PriorityMark;
  for (const mark of marks) if (mark.at <= frame.cycleStartAt) base = mark;
  if (policy.priorityChange === 'keep-original') return { priority: base.priority, startAt: frame.cycleStartAt };
  let current = base.priority;
  let changeAt: number | undefined;
  for (const mark of marks) {
    if (mark.at <= frame.cycleStartAt || mark.at >= stop) continue;
    if (mark.priority === current) continue; // "high" -> "High" is no change of contract priority
    current = mark.priority;
    changeAt = mark.at;
  }
  if (policy.priorityChange === 'restart-from-change' && changeAt !== undefined) return { priority: current, startAt: changeAt };
  return { priority: current, startAt: frame.cycleStartAt };
}

function insertPause(flat: number[], from: number, to: number): void {
  if (!(to > from)) return;
  // Pauses arrive nearly sorted and few per ticket: insert and merge in place.
  let i = 0;
  while (i < flat.length && (flat[i] as number) < from) i += 2;
  flat.splice(i, 0, from, to);
  const merged: number[] = [];
  for (let k = 0; k < flat.length; k += 2) {
    const f = flat[k] as number;
    const t = flat[k + 1] as number;
    const last = merged.length - 1;
    if (last > 0 && f <= (merged[last] as number)) merged[last] = Math.max(merged[last] as number, t);
    else merged.push(f, t);
  }
  flat.length = 0;
  flat.push(...merged);
}

/** A measured clock with what it was measured on, for explaining it step by step. */
export interface MeasuredClock {
  readonly result: ClockResult;
  readonly calendar: BusinessCalendar;
  /** Unpaused counting excludes these `[from, to)` pairs (flat), from the clock's start on. */
  readonly pauses: Float64Array;
}

function measureClock(policy: SlaPolicy, timeline: TicketTimeline, frame: ClockFrame, asOf: number, notes: string[]): MeasuredClock | undefined {
  const { priority, startAt } = resolvePriority(policy, timeline.priorities, frame);
  if (priority === undefined) {
    notes.push(`${frame.metric}${frame.cycle > 1 ? ` cycle ${frame.cycle}` : ''}: the raw priority does not map to a contract priority (check sla.priorities.*.mapFrom)`);
    return undefined;
  }
  const target = policy.targets[frame.metric].get(priority);
  if (!target) {
    notes.push(`${frame.metric}: the contract sets no ${frame.metric} target for ${priority}`);
    return undefined;
  }
  const calendar = target.calendar;
  const end = frame.stopAt ?? asOf;
  // Pauses that matter: from the clock start; an open pause counts as ending at asOf (already closed by the caller).
  const pauses = new Float64Array(frame.pauses.length);
  let n = 0;
  for (let k = 0; k < frame.pauses.length; k += 2) {
    const from = Math.max(frame.pauses[k] as number, startAt);
    const to = frame.pauses[k + 1] as number;
    if (to > from) {
      pauses[n++] = from;
      pauses[n++] = to;
    }
  }
  const activePauses = n === pauses.length ? pauses : pauses.subarray(0, n);
  const targetSeconds = targetSecondsAt(target, startAt);
  const elapsedSeconds = end > startAt ? openSecondsOutsidePauses(calendar, startAt, end, activePauses) : 0;
  const dueAt = target.within.unit === 'bd' ? earliestReach(calendar, startAt, targetSeconds, activePauses) : addOpenSecondsOutsidePauses(calendar, startAt, targetSeconds, activePauses);
  const over = elapsedSeconds > targetSeconds;
  const breachedAt = over ? earliestReach(calendar, startAt, targetSeconds + 1, activePauses) : undefined;
  let status: ClockStatus;
  if (frame.canceled) status = 'canceled';
  else if (frame.stopAt !== undefined) status = over ? 'breached' : 'met';
  else if (over) status = 'breached';
  else if (frame.pausedNow) status = 'paused';
  else if (elapsedSeconds * policy.atRiskDenominator >= policy.atRiskNumerator * targetSeconds) status = 'at-risk';
  else status = 'running';
  const settled = status === 'met' || status === 'breached';
  const result: ClockResult = {
    metric: frame.metric,
    cycle: frame.cycle,
    status,
    priority,
    calendarName: target.calendarName,
    targetText: target.within.text,
    targetSeconds,
    elapsedSeconds,
    startedAt: startAt,
    stoppedAt: frame.stopAt,
    dueAt,
    breachedAt,
    settledAt: frame.canceled ? undefined : frame.stopAt !== undefined ? frame.stopAt : breachedAt,
    met: settled ? !over : undefined,
  };
  return { result, calendar, pauses: activePauses };
}

/**
 * Evaluates a ticket's first-response and resolution clocks at `asOf` (epoch seconds) under
 * the contract's rules: pauses, the priority-change mode, resume or restart on reopen,
 * `bd` targets, the at-risk share. Clocks that cannot be measured (unmapped priority, no
 * target) are left out with a note.
 */
export function evaluateTicketClocks(policy: SlaPolicy, timeline: TicketTimeline, asOf: number): TicketClocks {
  const { measured, ...rest } = measureTicketClocks(policy, timeline, asOf);
  return { ...rest, clocks: measured.map((m) => m.result) };
}

/** Like `evaluateTicketClocks`, keeping each clock's calendar and pauses (for `explain`). */
export function measureTicketClocks(policy: SlaPolicy, timeline: TicketTimeline, asOf: number): Omit<TicketClocks, 'clocks'> & { measured: MeasuredClock[] } {
  const notes = [...timeline.anomalies];
  const clocks: MeasuredClock[] = [];
  const windows = timeline.windows;
  const first = windows[0] as (typeof windows)[number];

  // Pauses known so far; an open pause ends at asOf.
  const lastPause = timeline.pauses[timeline.pauses.length - 1];
  const pausedNow = lastPause !== undefined && lastPause[1] === undefined && asOf >= lastPause[0];
  const pauseFlat: number[] = [];
  for (const [from, to] of timeline.pauses) {
    const end = to ?? Math.max(asOf, from);
    if (end > from) pauseFlat.push(from, end);
  }

  // First response: creation to the first public agent reply, or the first stop if earlier. Never pauses.
  const firstStop = first.stopAt;
  let frStop: number | undefined = timeline.firstAgentReplyAt;
  let frCanceled = false;
  if (firstStop !== undefined && (frStop === undefined || firstStop < frStop)) {
    frStop = firstStop;
    frCanceled = first.stopKind === 'canceled';
  }
  if (frStop === undefined && timeline.canceledAt !== undefined) {
    frStop = timeline.canceledAt;
    frCanceled = true;
  }
  const fr = measureClock(policy, timeline, { metric: 'firstResponse', cycle: 1, cycleStartAt: timeline.createdAt, stopAt: frStop, canceled: frCanceled, pauses: [], pausedNow: false }, asOf, notes);
  if (fr) clocks.push(fr);

  if (policy.reopen === 'resume') {
    const last = windows[windows.length - 1] as (typeof windows)[number];
    const pauses = [...pauseFlat];
    // The time between a solve and the reopen does not count.
    for (let i = 0; i + 1 < windows.length; i++) insertPause(pauses, windows[i]?.stopAt as number, windows[i + 1]?.startAt as number);
    const clock = measureClock(policy, timeline, { metric: 'resolution', cycle: 1, cycleStartAt: timeline.createdAt, stopAt: last.stopAt, canceled: last.stopKind === 'canceled', pauses, pausedNow }, asOf, notes);
    if (clock) clocks.push(clock);
  } else {
    windows.forEach((window, index) => {
      const pauses: number[] = [];
      for (let k = 0; k < pauseFlat.length; k += 2) {
        const from = Math.max(pauseFlat[k] as number, window.startAt);
        const to = Math.min(pauseFlat[k + 1] as number, window.stopAt ?? Infinity);
        if (to > from) pauses.push(from, to);
      }
      const clock = measureClock(policy, timeline, { metric: 'resolution', cycle: index + 1, cycleStartAt: window.startAt, stopAt: window.stopAt, canceled: window.stopKind === 'canceled', pauses, pausedNow: pausedNow && index === windows.length - 1 }, asOf, notes);
      if (clock) clocks.push(clock);
    });
  }
  const lastMark = timeline.priorities[timeline.priorities.length - 1] as PriorityMark;
  return {
    ticket: timeline.ticket,
    priority: lastMark.priority,
    rawPriority: lastMark.raw,
    createdAt: timeline.createdAt,
    measured: clocks,
    notes,
  };
}
