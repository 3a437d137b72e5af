/**
 * Business-day counting over whole dates, with the open days given as a predicate so the
 * lifecycle rules do not depend on the calendar engine (the caller passes the named
 * calendar's "has open hours on this date"). Day 0 is the given date itself.
 */
import { SupportPactError } from '../errors/index.js';
import { addDays, weekdayOf, type LocalDate } from '../time/local-date.js';

/** Whether a date is a business day of a named calendar (`calendar` is the name the clause gives, if any). */
export type IsBusinessDay = (date: LocalDate, calendar?: string) => boolean;

/** Monday to Friday: the stand-in used (and said to be used) when no calendar predicate is given. */
export const isMondayToFriday: IsBusinessDay = (date) => {
  const day = weekdayOf(date);
  return day !== 'sat' && day !== 'sun';
};

/** Ten years of days: a calendar with no open day in that span is broken, not slow. */
const maxScanDays = 3660;

function noOpenDays(from: LocalDate): SupportPactError {
  const message = `the calendar has no business day within ten years of ${from}`;
  return new SupportPactError('CALENDAR_INVALID', message, { problems: [{ message, hint: 'give the calendar open hours on at least one weekday' }] });
}

/**
 * The `n`-th business day after `date` (day 0 is `date`, whether open or not):
 * with Monday–Friday, `nthBusinessDayAfter('2027-01-31', 5, isMondayToFriday)` is `'2027-02-05'`
 * (Sunday 31 January; Monday 1 to Friday 5 February are days 1 to 5); `n = 0` gives `date`.
 */
export function nthBusinessDayAfter(date: LocalDate, n: number, isBusinessDay: IsBusinessDay, calendar?: string): LocalDate {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`n must be a whole number >= 0, not ${String(n)}`);
  let current = date;
  let counted = 0;
  for (let scanned = 0; counted < n; scanned += 1) {
    if (scanned > maxScanDays) throw noOpenDays(date);
    current = addDays(current, 1);
    if (isBusinessDay(current, calendar)) counted += 1;
  }
  return current;
}

/**
 * The latest day from which `n` business days still end on or before `date`: the day before
 * the `n`-th business day counted back from `date` (inclusive). With Monday–Friday,
 * `latestDayBeforeBusinessDays('2027-12-31', 15, isMondayToFriday)` is `'2027-12-12'` (a
 * Sunday): the 15 business days after it, Monday 13 to Friday 31 December, end on the 31st. `n = 0` gives `date`.
 */
export function latestDayBeforeBusinessDays(date: LocalDate, n: number, isBusinessDay: IsBusinessDay, calendar?: string): LocalDate {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`n must be a whole number >= 0, not ${String(n)}`);
  if (n === 0) return date;
  let current = date;
  let counted = 0;
  for (let scanned = 0; ; scanned += 1) {
    if (scanned > maxScanDays) throw noOpenDays(date);
    if (isBusinessDay(current, calendar)) counted += 1;
    if (counted === n) return addDays(current, -1);
    current = addDays(current, -1);
  }
}

/** The first business day on or after `date`: `firstBusinessDayFrom('2027-05-01', isMondayToFriday)` is `'2027-05-03'`. */
export function firstBusinessDayFrom(date: LocalDate, isBusinessDay: IsBusinessDay, calendar?: string): LocalDate {
  return isBusinessDay(date, calendar) ? date : nthBusinessDayAfter(date, 1, isBusinessDay, calendar);
}
