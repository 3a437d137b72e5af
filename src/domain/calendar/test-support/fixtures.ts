/** Calendar specs the named tests share. */
import type { CalendarSpec } from '../calendar-spec.js';

/** Los Angeles office hours with California's public holidays (the benchmark calendar). */
export const losAngelesOffice: CalendarSpec = { timezone: 'America/Los_Angeles', hours: { 'mon-fri': ['08:00-18:00'] }, holidays: ['US-CA'] };

/** Open around the clock in Los Angeles: DST days have 23 and 25 open hours. */
export const losAngelesAlways: CalendarSpec = { timezone: 'America/Los_Angeles', hours: { 'mon-sun': ['00:00-24:00'] } };

/** A night shift every day in Los Angeles, closed on California's public holidays. */
export const losAngelesNights: CalendarSpec = { timezone: 'America/Los_Angeles', hours: { 'mon-sun': ['22:00-06:00'] }, holidays: ['US-CA'] };

/** A weekday night shift (Friday's runs into Saturday morning). */
export const weekdayNights: CalendarSpec = { timezone: 'America/Los_Angeles', hours: { 'mon-fri': ['22:00-06:00'] } };

/** Kolkata (UTC+05:30) office hours. */
export const kolkataOffice: CalendarSpec = { timezone: 'Asia/Kolkata', hours: { 'mon-fri': ['09:00-17:30'] } };

/** Instant of an ISO text with offset, in epoch seconds. */
export function epochOf(text: string): number {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(`bad test instant ${text}`);
  return ms / 1000;
}
