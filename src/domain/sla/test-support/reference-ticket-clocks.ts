/**
 * The reference clock engine: the straightforward implementation of the SLA clock rules
 * (DESIGN "SLA clocks"), the algorithm of the code before the hot paths were optimised,
 * kept so property tests and the `sla` benchmark can hold the optimised `buildTicketTimeline`
 * and `evaluateTicketClocks` to it. It differs from that code only in returning each clock's
 * result directly (the original wrapped it for `explain` and copied it out with an object
 * rest and spread, which made it ~1.6x slower again). It allocates freely (arrays per pause
 * list, closures, a `Float64Array` per clock, spread copies) and maps priorities with
 * `trim().toLowerCase()`. Do not optimise this file: its value is being obviously the rules.
 */
import type { BusinessCalendar } from '../../calendar/business-calendar.js';
import { addOpenSecondsOutsidePauses, openSecondsOutsidePauses } from '../../calendar/paused-time.js';
import type { ClockMetric } from '../../contract/schema/sla.js';
import { impliedStatus, type TicketEvent, type TicketStatus } from '../../tickets/ticket-event.js';
import { secondsOf } from '../../time/duration.js';
import type { ClockResult, ClockStatus, TicketClocks } from '../clock-types.js';
import type { CompiledTarget, SlaPolicy } from '../sla-policy.js';
import type { PriorityMark, ResolutionWindow, TicketTimeline } from '../ticket-timeline.js';

/** The reference timeline: one pass over the sorted events. */
export function referenceTicketTimeline(events: readonly TicketEvent[], policy: SlaPolicy): TicketTimeline | undefined {
  let created: TicketEvent | undefined;
  for (const event of events) {
    if (event.kind === 'created') {
      created = event;
      break;
    }
  }
  if (!created) return undefined;
  const createdAt = created.at;
  const anomalies: string[] = [];
  const priorities: PriorityMark[] = [];
  const raw = created.priority ?? '';
  priorities.push({ at: createdAt, raw, priority: policy.priorityByRaw.get(raw.trim().toLowerCase()) });
  let firstAgentReplyAt: number | undefined;
  let agentReplies = 0;
  let customerRepliedAfterAgent = false;
  const windows: ResolutionWindow[] = [{ startAt: createdAt, stopAt: undefined, stopKind: undefined }];
  const pauses: [number, number | undefined][] = [];
  const reopens: number[] = [];
  const solvedAt: number[] = [];
  let closedAt: number | undefined;
  let canceledAt: number | undefined;
  let status: TicketStatus = 'new';
  let active = true;
  let pausedSince: number | undefined;

  const endPause = (at: number): void => {
    if (pausedSince !== undefined) {
      pauses.push([pausedSince, at]);
      pausedSince = undefined;
    }
  };

  for (const event of events) {
    if (event === created) continue;
    const at = event.at;
    if (at < createdAt) {
      anomalies.push(`${event.kind} at ${at} is before the ticket was created; ignored`);
      continue;
    }
    switch (event.kind) {
      case 'created':
        anomalies.push('a second created event; ignored');
        continue;
      case 'priority_changed': {
        const value = event.priority ?? '';
        priorities.push({ at, raw: value, priority: policy.priorityByRaw.get(value.trim().toLowerCase()) });
        continue;
      }
      case 'agent_replied':
        agentReplies++;
        if (firstAgentReplyAt === undefined) firstAgentReplyAt = at;
        continue;
      case 'customer_replied':
        if (firstAgentReplyAt !== undefined) customerRepliedAfterAgent = true;
        continue;
      case 'assigned':
      case 'internal_note':
        continue;
      default:
        break;
    }
    const next = impliedStatus(event);
    if (next === undefined) continue;
    if (canceledAt !== undefined) {
      anomalies.push(`${event.kind} after the ticket was canceled; ignored`);
      continue;
    }
    const window = windows[windows.length - 1] as ResolutionWindow;
    if (next === 'solved' || next === 'closed' || next === 'canceled') {
      if (next === 'closed') closedAt = at;
      if (active) {
        endPause(at);
        window.stopAt = at;
        window.stopKind = next;
        active = false;
        if (next === 'solved') solvedAt.push(at);
        if (next === 'canceled') canceledAt = at;
      } else if (next === 'solved' && status === 'closed') {
        anomalies.push('solved after closed; ignored');
      }
      status = next;
      continue;
    }
    // A status that is neither solved, closed nor canceled.
    if (!active) {
      // Leaving solved/closed is a reopen.
      reopens.push(at);
      windows.push({ startAt: at, stopAt: undefined, stopKind: undefined });
      active = true;
      closedAt = undefined;
    }
    const wasPaused = policy.pausedIn.has(status) && pausedSince !== undefined;
    const nowPaused = policy.pausedIn.has(next);
    if (nowPaused && !wasPaused) pausedSince = at;
    else if (!nowPaused && wasPaused) endPause(at);
    status = next;
  }
  if (pausedSince !== undefined) pauses.push([pausedSince, undefined]);
  return {
    ticket: created.ticket,
    createdAt,
    channel: created.channel,
    category: created.category,
    technology: created.technology,
    priorities,
    firstAgentReplyAt,
    agentReplies,
    customerRepliedAfterAgent,
    windows,
    pauses,
    reopens,
    solvedAt,
    closedAt,
    canceledAt,
    anomalies,
    events,
  };
}

function earliestReach(calendar: BusinessCalendar, start: number, seconds: number, pauses: Float64Array): number {
  const reached = addOpenSecondsOutsidePauses(calendar, start, seconds, pauses);
  if (calendar.dueAtClosingTime !== 'next-opening' || seconds <= 0) return reached;
  const closing = calendar.addOpenSeconds(reached, -1) + 1;
  if (closing < reached && openSecondsOutsidePauses(calendar, start, closing, pauses) === seconds) return closing;
  return reached;
}

function targetSecondsAt(target: CompiledTarget, start: number): number {
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
  readonly pauses: readonly number[];
  readonly pausedNow: boolean;
}

function resolvePriority(policy: SlaPolicy, marks: readonly PriorityMark[], frame: ClockFrame): { priority: string | undefined; startAt: number } {
  const stop = frame.stopAt ?? Infinity;
  let base = marks[0] as PriorityMark;
  for (const mark of marks) if (mark.at <= frame.cycleStartAt) base = mark;
  if (policy.priorityChange === 'keep-original') return { priority: base.priority, startAt: frame.cycleStartAt };
  let current = base.priority;
  let changeAt: number | undefined;
  for (const mark of marks) {
    if (mark.at <= frame.cycleStartAt || mark.at >= stop) continue;
    if (mark.priority === current) continue;
    current = mark.priority;
    changeAt = mark.at;
  }
  if (policy.priorityChange === 'restart-from-change' && changeAt !== undefined) return { priority: current, startAt: changeAt };
  return { priority: current, startAt: frame.cycleStartAt };
}

function insertPause(flat: number[], from: number, to: number): void {
  if (!(to > from)) return;
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

function measureClock(policy: SlaPolicy, timeline: TicketTimeline, frame: ClockFrame, asOf: number, notes: string[]): ClockResult | undefined {
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
  return {
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
}

/** The reference clocks of one ticket at `asOf`. */
export function referenceTicketClocks(policy: SlaPolicy, timeline: TicketTimeline, asOf: number): TicketClocks {
  const notes = [...timeline.anomalies];
  const clocks: ClockResult[] = [];
  const windows = timeline.windows;
  const first = windows[0] as (typeof windows)[number];

  const lastPause = timeline.pauses[timeline.pauses.length - 1];
  const pausedNow = lastPause !== undefined && lastPause[1] === undefined && asOf >= lastPause[0];
  const pauseFlat: number[] = [];
  for (const [from, to] of timeline.pauses) {
    const end = to ?? Math.max(asOf, from);
    if (end > from) pauseFlat.push(from, end);
  }

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
  return { ticket: timeline.ticket, priority: lastMark.priority, rawPriority: lastMark.raw, createdAt: timeline.createdAt, clocks, notes };
}
