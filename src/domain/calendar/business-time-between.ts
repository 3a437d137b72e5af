import type { BusinessCalendar } from './business-calendar.js';
import { pausesOf, type BusinessTimeOptions } from './business-time-options.js';
import { epochSecondsOfInstant, type InstantInput } from './instant-input.js';
import { openSecondsOutsidePauses } from './paused-time.js';

/**
 * Seconds of open time in `[from, to)`, 0 when `to <= from`, minus paused open time:
 * on a Los Angeles mon-fri 08:00-18:00 calendar, Monday 2027-03-15T17:00 to Tuesday
 * 09:00 is 7200. Real elapsed seconds: a `00:00-24:00` Sunday 2027-03-14 has 82800.
 */
export function businessTimeBetween(calendar: BusinessCalendar, from: InstantInput, to: InstantInput, options?: BusinessTimeOptions): number {
  const fromAt = epochSecondsOfInstant(from, calendar.zone);
  const toAt = epochSecondsOfInstant(to, calendar.zone);
  const pauses = pausesOf(calendar, options);
  return pauses ? openSecondsOutsidePauses(calendar, fromAt, toAt, pauses) : calendar.openSecondsBetween(fromAt, toAt);
}
