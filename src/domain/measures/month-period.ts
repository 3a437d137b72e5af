import { addMonthsToMonth, isMonth } from '../time/local-date.js';
import { startOfLocalDate } from '../time/zone.js';
import { SupportPactError } from '../errors/index.js';

/** A service month as instants `[startAt, endAt)` in a zone. */
export interface MonthPeriod {
  readonly month: string;
  readonly zone: string;
  readonly startAt: number;
  readonly endAt: number;
}

/**
 * The instants a month covers in a zone: `monthPeriod('2027-03', 'America/Los_Angeles')`
 * runs from 2027-03-01T08:00Z to 2027-04-01T07:00Z (the month holds the spring-forward hour).
 */
export function monthPeriod(month: string, zone: string): MonthPeriod {
  if (!isMonth(month)) throw new SupportPactError('DATE_INVALID', `${month} is not a month`, { problems: [{ message: `"${month}" is not YYYY-MM`, path: ['month'], hint: 'write a month like 2027-03' }] });
  return { month, zone, startAt: startOfLocalDate(`${month}-01`, zone), endAt: startOfLocalDate(`${addMonthsToMonth(month, 1)}-01`, zone) };
}

export function isWithin(period: MonthPeriod, at: number | undefined): boolean {
  return at !== undefined && at >= period.startAt && at < period.endAt;
}
