import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { addOpenSecondsOutsidePauses, openSecondsOutsidePauses } from '../calendar/paused-time.js';
import type { ClockMetric } from '../contract/schema/sla.js';
import { secondsOf } from '../time/duration.js';
import type { ClockResult, ClockStatus, TicketClocks } from './clock-types.js';
import type { CompiledTarget, SlaPolicy } from './sla-policy.js';
import type { PriorityMark, ResolutionWindow, TicketTimeline } from './ticket-timeline.js';

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

/** The clock being measured: which one, from when, until when. */
interface ClockFrame {
  readonly metric: ClockMetric;
  readonly cycle: number;
  readonly cycleStartAt: number;
  readonly stopAt: number | undefined;
  readonly canceled: boolean;
  /** Whether a pause is still open at asOf (the clock is paused now). */
  readonly pausedNow: boolean;
}

/** Shared by every clock with nothing to exclude (first response; most resolutions); never written. */
const noPauses = new Float64Array(0);

/** The priority a clock is measured against, and where it starts counting, per the contract's mode. */
function resolvePriority(policy: SlaPolicy, marks: readonly PriorityMark[], frame: ClockFrame): { priority: string | undefined; startAt: number } {
  const first = marks[0] as PriorityMark;
  // Fast path, most tickets: one mark, at creation, so no change to weigh in any mode.
  if (marks.length === 1) return { priority: first.priority, startAt: frame.cycleStartAt };
  const stop = frame.stopAt ?? Infinity;
  // Effective priority at the start of the cycle: the last mark at or before it.
  let base = first;
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

/**
 * Appends `[from, to)` to the sorted flat list `flat[0..n)`, joining it with the last interval
 * when they touch or overlap and dropping it when empty; returns the new length.
 */
function appendInterval(flat: Float64Array, n: number, from: number, to: number): number {
  if (!(to > from)) return n;
  if (n > 0 && from <= flat[n - 1]!) {
    flat[n - 1] = Math.max(flat[n - 1]!, to);
    return n;
  }
  flat[n] = from;
  flat[n + 1] = to;
  return n + 2;
}

/** Working space for `pausesOfClock`: the result is a copy of its first entries, so nothing refers to it between calls. */
let scratch = new Float64Array(64);

/**
 * What a clock does not count, flat `[from0, to0, ...]`, sorted and disjoint, clipped to begin
 * at `startAt`: nothing for first response (it never pauses); for resolution, the timeline's
 * pauses (one still open ends at asOf) and, under `resume`, the time between each solve and the
 * next reopen; a `restart` cycle sees only what lies inside its own window. A ticket created
 * 09:00, paused 10:00-11:00, solved 12:00 and reopened 14:00 gives `[10:00, 11:00, 12:00, 14:00]`
 * under `resume`. Touching intervals are joined (the open time they exclude is the same).
 */
function pausesOfClock(policy: SlaPolicy, timeline: TicketTimeline, metric: ClockMetric, cycle: number, startAt: number, asOf: number): Float64Array {
  const pauses = timeline.pauses;
  const windows = timeline.windows;
  // Fast path: first response, or a resolution with no pause and no reopen, excludes nothing.
  if (metric === 'firstResponse' || (pauses.length === 0 && windows.length === 1)) return noPauses;
  // At most one interval per pause and one per gap between windows.
  if (scratch.length < 2 * (pauses.length + windows.length)) scratch = new Float64Array(4 * (pauses.length + windows.length));
  const flat = scratch;
  let n = 0;
  if (policy.reopen === 'resume') {
    // Pauses and solved gaps, merged by start (a gap first on a tie); each pause lies inside a window.
    let g = 0;
    for (const [from, to] of pauses) {
      for (; g + 1 < windows.length && (windows[g]!.stopAt as number) <= from; g++) n = appendInterval(flat, n, windows[g]!.stopAt as number, windows[g + 1]!.startAt);
      n = appendInterval(flat, n, from, to ?? Math.max(asOf, from));
    }
    for (; g + 1 < windows.length; g++) n = appendInterval(flat, n, windows[g]!.stopAt as number, windows[g + 1]!.startAt);
  } else {
    const window = windows[cycle - 1] as ResolutionWindow;
    const windowEnd = window.stopAt ?? Infinity;
    for (const [from, to] of pauses) n = appendInterval(flat, n, Math.max(from, window.startAt), Math.min(to ?? Math.max(asOf, from), windowEnd));
  }
  // From the clock's start on (restart-from-change starts after creation).
  let kept = 0;
  for (let k = 0; k < n; k += 2) {
    const from = Math.max(flat[k]!, startAt);
    const to = flat[k + 1]!;
    if (to > from) {
      flat[kept++] = from;
      flat[kept++] = to;
    }
  }
  return kept === 0 ? noPauses : flat.slice(0, kept);
}

/** A measured clock with what it was measured on, for explaining it step by step. */
export interface MeasuredClock {
  readonly result: ClockResult;
  readonly calendar: BusinessCalendar;
  /** Unpaused counting excludes these `[from, to)` pairs (flat), from the clock's start on. */
  readonly pauses: Float64Array;
}

/** Measures one clock, or says in a note why it cannot be measured. */
function measureClock(policy: SlaPolicy, timeline: TicketTimeline, frame: ClockFrame, asOf: number, measured: MeasuredClock[] | undefined): ClockResult | string {
  const { priority, startAt } = resolvePriority(policy, timeline.priorities, frame);
  if (priority === undefined) return `${frame.metric}${frame.cycle > 1 ? ` cycle ${frame.cycle}` : ''}: the raw priority does not map to a contract priority (check sla.priorities.*.mapFrom)`;
  const target = policy.targets[frame.metric].get(priority);
  if (!target) return `${frame.metric}: the contract sets no ${frame.metric} target for ${priority}`;
  const calendar = target.calendar;
  const end = frame.stopAt ?? asOf;
  const pauses = pausesOfClock(policy, timeline, frame.metric, frame.cycle, startAt, asOf);
  const targetSeconds = targetSecondsAt(target, startAt);
  const elapsedSeconds = end > startAt ? openSecondsOutsidePauses(calendar, startAt, end, pauses) : 0;
  const dueAt = target.within.unit === 'bd' ? earliestReach(calendar, startAt, targetSeconds, pauses) : addOpenSecondsOutsidePauses(calendar, startAt, targetSeconds, pauses);
  const over = elapsedSeconds > targetSeconds;
  const breachedAt = over ? earliestReach(calendar, startAt, targetSeconds + 1, pauses) : undefined;
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
  measured?.push({ result, calendar, pauses });
  return result;
}

/**
 * Evaluates a ticket's first-response and resolution clocks at `asOf` (epoch seconds) under
 * the contract's rules: pauses, the priority-change mode, resume or restart on reopen,
 * `bd` targets, the at-risk share. Clocks that cannot be measured (unmapped priority, no
 * target) are left out with a note. The DESIGN example T-1001 (high, replied after 50
 * minutes, paused, changed to urgent, solved, reopened, solved) gives a met first-response
 * clock of 3000 s on P2 and a breached resolution clock of 24000 s on P1.
 */
export function evaluateTicketClocks(policy: SlaPolicy, timeline: TicketTimeline, asOf: number): TicketClocks {
  return measureClocks(policy, timeline, asOf, undefined);
}

/** Like `evaluateTicketClocks`, keeping each clock's calendar and pauses (for `explain`). */
export function measureTicketClocks(policy: SlaPolicy, timeline: TicketTimeline, asOf: number): Omit<TicketClocks, 'clocks'> & { measured: MeasuredClock[] } {
  const measured: MeasuredClock[] = [];
  const { ticket, priority, rawPriority, createdAt, notes } = measureClocks(policy, timeline, asOf, measured);
  return { ticket, priority, rawPriority, createdAt, notes, measured };
}

/** The one clock loop behind both: pushes each clock's calendar and pauses to `measured` when given. */
function measureClocks(policy: SlaPolicy, timeline: TicketTimeline, asOf: number, measured: MeasuredClock[] | undefined): TicketClocks {
  // Notes start as the timeline's anomalies, copied only when a clock adds one.
  let notes: readonly string[] = timeline.anomalies;
  const clocks: ClockResult[] = [];
  const windows = timeline.windows;
  const first = windows[0] as ResolutionWindow;
  const lastPause = timeline.pauses[timeline.pauses.length - 1];
  const pausedNow = lastPause !== undefined && lastPause[1] === undefined && asOf >= lastPause[0];

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
  const fr = measureClock(policy, timeline, { metric: 'firstResponse', cycle: 1, cycleStartAt: timeline.createdAt, stopAt: frStop, canceled: frCanceled, pausedNow: false }, asOf, measured);
  if (typeof fr === 'string') notes = [...notes, fr];
  else clocks.push(fr);

  if (policy.reopen === 'resume') {
    const last = windows[windows.length - 1] as ResolutionWindow;
    const clock = measureClock(policy, timeline, { metric: 'resolution', cycle: 1, cycleStartAt: timeline.createdAt, stopAt: last.stopAt, canceled: last.stopKind === 'canceled', pausedNow }, asOf, measured);
    if (typeof clock === 'string') notes = [...notes, clock];
    else clocks.push(clock);
  } else {
    for (let index = 0; index < windows.length; index++) {
      const window = windows[index] as ResolutionWindow;
      const clock = measureClock(policy, timeline, { metric: 'resolution', cycle: index + 1, cycleStartAt: window.startAt, stopAt: window.stopAt, canceled: window.stopKind === 'canceled', pausedNow: pausedNow && index === windows.length - 1 }, asOf, measured);
      if (typeof clock === 'string') notes = [...notes, clock];
      else clocks.push(clock);
    }
  }
  const lastMark = timeline.priorities[timeline.priorities.length - 1] as PriorityMark;
  return { ticket: timeline.ticket, priority: lastMark.priority, rawPriority: lastMark.raw, createdAt: timeline.createdAt, notes, clocks };
}
