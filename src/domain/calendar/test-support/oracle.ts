/**
 * A slow, obviously correct model of a calendar, for tests only. It shares no code with the
 * engine beyond the zone wrapper and date-holidays: it reads the spec itself, decides
 * "open at instant t" from the local date and wall time of t, and steps through time
 * minute by minute (second by second inside a minute that holds a pause edge or the answer).
 *
 * Stepping by whole UTC minutes is exact because every offset the zone wrapper reports is
 * checked to be a whole number of minutes (the check falls back to seconds otherwise), so
 * open/closed can only change at a minute boundary.
 */
import Holidays from 'date-holidays';
import { civilFromDays, dayNumberOf, localPartsOf, weekdays } from '../../time/index.js';
import type { CalendarSpec } from '../calendar-spec.js';

const day = 86_400;
/** Farthest the oracle walks before giving up: 30 years. */
const walkLimitSeconds = 30 * 366 * day;

interface Range {
  readonly from: number;
  /** May exceed 86400: the part past midnight lies on the next date. */
  readonly to: number;
}

type Pause = readonly [number, number];

export class CalendarOracle {
  private readonly zone: string;
  private readonly rangesByWeekday: Range[][] = [[], [], [], [], [], [], []];
  private readonly closed = new Set<number>();
  private readonly holidayYears = new Set<number>();
  private readonly holidayLibraries: Holidays[];
  private readonly dueAtNextOpening: boolean;
  private cachedBlock = NaN;
  private cachedOffset = NaN;
  private lastDate = NaN;
  private lastDateClosed = false;

  constructor(spec: CalendarSpec) {
    this.zone = spec.timezone;
    this.dueAtNextOpening = (spec.dueAtClosingTime ?? 'next-opening') === 'next-opening';
    for (const [key, texts] of Object.entries(spec.hours)) {
      const [first, last] = key.split('-');
      const from = weekdays.indexOf(first as never);
      const to = last === undefined ? from : weekdays.indexOf(last as never);
      for (let d = from; ; d = (d + 1) % 7) {
        for (const text of texts) this.rangesByWeekday[d]!.push(parseRange(text));
        if (d === to) break;
      }
    }
    for (const date of spec.closures ?? []) this.closed.add(dayNumberOf(date));
    this.holidayLibraries = (spec.holidays ?? []).map((code) => {
      const [country, state, region] = code.split('-') as [string, string?, string?];
      if (region !== undefined && state !== undefined) return new Holidays(country, state, region);
      if (state !== undefined) return new Holidays(country, state);
      return new Holidays(country);
    });
  }

  /** Whether the calendar is open at `t` (epoch seconds). */
  isOpenAt(t: number): boolean {
    const wall = this.wallSecondsOf(t);
    const date = Math.floor(wall / day);
    const secondOfDay = wall - date * day;
    if (this.isClosedDate(date)) return false;
    const weekday = weekdayOf(date);
    for (const r of this.rangesByWeekday[weekday]!) if (secondOfDay >= r.from && secondOfDay < Math.min(r.to, day)) return true;
    for (const r of this.rangesByWeekday[(weekday + 6) % 7]!) if (r.to > day && secondOfDay < r.to - day) return true;
    return false;
  }

  /** Local date (day number) of `t`. */
  localDateOf(t: number): number {
    return Math.floor(this.wallSecondsOf(t) / day);
  }

  /** Open, unpaused seconds in `[from, to)`. */
  between(from: number, to: number, rawPauses: readonly Pause[] = []): number {
    const pauses = mergePauses(rawPauses);
    let total = 0;
    for (let t = from; t < to; ) {
      const minuteEnd = Math.min(floorMinute(t) + 60, to);
      total += this.countedSeconds(t, minuteEnd, pauses);
      t = minuteEnd;
    }
    return total;
  }

  /** See `addOpenSecondsOutsidePauses`: the same contract, computed by walking. */
  add(start: number, seconds: number, rawPauses: readonly Pause[] = []): number {
    const pauses = mergePauses(rawPauses);
    if (seconds === 0) return this.nextOpening(start);
    if (seconds > 0) {
      let remaining = seconds;
      for (let t = start; ; ) {
        const minuteEnd = floorMinute(t) + 60;
        const counted = this.countedSeconds(t, minuteEnd, pauses);
        if (counted >= remaining) {
          for (let x = t; ; x++) {
            if (this.counts(x, pauses) && --remaining === 0) {
              const due = x + 1;
              // Used up exactly at a closing: a next-opening calendar shows the next opening.
              return this.dueAtNextOpening && !this.isOpenAt(due) ? this.nextOpening(due) : due;
            }
          }
        }
        remaining -= counted;
        t = minuteEnd;
        if (t - start > walkLimitSeconds) throw new Error('oracle: walked 30 years forward');
      }
    }
    let remaining = -seconds;
    for (let t = start; ; ) {
      const minuteStart = floorMinute(t - 1);
      const counted = this.countedSeconds(minuteStart, t, pauses);
      if (counted >= remaining) {
        for (let x = t - 1; ; x--) if (this.counts(x, pauses) && --remaining === 0) return x;
      }
      remaining -= counted;
      t = minuteStart;
      if (start - t > walkLimitSeconds) throw new Error('oracle: walked 30 years back');
    }
  }

  /** `t` when open, else the first open instant after it. */
  nextOpening(t: number): number {
    if (this.isOpenAt(t)) return t;
    for (let m = floorMinute(t) + 60; m - t < walkLimitSeconds; m += 60) {
      if (this.isOpenAt(m)) return m;
    }
    throw new Error('oracle: no opening within 30 years');
  }

  /** The closing of the `days`-th open date after the date of the next opening (day 0). */
  closingOfBusinessDay(t: number, days: number): number {
    let date = this.localDateOf(this.nextOpening(t));
    for (let counted = 0; counted < days; ) {
      date++;
      if (this.hasOpenTime(date)) counted++;
    }
    return this.closingOf(date);
  }

  /** Whether some instant of local date `date` is open. */
  hasOpenTime(date: number): boolean {
    // Offsets lie within -12 h..+14 h: every instant of the date is inside this window.
    for (let m = date * day - 16 * 3600; m < (date + 1) * day + 16 * 3600; m += 60) {
      if (this.localDateOf(m) === date && this.isOpenAt(m)) return true;
    }
    return false;
  }

  /**
   * End of the last open minute that belongs to date `date`: on the date itself, or on the
   * next date inside the after-midnight part of a range written under this date's weekday.
   */
  closingOf(date: number): number {
    let last = NaN;
    const tails = this.rangesByWeekday[weekdayOf(date)]!.filter((r) => r.to > day);
    for (let m = date * day - 16 * 3600; m < (date + 2) * day + 16 * 3600; m += 60) {
      if (!this.isOpenAt(m)) continue;
      const wall = this.wallSecondsOf(m);
      const onDate = Math.floor(wall / day);
      const isTail = onDate === date + 1 && tails.some((r) => wall - onDate * day < r.to - day);
      if (onDate === date || isTail) last = m;
    }
    return last + 60;
  }

  /** Open and unpaused seconds in `[from, to)`, both inside one UTC minute; `pauses` merged. */
  private countedSeconds(from: number, to: number, pauses: readonly Pause[]): number {
    if (!this.isWholeMinuteOffset(from)) {
      let n = 0;
      for (let x = from; x < to; x++) if (this.counts(x, pauses)) n++;
      return n;
    }
    if (!this.isOpenAt(from)) return 0;
    let n = to - from;
    for (const [pFrom, pTo] of pauses) n -= Math.max(0, Math.min(pTo, to) - Math.max(pFrom, from));
    return n;
  }

  private counts(x: number, pauses: readonly Pause[]): boolean {
    return this.isOpenAt(x) && !pauses.some(([pFrom, pTo]) => x >= pFrom && x < pTo);
  }

  private isWholeMinuteOffset(t: number): boolean {
    return (this.wallSecondsOf(t) - t) % 60 === 0;
  }

  /** Local wall time of `t` as seconds since 1970-01-01T00:00 local, via the zone wrapper. */
  private wallSecondsOf(t: number): number {
    // The zone wrapper is slow (~6 us); reuse an offset over a 900 s block when the offsets
    // at both ends of the block agree (two transitions are never 15 minutes apart).
    const block = Math.floor(t / 900);
    if (block !== this.cachedBlock) {
      const atStart = this.offsetAt(block * 900);
      const atEnd = this.offsetAt(block * 900 + 899);
      this.cachedBlock = block;
      this.cachedOffset = atStart === atEnd ? atStart : NaN;
    }
    return t + (Number.isNaN(this.cachedOffset) ? this.offsetAt(t) : this.cachedOffset);
  }

  private offsetAt(t: number): number {
    const { date, secondsOfDay } = localPartsOf(t, this.zone);
    return dayNumberOf(date) * day + secondsOfDay - t;
  }

  private isClosedDate(date: number): boolean {
    if (date === this.lastDate) return this.lastDateClosed;
    if (this.holidayLibraries.length > 0) {
      const year = civilFromDays(date).year;
      for (let y = year - 1; y <= year + 1; y++) this.loadHolidays(y);
    }
    this.lastDate = date;
    this.lastDateClosed = this.closed.has(date);
    return this.lastDateClosed;
  }

  private loadHolidays(year: number): void {
    if (this.holidayYears.has(year)) return;
    this.holidayYears.add(year);
    for (const library of this.holidayLibraries) {
      for (const holiday of library.getHolidays(year)) {
        if (holiday.type !== 'public' && !(holiday.substitute === true && holiday.type === 'bank')) continue;
        const first = dayNumberOf(holiday.date.slice(0, 10));
        const length = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / (day * 1000)));
        for (let d = first; d < first + length; d++) this.closed.add(d);
      }
    }
  }
}

function parseRange(text: string): Range {
  const [start, end] = text.split('-').map((part) => {
    const [h, m] = part.trim().split(':').map(Number) as [number, number];
    return h * 3600 + m * 60;
  }) as [number, number];
  return { from: start, to: end > start ? end : end + day };
}

function weekdayOf(date: number): number {
  // 1970-01-01 (day 0) was a Thursday; 0 = Monday.
  return (((date + 3) % 7) + 7) % 7;
}

function floorMinute(t: number): number {
  return Math.floor(t / 60) * 60;
}

function mergePauses(pauses: readonly Pause[]): Pause[] {
  const sorted = [...pauses].filter(([a, b]) => b > a).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}
