import { addCalendarDuration, type Duration } from '../time/duration.js';
import { addDays, type LocalDate } from '../time/local-date.js';

/**
 * Last day of a term (inclusive): start + length - 1 day.
 * `termEndOn('2027-01-01', 24mo)` is `'2028-12-31'`; `termEndOn('2027-01-31', 1mo)` is `'2027-02-27'`.
 */
export function termEndOn(start: LocalDate, length: Duration): LocalDate {
  return addDays(addCalendarDuration(start, length), -1);
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
