import { BusinessCalendar } from './business-calendar.js';
import { validateCalendarSpec, type CalendarSpec } from './calendar-spec.js';

/**
 * Checks a calendar spec and compiles it for fast queries:
 * `createCalendar({ timezone: 'America/Los_Angeles', hours: { 'mon-fri': ['08:00-18:00'] }, holidays: ['US-CA'] })`.
 * Throws `CALENDAR_INVALID` with one Problem per fault (unknown zone, day key or holiday
 * region, `25:00`, `08:60`, empty or overlapping ranges, a day named twice, `2027-02-30`,
 * no open hours at all), each with its field path such as `['hours', 'mon-fri', 1]`.
 */
export function createCalendar(spec: CalendarSpec): BusinessCalendar {
  return new BusinessCalendar(validateCalendarSpec(spec));
}
