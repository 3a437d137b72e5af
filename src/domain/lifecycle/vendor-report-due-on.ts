/**
 * When a vendor report is due: within `dueWithin` after the reporting period's last day.
 * `bd` counts business days of the named calendar with the month's last day as day 0, so
 * 5bd is the 5th business day of the next month; `d` counts calendar days.
 */
import type { Sla } from '../contract/schema/sla.js';
import { addCalendarDuration } from '../time/duration.js';
import { monthBounds, type LocalDate } from '../time/local-date.js';
import { isMondayToFriday, nthBusinessDayAfter, type IsBusinessDay } from './nth-business-day.js';

export type VendorReportTerms = NonNullable<NonNullable<Sla['reporting']>['vendorReport']>;

/**
 * Northstar (5bd, business calendar): the January 2027 report is due
 * `vendorReportDueOn(terms, '2027-01', isBusinessDay)` = `'2027-02-05'` (Sunday 31 January
 * is day 0; Monday 1 to Friday 5 February are days 1 to 5). With `dueWithin: 10d` it
 * would be `'2027-02-10'`.
 */
export function vendorReportDueOn(terms: VendorReportTerms, periodEndMonth: string, isBusinessDay: IsBusinessDay = isMondayToFriday): LocalDate {
  const [, lastDay] = monthBounds(periodEndMonth);
  if (terms.dueWithin.unit === 'bd') return nthBusinessDayAfter(lastDay, terms.dueWithin.amount, isBusinessDay, terms.calendar);
  return addCalendarDuration(lastDay, terms.dueWithin);
}
