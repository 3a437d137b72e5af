import type { BusinessCalendar } from './business-calendar.js';
import { epochSecondsOfInstant, type InstantInput } from './instant-input.js';

/**
 * The closing time of the `days`-th open day, where day 0 is the local date on which the
 * clock effectively starts (the next opening, for a start while closed): a ticket created
 * Saturday 2027-03-13 on a mon-fri 08:00-18:00 calendar has day 0 Monday, so 1 business
 * day is Tuesday 2027-03-16T18:00-07:00. Always the closing, whatever `dueAtClosingTime`.
 * An overnight range closes on the next date; `00:00-24:00` closes at the date's midnight.
 */
export function addBusinessDays(calendar: BusinessCalendar, start: InstantInput, days: number): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a whole number >= 0, not ${String(days)}`);
  return new Date(calendar.closingOfBusinessDay(epochSecondsOfInstant(start, calendar.zone), days) * 1000);
}
