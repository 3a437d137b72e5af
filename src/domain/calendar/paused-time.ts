/**
 * Pauses: instant intervals `[from, to)` whose open time does not count. They may overlap
 * each other and lie partly or wholly in closed time (pausing while closed changes
 * nothing). The numeric forms take pauses normalised by `normalisePauses`.
 */
import type { BusinessCalendar } from './business-calendar.js';

/**
 * Sorts and joins pauses into a flat `[from0, to0, from1, to1, ...]` list without overlaps;
 * empty or reversed pauses are dropped: `[[30, 40], [0, 10], [5, 20]]` gives `[0, 20, 30, 40]`.
 */
export function normalisePauses(pauses: readonly (readonly [number, number])[]): Float64Array {
  const sorted = pauses.filter(([from, to]) => to > from).sort((a, b) => a[0] - b[0]);
  const flat: number[] = [];
  for (const [from, to] of sorted) {
    const last = flat.length - 1;
    if (last > 0 && from <= flat[last]!) flat[last] = Math.max(flat[last]!, to);
    else flat.push(from, to);
  }
  return new Float64Array(flat);
}

/**
 * Open seconds in `[from, to)` outside the pauses: Monday 09:00-12:00 with a pause
 * 10:00-11:00 is 7200. No allocation.
 */
export function openSecondsOutsidePauses(calendar: BusinessCalendar, fromEpochSeconds: number, toEpochSeconds: number, pauses: Float64Array): number {
  let seconds = calendar.openSecondsBetween(fromEpochSeconds, toEpochSeconds);
  for (let k = 0; k < pauses.length; k += 2) {
    const from = Math.max(pauses[k]!, fromEpochSeconds);
    const to = Math.min(pauses[k + 1]!, toEpochSeconds);
    if (to > from) seconds -= calendar.openSecondsBetween(from, to);
  }
  return seconds;
}

/**
 * Like `calendar.addOpenSeconds`, with paused time not counting. For `seconds > 0` the
 * result is the earliest instant at which `seconds` of unpaused open time have passed
 * (the calendar's next opening instead, on a `next-opening` calendar, when that instant
 * is a calendar closing); for `seconds < 0` the latest instant from which `-seconds` of
 * unpaused open time lead to the start (walking back into a closed or paused gap returns
 * the gap's end); `seconds === 0` ignores pauses (the instant if open, else the next
 * opening). Monday 09:00 + 2 h with a pause 10:00-11:00 is 12:00. No allocation.
 */
export function addOpenSecondsOutsidePauses(calendar: BusinessCalendar, epochSeconds: number, seconds: number, pauses: Float64Array): number {
  if (seconds === 0 || pauses.length === 0) return calendar.addOpenSeconds(epochSeconds, seconds);
  let current = epochSeconds;
  if (seconds > 0) {
    let remaining = seconds;
    for (let k = 0; k < pauses.length; k += 2) {
      const from = pauses[k]!;
      const to = pauses[k + 1]!;
      if (to <= current) continue;
      if (from > current) {
        const available = calendar.openSecondsBetween(current, from);
        if (available >= remaining) return calendar.addOpenSeconds(current, remaining);
        remaining -= available;
      }
      current = to;
    }
    return calendar.addOpenSeconds(current, remaining);
  }
  let remaining = -seconds;
  for (let k = pauses.length - 2; k >= 0; k -= 2) {
    const from = pauses[k]!;
    const to = pauses[k + 1]!;
    if (from >= current) continue;
    if (to < current) {
      const available = calendar.openSecondsBetween(to, current);
      if (available >= remaining) return calendar.addOpenSeconds(current, -remaining);
      remaining -= available;
    }
    current = from;
  }
  return calendar.addOpenSeconds(current, -remaining);
}
