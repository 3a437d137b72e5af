import type { Contract } from '../domain/contract/schema/contract-schema.js';
import { isMondayToFriday, type IsBusinessDay } from '../domain/lifecycle/index.js';
import { compileCalendars } from '../domain/sla/sla-policy.js';
import { addDays, startOfLocalDate, type LocalDate } from '../domain/time/index.js';

/** The calendar used for clauses that name none (an audit's notice period): `business` when the contract has one. */
export const defaultBusinessCalendarName = 'business';

export interface ContractBusinessDays {
  readonly isBusinessDay: IsBusinessDay;
  /** How clauses that name no calendar were counted, in words: `"the business calendar"`. */
  readonly unnamedCalendarBasis: string;
}

/**
 * Business days of a contract's own calendars: a date is a business day of a calendar when
 * the calendar has open time on that local date in its zone (Northstar's `business` calendar:
 * Friday 2027-07-02 is one, Monday 2027-07-05, the observed Independence Day, is not).
 * A clause that names no calendar is counted on `business` when the contract has it, else
 * Monday to Friday. Answers are memoised: key dates ask about the same days many times.
 */
export function contractBusinessDays(contract: Contract): ContractBusinessDays {
  const calendars = compileCalendars(contract);
  const fallback = calendars.get(defaultBusinessCalendarName);
  const memo = new Map<string, boolean>();
  const isBusinessDay: IsBusinessDay = (date: LocalDate, name?: string) => {
    const calendar = name !== undefined ? calendars.get(name) : fallback;
    if (!calendar) return isMondayToFriday(date);
    const key = `${name ?? ''}|${date}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const open = calendar.openSecondsBetween(startOfLocalDate(date, calendar.zone), startOfLocalDate(addDays(date, 1), calendar.zone)) > 0;
    memo.set(key, open);
    return open;
  };
  const unnamedCalendarBasis = fallback ? `the ${defaultBusinessCalendarName} calendar` : 'Monday to Friday (the contract has no calendar named business)';
  return { isBusinessDay, unnamedCalendarBasis };
}
