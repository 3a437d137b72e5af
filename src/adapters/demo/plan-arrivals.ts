import { parseHolidayRegion, publicHolidayDayNumbers } from '../../domain/calendar/holiday-regions.js';
import type { Contract } from '../../domain/contract/schema/contract-schema.js';
import { daysInMonth, formatLocalDate, localDateOfDayNumber, weekdayOf, type LocalDate } from '../../domain/time/local-date.js';
import type { RandomSource } from './random-source.js';
import type { ZoneClock } from './zone-clock.js';

/**
 * Relative arrivals per local hour on a working day: a morning peak at 09:00-11:00, a dip at
 * lunch and a second peak at 13:00-15:00; nights carry ~2% of the day's tickets.
 */
const workdayHourWeights = [0.3, 0.2, 0.15, 0.15, 0.2, 0.5, 1.5, 4, 9, 11, 11, 10, 7, 9, 9.5, 8.5, 7, 4.5, 2.2, 1.4, 1, 0.8, 0.6, 0.4];
/** Weekends and holidays: a flat late morning and afternoon, little at night. */
const quietDayHourWeights = [0.4, 0.3, 0.2, 0.2, 0.2, 0.3, 0.5, 0.8, 1.2, 1.8, 2.2, 2.3, 2.1, 2.1, 2, 1.8, 1.6, 1.4, 1.2, 1, 0.9, 0.8, 0.6, 0.5];
/** A day's share by weekday (Mon..Sun): Monday carries the weekend's backlog. */
const weekdayFactors: Readonly<Record<string, number>> = { mon: 1.15, tue: 1.05, wed: 1, thu: 1, fri: 0.9, sat: 0.16, sun: 0.12 };
/** A public holiday on a weekday sees about a quarter of a normal day. */
const holidayFactor = 0.25;

/**
 * Local dates on which the client mostly stops working: the public holidays and closures of
 * every calendar in the contract (northstar: US-CA, so 2027-03-31 Cesar Chavez Day and
 * 2027-05-31 Memorial Day fall in the demo months).
 */
export function quietDatesOf(contract: Contract, years: readonly number[]): ReadonlySet<LocalDate> {
  const dates = new Set<LocalDate>();
  for (const calendar of Object.values(contract.calendars ?? {})) {
    for (const code of calendar.holidays ?? []) {
      const region = parseHolidayRegion(code);
      if (typeof region === 'string') continue; // the contract loader has already reported it
      for (const year of years) for (const day of publicHolidayDayNumbers(region, year)) dates.add(localDateOfDayNumber(day));
    }
    for (const closure of calendar.closures ?? []) dates.add(closure);
  }
  return dates;
}

/**
 * Creation instants of `count` tickets in `month` (`YYYY-MM`), sorted: each picks a day in
 * proportion to its weekday factor (quiet dates a quarter), then an hour by the day's shape,
 * then a second within the hour, in the clock's zone.
 */
export function planArrivals(random: RandomSource, clock: ZoneClock, month: string, count: number, quietDates: ReadonlySet<LocalDate>): number[] {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const days: { date: LocalDate; weight: number; quiet: boolean }[] = [];
  for (let d = 1; d <= daysInMonth(year, monthNumber); d++) {
    const date = formatLocalDate(year, monthNumber, d);
    const weekday = weekdayOf(date);
    const weekend = weekday === 'sat' || weekday === 'sun';
    const holiday = quietDates.has(date);
    const weight = (weekdayFactors[weekday] ?? 1) * (holiday && !weekend ? holidayFactor : 1);
    days.push({ date, weight, quiet: weekend || holiday });
  }
  const dayWeights = days.map((d) => d.weight);
  const arrivals: number[] = [];
  for (let i = 0; i < count; i++) {
    const day = days[random.weightedIndex(dayWeights)]!;
    const hour = random.weightedIndex(day.quiet ? quietDayHourWeights : workdayHourWeights);
    arrivals.push(clock.instantOf(day.date, hour * 3600 + random.int(0, 3599)));
  }
  return arrivals.sort((a, b) => a - b);
}

/** Whether a local date is a working day for arrivals (not a weekend, holiday or closure). */
export function isWorkingDate(date: LocalDate, quietDates: ReadonlySet<LocalDate>): boolean {
  const weekday = weekdayOf(date);
  return weekday !== 'sat' && weekday !== 'sun' && !quietDates.has(date);
}
