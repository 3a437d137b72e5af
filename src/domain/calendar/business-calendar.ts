/**
 * A compiled calendar: the numeric, allocation-free engine behind `addBusinessTime`,
 * `businessTimeBetween` and `addBusinessDays`, for hot paths such as the SLA clocks.
 *
 * Storage (see interval-index.ts): sorted open intervals in epoch seconds with a prefix
 * sum of open seconds, a per-day table that locates an instant in O(1), and a table
 * over open time that finds where an amount runs out in O(1). Local years are built
 * lazily, as queries reach them, between the years 1000 and 9999.
 *
 * All methods take and return epoch seconds (integers); amounts are integer seconds.
 */
import { SupportPactError } from '../errors/index.js';
import type { DueAtClosingTime, ValidCalendarSpec } from './calendar-spec.js';
import { publicHolidayDayNumbers } from './holiday-regions.js';
import { indexYearChunks } from './interval-index.js';
import { buildYearChunk, utcYearOf, wallSegmentsByWeekday, type WallSegment, type YearChunk } from './year-chunk.js';

const secondsPerDay = 86_400;
const dayInverse = 1 / secondsPerDay;
const firstSupportedYear = 1000;
const lastSupportedYear = 9999;

export class BusinessCalendar {
  /** IANA zone of the calendar's hours. */
  readonly zone: string;
  readonly dueAtClosingTime: DueAtClosingTime;
  /** The checked spec the calendar was compiled from. */
  readonly spec: ValidCalendarSpec;

  private readonly segments: WallSegment[][];
  private readonly closedDays = new Set<number>();
  private readonly holidayYearsLoaded = new Set<number>();
  private readonly dueAtNextOpening: boolean;
  private chunks: YearChunk[] = [];

  // The index over all chunks (see interval-index.ts), held in fields for the hot paths;
  // replaced whenever a chunk is added.
  private count = 0;
  private starts: Float64Array = new Float64Array([Infinity]);
  private ends: Float64Array = new Float64Array([Infinity]);
  private openBefore: Float64Array = new Float64Array([0]);
  private coveredFrom = Infinity;
  private coveredTo = -Infinity;
  private bucketBase = 0;
  private bucketFirst: Int32Array = new Int32Array(1);
  private openQuantumInverse = 0;
  private openBucketFirst: Int32Array = new Int32Array(1);
  private dayBase = 0;
  private dayEnd = 0;
  private dayHasOpenTime: Uint8Array = new Uint8Array(0);
  private dayClosingAt: Float64Array = new Float64Array(0);
  private offsetFrom: Float64Array = new Float64Array(0);
  private offsetSeconds: Float64Array = new Float64Array(0);

  constructor(spec: ValidCalendarSpec) {
    this.spec = spec;
    this.zone = spec.zone;
    this.dueAtClosingTime = spec.dueAtClosingTime;
    this.dueAtNextOpening = spec.dueAtClosingTime === 'next-opening';
    this.segments = wallSegmentsByWeekday(spec.weeklyHours);
    for (const day of spec.closureDayNumbers) this.closedDays.add(day);
  }

  /** Whether the calendar is open at an instant: Monday 2027-03-15T09:00-07:00 is open on a mon-fri 08:00-18:00 calendar. */
  isOpenAt(epochSeconds: number): boolean {
    if (!(epochSeconds >= this.coveredFrom && epochSeconds < this.coveredTo)) this.cover(epochSeconds, epochSeconds);
    const i = this.locate(epochSeconds);
    return this.starts[i]! <= epochSeconds;
  }

  /** The instant itself when open, else the next opening: Saturday 10:00 gives Monday 08:00. */
  nextOpeningAt(epochSeconds: number): number {
    if (!(epochSeconds >= this.coveredFrom && epochSeconds < this.coveredTo)) this.cover(epochSeconds, epochSeconds);
    const i = this.locate(epochSeconds);
    if (i === this.count) {
      this.extendForward();
      return this.nextOpeningAt(epochSeconds);
    }
    const start = this.starts[i]!;
    return start <= epochSeconds ? epochSeconds : start;
  }

  /**
   * Open seconds in `[fromEpochSeconds, toEpochSeconds)`, 0 when `to <= from`: Monday 17:00
   * to Tuesday 09:00 on mon-fri 08:00-18:00 is 7200.
   */
  openSecondsBetween(fromEpochSeconds: number, toEpochSeconds: number): number {
    // NaN fails this range check and reaches cover(), which rejects it.
    if (!(fromEpochSeconds >= this.coveredFrom && toEpochSeconds < this.coveredTo)) {
      if (!Number.isFinite(fromEpochSeconds) || !Number.isFinite(toEpochSeconds)) this.cover(fromEpochSeconds, toEpochSeconds);
      if (toEpochSeconds <= fromEpochSeconds) return 0;
      this.cover(fromEpochSeconds, toEpochSeconds);
    }
    if (toEpochSeconds <= fromEpochSeconds) return 0;
    return this.openSecondsBefore(toEpochSeconds) - this.openSecondsBefore(fromEpochSeconds);
  }

  /**
   * The instant at which `seconds` of open time have passed since `epochSeconds`.
   * - `seconds > 0`: the earliest instant `u` with `openSecondsBetween(start, u) === seconds`;
   *   when that `u` is a closing, `next-opening` calendars return the next opening instead.
   *   Monday 17:00 + 2 h is Tuesday 09:00; Monday 16:00 + 2 h is Tuesday 08:00 (next-opening)
   *   or Monday 18:00 (closing-time).
   * - `seconds === 0`: the instant itself when open, else the next opening.
   * - `seconds < 0`: the latest instant `u <= start` with `openSecondsBetween(u, start) === -seconds`,
   *   so walking back into a closed gap returns the opening after it: Tuesday 10:00 - 2 h is
   *   Tuesday 08:00, not Monday 18:00.
   */
  addOpenSeconds(epochSeconds: number, seconds: number): number {
    if (!(epochSeconds >= this.coveredFrom && epochSeconds < this.coveredTo)) this.cover(epochSeconds, epochSeconds);
    if (seconds > 0) return this.addForward(epochSeconds, seconds);
    if (seconds < 0) return this.addBackward(epochSeconds, -seconds);
    return this.nextOpeningAt(epochSeconds);
  }

  /**
   * The closing of the `days`-th open day after the local date on which the clock starts
   * (the date of `nextOpeningAt(epochSeconds)` is day 0). Saturday 2027-03-13 10:00, 0 days,
   * on mon-fri 08:00-18:00 gives Monday 2027-03-15 18:00; 1 day gives Tuesday 18:00. An
   * overnight range closes on the next date (22:00-06:00 on Monday closes Tuesday 06:00);
   * `00:00-24:00` closes at the date's end. O(days).
   */
  closingOfBusinessDay(epochSeconds: number, days: number): number {
    if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a whole number >= 0, not ${days}`);
    let day = this.localDayNumberAt(this.nextOpeningAt(epochSeconds));
    let remaining = days;
    for (;;) {
      // The date after also has to be built: its after-midnight part may close this date.
      while (day + 1 >= this.dayEnd) this.extendForward();
      if (remaining === 0) return this.dayClosingAt[day - this.dayBase]!;
      day++;
      if (this.dayHasOpenTime[day - this.dayBase] === 1) remaining--;
    }
  }

  /**
   * Calls `visit(start, end)` for each open interval clipped to `[from, to)`, in order;
   * no allocation. Monday 07:00 to Tuesday 09:00 visits 08:00-18:00 and 08:00-09:00.
   */
  forEachOpenInterval(fromEpochSeconds: number, toEpochSeconds: number, visit: (startEpochSeconds: number, endEpochSeconds: number) => void): void {
    this.cover(fromEpochSeconds, toEpochSeconds);
    if (!(toEpochSeconds > fromEpochSeconds)) return;
    for (let i = this.locate(fromEpochSeconds); this.starts[i]! < toEpochSeconds; i++) {
      visit(Math.max(this.starts[i]!, fromEpochSeconds), Math.min(this.ends[i]!, toEpochSeconds));
    }
  }

  /** The open intervals in `[from, to)` as `[start, end]` pairs, for explaining a clock step by step. */
  openIntervalsBetween(fromEpochSeconds: number, toEpochSeconds: number): [number, number][] {
    const intervals: [number, number][] = [];
    this.forEachOpenInterval(fromEpochSeconds, toEpochSeconds, (start, end) => intervals.push([start, end]));
    return intervals;
  }

  /** Day number (days since 1970-01-01) of the local date of an instant in the calendar's zone. */
  localDayNumberAt(epochSeconds: number): number {
    this.cover(epochSeconds, epochSeconds);
    const from = this.offsetFrom;
    let lo = 0;
    let hi = from.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (from[mid]! <= epochSeconds) lo = mid;
      else hi = mid - 1;
    }
    return Math.floor((epochSeconds + this.offsetSeconds[lo]!) / secondsPerDay);
  }

  // ---- hot paths ----

  /** Index of the first interval that ends after `t` (the sentinel when none); `t` must be covered. */
  private locate(t: number): number {
    const ends = this.ends;
    // Multiplying by 1/86400 may round an exact day boundary into the day before: that bucket
    // starts no later, and the scan below walks on.
    let i = this.bucketFirst[((t - this.bucketBase) * dayInverse) | 0]!;
    while (ends[i]! <= t) i++;
    return i;
  }

  /** Open seconds from the start of the covered range to `t`. */
  private openSecondsBefore(t: number): number {
    const i = this.locate(t);
    const start = this.starts[i]!;
    return t > start ? this.openBefore[i]! + (t - start) : this.openBefore[i]!;
  }

  /**
   * Smallest interval index j with openBefore[j + 1] >= target (strict: > target): the
   * interval in which the open-time count reaches `target`. An O(1) table read (the first
   * candidate for target's quantum of open time) plus a short scan.
   */
  private intervalReaching(target: number, strict: boolean): number {
    const openBefore = this.openBefore;
    let j = this.openBucketFirst[(target * this.openQuantumInverse) | 0]!;
    if (strict) while (openBefore[j + 1]! <= target) j++;
    else while (openBefore[j + 1]! < target) j++;
    return j;
  }

  private addForward(t: number, seconds: number): number {
    const openBefore = this.openBefore;
    const i = this.locate(t);
    const start = this.starts[i]!;
    const target = (t > start ? openBefore[i]! + (t - start) : openBefore[i]!) + seconds;
    if (target > openBefore[this.count]!) {
      this.extendForward();
      return this.addForward(t, seconds);
    }
    const j = this.intervalReaching(target, false);
    if (target === openBefore[j + 1]! && this.dueAtNextOpening) {
      // Used up exactly at a closing: due at the next opening.
      if (j + 1 >= this.count) {
        this.extendForward();
        return this.addForward(t, seconds);
      }
      return this.starts[j + 1]!;
    }
    return this.starts[j]! + (target - openBefore[j]!);
  }

  private addBackward(t: number, seconds: number): number {
    const openBefore = this.openBefore;
    const i = this.locate(t);
    const start = this.starts[i]!;
    const target = (t > start ? openBefore[i]! + (t - start) : openBefore[i]!) - seconds;
    if (target < 0) {
      this.extendBackward();
      return this.addBackward(t, seconds);
    }
    // The interval holding the target's open second; landing on an interval's first second
    // gives its opening, the latest instant with that much open time before t.
    const j = this.intervalReaching(target, true);
    return this.starts[j]! + (target - openBefore[j]!);
  }

  // ---- lazy building ----

  /** Makes sure the instants `a` and `b` and all between lie inside the built range. */
  private cover(a: number, b: number): void {
    if (!Number.isFinite(a) || !Number.isFinite(b)) throw new RangeError(`not an instant in epoch seconds: ${a}, ${b}`);
    const from = Math.min(a, b);
    const to = Math.max(a, b);
    if (from >= this.coveredFrom && to < this.coveredTo) return;
    // A local year can start up to 14 h before or after the UTC one: one year of margin.
    const firstYear = utcYearOf(from) - 1;
    const lastYear = utcYearOf(to) + 1;
    if (this.chunks.length === 0) this.addChunk(firstYear, lastYear, 'after');
    const builtFirst = this.chunks[0]!.firstYear;
    const builtLast = this.chunks[this.chunks.length - 1]!.lastYear;
    if (firstYear < builtFirst) this.addChunk(firstYear, builtFirst - 1, 'before');
    if (lastYear > builtLast) this.addChunk(builtLast + 1, lastYear, 'after');
  }

  /** Builds the next few years (the data ran out: a long amount, or a closing at the end). */
  private extendForward(): void {
    const last = this.chunks[this.chunks.length - 1]!.lastYear;
    this.addChunk(last + 1, last + 4, 'after');
  }

  private extendBackward(): void {
    const first = this.chunks[0]!.firstYear;
    this.addChunk(first - 4, first - 1, 'before');
  }

  private addChunk(firstYear: number, lastYear: number, side: 'before' | 'after'): void {
    if (firstYear < firstSupportedYear || lastYear > lastSupportedYear) {
      throw new SupportPactError('INSTANT_INVALID', `business time is computed between the years ${firstSupportedYear} and ${lastSupportedYear}; this query reaches ${firstYear < firstSupportedYear ? firstYear : lastYear}`);
    }
    for (let year = firstYear - 1; year <= lastYear + 1; year++) this.loadHolidays(year);
    const chunk = buildYearChunk(this.segments, this.zone, (day) => this.closedDays.has(day), firstYear, lastYear);
    this.chunks = side === 'before' ? [chunk, ...this.chunks] : [...this.chunks, chunk];
    this.flatten();
  }

  private loadHolidays(year: number): void {
    if (this.holidayYearsLoaded.has(year)) return;
    this.holidayYearsLoaded.add(year);
    for (const region of this.spec.holidayRegions) for (const day of publicHolidayDayNumbers(region, year)) this.closedDays.add(day);
  }

  /** Rebuilds the flat index from the chunks and adopts its arrays as this calendar's fields. */
  private flatten(): void {
    const index = indexYearChunks(this.chunks, this.zone);
    this.count = index.count;
    this.starts = index.starts;
    this.ends = index.ends;
    this.openBefore = index.openBefore;
    this.coveredFrom = index.coveredFrom;
    this.coveredTo = index.coveredTo;
    this.bucketBase = index.bucketBase;
    this.bucketFirst = index.bucketFirst;
    this.openQuantumInverse = index.openQuantumInverse;
    this.openBucketFirst = index.openBucketFirst;
    this.dayBase = index.dayBase;
    this.dayEnd = index.dayEnd;
    this.dayHasOpenTime = index.dayHasOpenTime;
    this.dayClosingAt = index.dayClosingAt;
    this.offsetFrom = index.offsetFrom;
    this.offsetSeconds = index.offsetSeconds;
  }
}
