/**
 * The flat, typed-array index a `BusinessCalendar` queries, built from its year chunks:
 * - `starts[i]`, `ends[i]`: sorted open intervals `[start, end)` in epoch seconds, intervals
 *   that touch joined into one, then a sentinel interval at +Infinity;
 * - `openBefore[i]`: open seconds of intervals 0..i-1 (`openBefore[count]` is the total);
 * - `bucketFirst[b]`: first interval ending after `bucketBase + b * 86400` (`bucketBase` is
 *   local midnight of the first 1 January), so an instant is located with one table read
 *   and a scan over that day's intervals;
 * - `openBucketFirst[k]`: first interval j with `openBefore[j + 1] >= k * quantum`, about
 *   one bucket per interval, so where an amount of open time runs out is found the same way;
 * - per local date from `dayBase`: whether it has open time and when its business day closes;
 * - the zone's offset spans over the covered range (for the local date of an instant).
 */
import { zoneOffsetSpans } from '../time/index.js';
import { mergeIntervals, type YearChunk } from './year-chunk.js';

const secondsPerDay = 86_400;

export interface IntervalIndex {
  readonly count: number;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly openBefore: Float64Array;
  /** The instants the chunks own: `[coveredFrom, coveredTo)`. */
  readonly coveredFrom: number;
  readonly coveredTo: number;
  readonly bucketBase: number;
  readonly bucketFirst: Int32Array;
  readonly openQuantumInverse: number;
  readonly openBucketFirst: Int32Array;
  /** Day numbers of the first covered local date and of the date after the last. */
  readonly dayBase: number;
  readonly dayEnd: number;
  readonly dayHasOpenTime: Uint8Array;
  /** Closing of each date's business day, -Infinity when it has none. */
  readonly dayClosingAt: Float64Array;
  readonly offsetFrom: Float64Array;
  readonly offsetSeconds: Float64Array;
}

/**
 * Indexes consecutive year chunks (oldest first). Example: Los Angeles mon-fri 08:00-18:00
 * over 2026-2028 gives about 740 intervals of 36000 s and `openBefore[count]` near 2.66e7.
 */
export function indexYearChunks(chunks: readonly YearChunk[], zone: string): IntervalIndex {
  const first = chunks[0]!;
  const last = chunks[chunks.length - 1]!;
  // Chunks meet at local midnight: an interval open across New Year joins into one.
  const merged = mergeIntervals(
    chunks.flatMap((c) => c.starts),
    chunks.flatMap((c) => c.ends),
  );
  const count = merged.starts.length;
  const starts = new Float64Array(count + 1);
  const ends = new Float64Array(count + 1);
  const openBefore = new Float64Array(count + 1);
  let total = 0;
  for (let i = 0; i < count; i++) {
    starts[i] = merged.starts[i]!;
    ends[i] = merged.ends[i]!;
    openBefore[i] = total;
    total += ends[i]! - starts[i]!;
  }
  starts[count] = Infinity;
  ends[count] = Infinity;
  openBefore[count] = total;

  const coveredFrom = first.fromEpochSeconds;
  const coveredTo = last.toEpochSeconds;
  // Buckets start at local midnight of 1 January, so office hours rarely straddle two buckets.
  const bucketBase = coveredFrom;
  const buckets = Math.ceil((coveredTo - bucketBase) / secondsPerDay) + 2;
  const bucketFirst = new Int32Array(buckets);
  for (let b = 0, i = 0; b < buckets; b++) {
    while (i < count && ends[i]! <= bucketBase + b * secondsPerDay) i++;
    bucketFirst[b] = i;
  }

  // About one open-time bucket per interval, each at least a minute of open time.
  const quantum = Math.max(60, Math.floor(total / Math.max(1, count)));
  const openBuckets = Math.floor(total / quantum) + 2;
  const openBucketFirst = new Int32Array(openBuckets);
  for (let k = 0, j = 0; k < openBuckets; k++) {
    while (j < count && openBefore[j + 1]! < k * quantum) j++;
    openBucketFirst[k] = j;
  }

  const dayBase = first.firstDay;
  const dayEnd = last.endDay;
  const dayHasOpenTime = new Uint8Array(dayEnd - dayBase);
  const dayClosingAt = new Float64Array(dayEnd - dayBase);
  chunks.forEach((chunk, c) => {
    dayHasOpenTime.set(chunk.hasOpenTime, chunk.firstDay - dayBase);
    dayClosingAt.set(chunk.closingAt, chunk.firstDay - dayBase);
    // The previous chunk's 31 December may close on this chunk's 1 January (a night shift).
    if (c > 0) {
      const before = chunk.firstDay - 1 - dayBase;
      dayClosingAt[before] = Math.max(dayClosingAt[before]!, chunk.closingOfDayBefore);
    }
  });

  const spans = zoneOffsetSpans(coveredFrom - 2 * secondsPerDay, coveredTo + 2 * secondsPerDay, zone);
  return {
    count,
    starts,
    ends,
    openBefore,
    coveredFrom,
    coveredTo,
    bucketBase,
    bucketFirst,
    openQuantumInverse: 1 / quantum,
    openBucketFirst,
    dayBase,
    dayEnd,
    dayHasOpenTime,
    dayClosingAt,
    offsetFrom: new Float64Array(spans.map((s) => s.fromEpochSeconds)),
    offsetSeconds: new Float64Array(spans.map((s) => s.offsetSeconds)),
  };
}
