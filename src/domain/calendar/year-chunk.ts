/**
 * Builds the open intervals of whole local years. Each local date gets its wall-clock
 * segments (its weekday's ranges up to 24:00, plus the after-midnight part of the previous
 * weekday's overnight ranges) unless it is a holiday or closure; each segment becomes the
 * set of instants whose local wall time falls in it, computed against the zone's offset
 * spans, so a skipped hour yields nothing and a repeated hour counts twice (never a step
 * of 86400 s).
 */
import { civilFromDays, daysFromCivil, weekdayIndexOfDayNumber, zoneOffsetSpans } from '../time/index.js';
import type { OpeningRange } from './opening-hours.js';

const secondsPerDay = 86_400;

/** A wall-clock segment of one local date, in seconds after its midnight. */
export interface WallSegment {
  readonly fromSeconds: number;
  readonly toSeconds: number;
  /** True for the after-midnight part of a range written under the previous weekday. */
  readonly isTailOfPreviousDay: boolean;
}

/** The segments each weekday's dates carry (index 0 = Monday). */
export function wallSegmentsByWeekday(weeklyHours: readonly (readonly OpeningRange[])[]): WallSegment[][] {
  return weeklyHours.map((ranges, weekday) => {
    const previous = weeklyHours[(weekday + 6) % 7]!;
    const own = ranges.map((r) => ({ fromSeconds: r.startSeconds, toSeconds: Math.min(r.endSeconds, secondsPerDay), isTailOfPreviousDay: false }));
    const tails = previous
      .filter((r) => r.endSeconds > secondsPerDay)
      .map((r) => ({ fromSeconds: 0, toSeconds: r.endSeconds - secondsPerDay, isTailOfPreviousDay: true }));
    return [...tails, ...own].sort((a, b) => a.fromSeconds - b.fromSeconds);
  });
}

/** Open intervals and per-date facts of the local years `firstYear..lastYear`. */
export interface YearChunk {
  readonly firstYear: number;
  readonly lastYear: number;
  /** Day numbers of the first date and of the date after the last. */
  readonly firstDay: number;
  readonly endDay: number;
  /** First instant of `firstDay` and of `endDay`: the chunk owns `[fromEpochSeconds, toEpochSeconds)`. */
  readonly fromEpochSeconds: number;
  readonly toEpochSeconds: number;
  /** Sorted, disjoint, non-touching `[start, end)` pairs in epoch seconds. */
  readonly starts: number[];
  readonly ends: number[];
  /** Per date (index day - firstDay): 1 when the date has open time. */
  readonly hasOpenTime: Uint8Array;
  /** Per date: end of its last open segment (overnight ranges end on the next date); -Infinity when none. */
  readonly closingAt: Float64Array;
  /** Closing contribution to the date before `firstDay`: the end of its overnight tail on `firstDay`, or -Infinity. */
  readonly closingOfDayBefore: number;
}

/**
 * Builds a chunk. Example: Los Angeles, mon-fri 08:00-18:00, 2027 gives 2027-03-15 as
 * `[1805122800, 1805158800)` (08:00-18:00 PDT) and 2027-03-12 as 08:00-18:00 PST.
 */
export function buildYearChunk(
  segmentsByWeekday: readonly (readonly WallSegment[])[],
  zone: string,
  isClosedDay: (dayNumber: number) => boolean,
  firstYear: number,
  lastYear: number,
): YearChunk {
  const firstDay = daysFromCivil(firstYear, 1, 1);
  const endDay = daysFromCivil(lastYear + 1, 1, 1);
  // Offsets stay within +-86400 s, so two days of margin cover every instant of these dates.
  const spans = zoneOffsetSpans((firstDay - 2) * secondsPerDay, (endDay + 2) * secondsPerDay, zone);
  const spanFrom = spans.map((s) => s.fromEpochSeconds);
  const spanTo = [...spanFrom.slice(1), Infinity];
  const spanOffset = spans.map((s) => s.offsetSeconds);
  const dayCount = endDay - firstDay;
  const hasOpenTime = new Uint8Array(dayCount);
  const closingAt = new Float64Array(dayCount).fill(-Infinity);
  let closingOfDayBefore = -Infinity;
  const pieceStarts: number[] = [];
  const pieceEnds: number[] = [];
  let firstSpan = 0;
  for (let day = firstDay; day < endDay; day++) {
    if (isClosedDay(day)) continue;
    const dayWall = day * secondsPerDay;
    while (spanTo[firstSpan]! <= dayWall - secondsPerDay) firstSpan++;
    const index = day - firstDay;
    for (const segment of segmentsByWeekday[weekdayIndexOfDayNumber(day)]!) {
      const wallFrom = dayWall + segment.fromSeconds;
      const wallTo = dayWall + segment.toSeconds;
      for (let k = firstSpan; k < spans.length && spanFrom[k]! < wallTo + secondsPerDay; k++) {
        // Instants t of span k with wallFrom <= t + offset < wallTo.
        const lo = Math.max(spanFrom[k]!, wallFrom - spanOffset[k]!);
        const hi = Math.min(spanTo[k]!, wallTo - spanOffset[k]!);
        if (lo >= hi) continue;
        pieceStarts.push(lo);
        pieceEnds.push(hi);
        hasOpenTime[index] = 1;
        closingAt[index] = Math.max(closingAt[index]!, hi);
        // The after-midnight part also closes the previous date's business day (22:00-06:00 on
        // Monday closes Monday's day at 06:00 Tuesday).
        if (segment.isTailOfPreviousDay) {
          if (index === 0) closingOfDayBefore = Math.max(closingOfDayBefore, hi);
          else closingAt[index - 1] = Math.max(closingAt[index - 1]!, hi);
        }
      }
    }
  }
  const { starts, ends } = mergeIntervals(pieceStarts, pieceEnds);
  return {
    firstYear,
    lastYear,
    firstDay,
    endDay,
    fromEpochSeconds: firstInstantAtOrAfterWall(firstDay * secondsPerDay, spanFrom, spanTo, spanOffset),
    toEpochSeconds: firstInstantAtOrAfterWall(endDay * secondsPerDay, spanFrom, spanTo, spanOffset),
    starts,
    ends,
    hasOpenTime,
    closingAt,
    closingOfDayBefore,
  };
}

/** The earliest instant whose wall time is at or after `wall` (midnight, or the end of a gap over it). */
function firstInstantAtOrAfterWall(wall: number, spanFrom: number[], spanTo: number[], spanOffset: number[]): number {
  let best = Infinity;
  for (let k = 0; k < spanFrom.length; k++) {
    const t = Math.max(spanFrom[k]!, wall - spanOffset[k]!);
    if (t < spanTo[k]! && t < best) best = t;
  }
  return best;
}

/**
 * Sorts (only when needed: a repeated hour can put a later wall segment's first pass
 * before an earlier one's second pass) and joins touching or overlapping pieces:
 * `[[0,10],[10,20],[30,40]]` becomes `[[0,20],[30,40]]`.
 */
export function mergeIntervals(pieceStarts: readonly number[], pieceEnds: readonly number[]): { starts: number[]; ends: number[] } {
  let order = pieceStarts.map((_, i) => i);
  const sorted = pieceStarts.every((s, i) => i === 0 || pieceStarts[i - 1]! <= s);
  if (!sorted) order = order.sort((a, b) => pieceStarts[a]! - pieceStarts[b]!);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const i of order) {
    const s = pieceStarts[i]!;
    const e = pieceEnds[i]!;
    const last = ends.length - 1;
    if (last >= 0 && s <= ends[last]!) ends[last] = Math.max(ends[last]!, e);
    else {
      starts.push(s);
      ends.push(e);
    }
  }
  return { starts, ends };
}

/** The local year an instant most likely falls in (UTC year; callers add a year of margin). */
export function utcYearOf(epochSeconds: number): number {
  return civilFromDays(Math.floor(epochSeconds / secondsPerDay)).year;
}
