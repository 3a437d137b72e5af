import type { BusinessCalendar } from './business-calendar.js';
import { pausesOf, type BusinessTimeOptions } from './business-time-options.js';
import { epochSecondsOfInstant, wholeAmount, type InstantInput } from './instant-input.js';
import { addOpenSecondsOutsidePauses } from './paused-time.js';

/**
 * The instant when `seconds` of open time have passed since `start`: on a Los Angeles
 * mon-fri 08:00-18:00 calendar, `addBusinessTime(cal, '2027-03-15T17:00', 7200)` is
 * Tuesday 2027-03-16T09:00-07:00. A target used up exactly at a closing gives the next
 * opening (`dueAtClosingTime: next-opening`, the default) or the closing (`closing-time`);
 * adding 0 from a closed instant gives the next opening; negative `seconds` walk back and
 * return the latest instant that is `-seconds` of open time before `start` (the opening,
 * when that lands in a closed gap). Paused time does not count (see
 * `addOpenSecondsOutsidePauses`). Instants are truncated to the second; fractional
 * `seconds` are truncated toward zero.
 */
export function addBusinessTime(calendar: BusinessCalendar, start: InstantInput, seconds: number, options?: BusinessTimeOptions): Date {
  const startAt = epochSecondsOfInstant(start, calendar.zone);
  const amount = wholeAmount(seconds, 'seconds');
  const pauses = pausesOf(calendar, options);
  const dueAt = pauses ? addOpenSecondsOutsidePauses(calendar, startAt, amount, pauses) : calendar.addOpenSeconds(startAt, amount);
  return new Date(dueAt * 1000);
}
