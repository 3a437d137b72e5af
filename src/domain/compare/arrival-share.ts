import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { dayNumberOf, localDateOfDayNumber, monthBounds, weekdayIndexOfDayNumber } from '../time/local-date.js';
import { epochSecondsOfLocal, startOfLocalDate } from '../time/zone.js';
import type { ArrivalRange } from './forecast-types.js';

/** Arrivals spread evenly over the week, when the forecast gives no profile (said in the report). */
export const evenArrivals: readonly ArrivalRange[] = [{ days: [0, 1, 2, 3, 4, 5, 6], fromMinute: 0, toMinute: 1440, weight: 1 }];

/**
 * The share of a month's tickets that arrive while `calendar` is closed, when they arrive
 * by the weekly profile `arrivals` (local time of the calendar's zone), evenly inside each
 * range. Holidays and closures count as closed, and a DST change shortens or lengthens its day.
 * With arrivals even over the week and a Mon–Fri 08:00–18:00 calendar, about 70% of tickets
 * arrive outside it (118 of 168 hours).
 */
export function shareOutsideCalendar(calendar: BusinessCalendar, zone: string, arrivals: readonly ArrivalRange[], month: string): number {
  const [first, last] = monthBounds(month);
  const starts = new Map<number, number>();
  const startOf = (day: number): number => {
    let start = starts.get(day);
    if (start === undefined) {
      start = startOfLocalDate(localDateOfDayNumber(day), zone);
      starts.set(day, start);
    }
    return start;
  };
  // Local wall time as an instant: plain arithmetic on a 24-hour day, the zone library on a DST day.
  const instantOf = (day: number, minute: number): number => {
    if (minute >= 1440) return instantOf(day + 1, minute - 1440);
    const start = startOf(day);
    return startOf(day + 1) - start === 86400 ? start + minute * 60 : epochSecondsOfLocal(localDateOfDayNumber(day), minute * 60, zone);
  };
  let total = 0;
  let open = 0;
  for (let day = dayNumberOf(first); day <= dayNumberOf(last); day++) {
    const weekday = weekdayIndexOfDayNumber(day);
    for (const range of arrivals) {
      if (range.weight === 0 || !range.days.includes(weekday)) continue;
      // A range like 22:00-06:00 ends on the next day.
      const endMinute = range.toMinute <= range.fromMinute ? range.toMinute + 1440 : range.toMinute;
      const fromAt = instantOf(day, range.fromMinute);
      const toAt = instantOf(day, endMinute);
      if (toAt <= fromAt) continue;
      total += range.weight;
      open += (range.weight * calendar.openSecondsBetween(fromAt, toAt)) / (toAt - fromAt);
    }
  }
  return total === 0 ? 0 : Math.max(0, 1 - open / total);
}
