/**
 * Local calendar dates as `YYYY-MM-DD` strings, with exact civil-calendar arithmetic.
 * Pure integer math (days since 1970-01-01, proleptic Gregorian): no zone, no clock.
 */
export type LocalDate = string;

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const weekdays: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month: `daysInMonth(2028, 2)` is 29. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether `text` is an existing date: `isLocalDate('2027-02-30')` is false. */
export function isLocalDate(text: string): boolean {
  const m = datePattern.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Days since 1970-01-01 of a civil date: `daysFromCivil(1970, 1, 2)` is 1. */
export function daysFromCivil(year: number, month: number, day: number): number {
  // Howard Hinnant's days_from_civil.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number: `civilFromDays(0)` is `{ year: 1970, month: 1, day: 1 }`. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function formatLocalDate(year: number, month: number, day: number): LocalDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Splits a valid date; throws a RangeError on a malformed one (callers validate first). */
export function partsOfLocalDate(date: LocalDate): { year: number; month: number; day: number } {
  const m = datePattern.exec(date);
  if (!m || !isLocalDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** Day number (days since 1970-01-01) of a date. */
export function dayNumberOf(date: LocalDate): number {
  const { year, month, day } = partsOfLocalDate(date);
  return daysFromCivil(year, month, day);
}

export function localDateOfDayNumber(days: number): LocalDate {
  const { year, month, day } = civilFromDays(days);
  return formatLocalDate(year, month, day);
}

/** `addDays('2027-02-28', 1)` is `'2027-03-01'`. */
export function addDays(date: LocalDate, days: number): LocalDate {
  return localDateOfDayNumber(dayNumberOf(date) + days);
}

/**
 * Adds calendar months, clamping to the month's last day:
 * `addMonths('2027-01-31', 1)` is `'2027-02-28'`, `addMonths('2028-01-31', 1)` is `'2028-02-29'`.
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const { year, month, day } = partsOfLocalDate(date);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  return formatLocalDate(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/** Whole days from `from` to `to`: `daysBetween('2027-01-01', '2027-01-31')` is 30. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return dayNumberOf(to) - dayNumberOf(from);
}

/** Weekday of a date: `weekdayOf('2027-03-01')` is `'mon'`. */
export function weekdayOf(date: LocalDate): Weekday {
  return weekdayOfDayNumber(dayNumberOf(date));
}

/** Weekday of a day number; day 0 (1970-01-01) was a Thursday. */
export function weekdayOfDayNumber(days: number): Weekday {
  const index = (((days + 3) % 7) + 7) % 7; // 0 = mon
  return weekdays[index] as Weekday;
}

export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `YYYY-MM` of a date. */
export function monthOf(date: LocalDate): string {
  return date.slice(0, 7);
}

/** First and last date of a `YYYY-MM` month: `monthBounds('2028-02')` is `['2028-02-01', '2028-02-29']`. */
export function monthBounds(month: string): [LocalDate, LocalDate] {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new RangeError(`not a YYYY-MM month: ${JSON.stringify(month)}`);
  const year = Number(m[1]);
  const mon = Number(m[2]);
  return [formatLocalDate(year, mon, 1), formatLocalDate(year, mon, daysInMonth(year, mon))];
}

export function isMonth(text: string): boolean {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/** `addMonthsToMonth('2027-12', 1)` is `'2028-01'`. */
export function addMonthsToMonth(month: string, months: number): string {
  return addMonths(`${month}-01`, months).slice(0, 7);
}

/** Weekday index of a day number, 0 = Monday .. 6 = Sunday: `weekdayIndexOfDayNumber(0)` is 3 (1970-01-01, a Thursday). */
export function weekdayIndexOfDayNumber(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

/**
 * The monthly anniversary of a date, for term ends: like `addMonths`, but when the day does
 * not exist in the target month the anniversary is the first day of the month after.
 * `anniversaryAfterMonths('2027-01-31', 1)` is `'2027-03-01'` (so a one-month term from
 * 31 January ends on 28 February), `anniversaryAfterMonths('2028-02-29', 12)` is `'2029-03-01'`.
 */
export function anniversaryAfterMonths(date: LocalDate, months: number): LocalDate {
  const { day } = partsOfLocalDate(date);
  const clamped = addMonths(date, months);
  return partsOfLocalDate(clamped).day === day ? clamped : addDays(clamped, 1);
}
