import { addCalendarDuration, monthsOf, type Duration } from '../time/duration.js';
import { addDays, anniversaryAfterMonths, type LocalDate } from '../time/local-date.js';

/**
 * The day after a period of `length` that starts on `start`: the anniversary for months and
 * years (the 1st of the next month when the day does not exist), else start + days.
 */
export function dayAfterLengthOn(start: LocalDate, length: Duration): LocalDate {
  const months = monthsOf(length);
  return months !== undefined ? anniversaryAfterMonths(start, months) : addCalendarDuration(start, length);
}

/**
 * Last day of a term (inclusive): start + length - 1 day, where a monthly anniversary that
 * does not exist falls on the 1st of the next month.
 * `termEndOn('2027-01-01', 24mo)` is `'2028-12-31'`; `termEndOn('2027-01-31', 1mo)` is
 * `'2027-02-28'`; a year from `'2028-02-29'` ends `'2029-02-28'`.
 */
export function termEndOn(start: LocalDate, length: Duration): LocalDate {
  return addDays(dayAfterLengthOn(start, length), -1);
}

/**
 * Last day on which notice stops an automatic renewal: (end + 1 day) - notice.
 * `optOutDeadlineOn('2028-12-31', 60d)` is `'2028-11-02'`.
 */
export function optOutDeadlineOn(termEnd: LocalDate, optOutNotice: Duration): LocalDate {
  return addCalendarDuration(addDays(termEnd, 1), optOutNotice, -1);
}

/** Day on which notice given on `givenOn` takes effect: `noticeEffectiveOn('2027-03-01', 30d)` is `'2027-03-31'`. */
export function noticeEffectiveOn(givenOn: LocalDate, notice: Duration): LocalDate {
  return addCalendarDuration(givenOn, notice);
}
