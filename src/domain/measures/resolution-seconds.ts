import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { openSecondsOutsidePauses } from '../calendar/paused-time.js';
import type { TicketTimeline } from '../sla/ticket-timeline.js';

/** Resolution time on another calendar (MTTR): creation to last solve, pauses and solved gaps excluded. */
export function resolutionSecondsOn(calendar: BusinessCalendar, timeline: TicketTimeline): number {
  const windows = timeline.windows;
  const end = windows[windows.length - 1]?.stopAt;
  if (end === undefined) return 0;
  const flat: number[] = [];
  for (const [from, to] of timeline.pauses) if (to !== undefined && to > from) flat.push(from, to);
  for (let i = 0; i + 1 < windows.length; i++) flat.push(windows[i]!.stopAt as number, windows[i + 1]!.startAt);
  const pairs: [number, number][] = [];
  for (let k = 0; k < flat.length; k += 2) pairs.push([flat[k]!, flat[k + 1]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  const merged: number[] = [];
  for (const [a, b] of pairs) {
    const last = merged.length - 1;
    if (last > 0 && a <= merged[last]!) merged[last] = Math.max(merged[last]!, b);
    else merged.push(a, b);
  }
  return openSecondsOutsidePauses(calendar, timeline.createdAt, end, new Float64Array(merged));
}

