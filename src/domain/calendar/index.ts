/**
 * The business-calendar engine: contract calendars compiled into open intervals, with a
 * Date/string API (`addBusinessTime`, `businessTimeBetween`, `addBusinessDays`) and a
 * numeric, allocation-free API on `BusinessCalendar` for hot paths.
 */
export { createCalendar } from './create-calendar.js';
export { addBusinessTime } from './add-business-time.js';
export { businessTimeBetween } from './business-time-between.js';
export { addBusinessDays } from './add-business-days.js';
export { BusinessCalendar } from './business-calendar.js';
export { validateCalendarSpec, type CalendarSpec, type DueAtClosingTime, type ValidCalendarSpec } from './calendar-spec.js';
export type { BusinessTimeOptions } from './business-time-options.js';
export { epochSecondsOfInstant, type InstantInput } from './instant-input.js';
export { normalisePauses, openSecondsOutsidePauses, addOpenSecondsOutsidePauses } from './paused-time.js';
export { parseHolidayRegion, publicHolidayDayNumbers, type HolidayRegion } from './holiday-regions.js';
export type { OpeningRange } from './opening-hours.js';
