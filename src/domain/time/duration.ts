/**
 * Contract durations: `<n><unit>`. `s`, `m`, `h` count open time on a calendar; `bd` is
 * business days; `d`, `mo`, `y` are calendar days, months and years.
 */
import { addDays, addMonths, type LocalDate } from './local-date.js';

export type BusinessTimeUnit = 's' | 'm' | 'h';
export type DurationUnit = BusinessTimeUnit | 'bd' | 'd' | 'mo' | 'y';

export interface Duration {
  readonly amount: number;
  readonly unit: DurationUnit;
  /** The text as written: `"15m"`. */
  readonly text: string;
}

export const durationUnits: readonly DurationUnit[] = ['s', 'm', 'h', 'bd', 'd', 'mo', 'y'];

const durationPattern = /^(\d{1,9})(s|m|h|bd|d|mo|y)$/;

/** Parses `"15m"` to `{ amount: 15, unit: 'm' }`; `undefined` when malformed. */
export function parseDuration(text: string): Duration | undefined {
  const m = durationPattern.exec(text.trim());
  if (!m) return undefined;
  return { amount: Number(m[1]), unit: m[2] as DurationUnit, text: text.trim() };
}

export function isBusinessTimeDuration(d: Duration): boolean {
  return d.unit === 's' || d.unit === 'm' || d.unit === 'h';
}

/** Seconds of an `s/m/h` duration: `secondsOf(parseDuration('4h'))` is 14400. */
export function secondsOf(d: Duration): number {
  switch (d.unit) {
    case 's':
      return d.amount;
    case 'm':
      return d.amount * 60;
    case 'h':
      return d.amount * 3600;
    default:
      throw new RangeError(`${d.text} is not a business-time duration (s, m or h)`);
  }
}

/** Whether the unit is a calendar period (`d`, `mo`, `y`). */
export function isCalendarDuration(d: Duration): boolean {
  return d.unit === 'd' || d.unit === 'mo' || d.unit === 'y';
}

/**
 * Adds a calendar duration to a date: `addCalendarDuration('2027-01-31', 1mo)` is
 * `'2027-02-28'`; `bd`/`s`/`m`/`h` are not calendar durations and throw.
 */
export function addCalendarDuration(date: LocalDate, d: Duration, sign: 1 | -1 = 1): LocalDate {
  switch (d.unit) {
    case 'd':
      return addDays(date, sign * d.amount);
    case 'mo':
      return addMonths(date, sign * d.amount);
    case 'y':
      return addMonths(date, sign * d.amount * 12);
    default:
      throw new RangeError(`${d.text} is not a calendar duration (d, mo or y)`);
  }
}

/** Approximate length in days, for comparisons only (30-day months): `approximateDays(2mo)` is 60. */
export function approximateDays(d: Duration): number {
  switch (d.unit) {
    case 'd':
      return d.amount;
    case 'bd':
      return d.amount * 1.4;
    case 'mo':
      return d.amount * 30;
    case 'y':
      return d.amount * 365;
    case 'h':
      return d.amount / 24;
    case 'm':
      return d.amount / 1440;
    case 's':
      return d.amount / 86400;
  }
}

/** Months of a `mo`/`y` duration: `monthsOf(2y)` is 24; other units give `undefined`. */
export function monthsOf(d: Duration): number | undefined {
  if (d.unit === 'mo') return d.amount;
  if (d.unit === 'y') return d.amount * 12;
  return undefined;
}

/** Plain English: `describeDuration(15m)` is `'15 minutes'`, `1bd` is `'1 business day'`. */
export function describeDuration(d: Duration): string {
  const names: Record<DurationUnit, [string, string]> = {
    s: ['second', 'seconds'],
    m: ['minute', 'minutes'],
    h: ['hour', 'hours'],
    bd: ['business day', 'business days'],
    d: ['day', 'days'],
    mo: ['month', 'months'],
    y: ['year', 'years'],
  };
  const [one, many] = names[d.unit];
  return `${d.amount} ${d.amount === 1 ? one : many}`;
}
