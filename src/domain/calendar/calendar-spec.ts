/**
 * The JSON form of a contract calendar and its validation. `validateCalendarSpec` turns it
 * into plain numbers (weekly ranges in seconds, closure day numbers, holiday regions) or
 * throws `CALENDAR_INVALID` with one Problem per fault, each with its field path.
 */
import { SupportPactError, formatProblem, type Problem } from '../errors/index.js';
import { dayNumberOf, isLocalDate, isValidZone } from '../time/index.js';
import { parseHolidayRegion, type HolidayRegion } from './holiday-regions.js';
import { parseWeeklyHours, type OpeningRange } from './opening-hours.js';

/** What a target used up exactly at a closing shows: the next opening, or the closing itself. */
export type DueAtClosingTime = 'next-opening' | 'closing-time';

/** A calendar as written in a contract (`calendars.<name>`). */
export interface CalendarSpec {
  /** IANA zone: `America/Los_Angeles`. */
  readonly timezone: string;
  /** `{ 'mon-fri': ['08:00-12:00', '13:00-18:00'], sat: ['22:00-06:00'] }`. */
  readonly hours: Readonly<Record<string, readonly string[]>>;
  /** Holiday regions, `country[-state[-region]]`: `['US-CA']`. */
  readonly holidays?: readonly string[];
  /** Extra closed local dates: `['2027-12-24']`. */
  readonly closures?: readonly string[];
  /** Default `next-opening`. */
  readonly dueAtClosingTime?: DueAtClosingTime;
}

/** A checked calendar spec, in numbers. */
export interface ValidCalendarSpec {
  readonly zone: string;
  /** Ranges per weekday, index 0 = Monday, sorted by start. */
  readonly weeklyHours: readonly (readonly OpeningRange[])[];
  readonly holidayRegions: readonly HolidayRegion[];
  /** Closure dates as day numbers (days since 1970-01-01), sorted, unique. */
  readonly closureDayNumbers: readonly number[];
  readonly dueAtClosingTime: DueAtClosingTime;
}

const knownKeys = ['timezone', 'hours', 'holidays', 'closures', 'dueAtClosingTime'];

/**
 * Checks a calendar spec: `validateCalendarSpec({ timezone: 'America/Los_Angeles', hours:
 * { 'mon-fri': ['08:00-18:00'] } })` gives Monday..Friday 28800..64800; `hours: { mon:
 * ['25:00-26:00'] }` throws CALENDAR_INVALID with a problem at `hours.mon[0]`.
 */
export function validateCalendarSpec(spec: unknown): ValidCalendarSpec {
  const problems: Problem[] = [];
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    throw invalid([{ message: 'a calendar must be an object with timezone and hours', path: [] }]);
  }
  const input = spec as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!knownKeys.includes(key)) problems.push({ message: `unknown key "${key}"`, path: [key], expected: knownKeys.join(', ') });
  }
  const zone = input['timezone'];
  if (typeof zone !== 'string' || !isValidZone(zone)) {
    problems.push({ message: `unknown time zone ${JSON.stringify(zone)}`, path: ['timezone'], expected: 'an IANA zone such as America/Los_Angeles' });
  }
  const weeklyHours = parseWeeklyHours(input['hours'], problems);
  const holidayRegions: HolidayRegion[] = [];
  forEachListItem(input['holidays'], 'holidays', problems, (code, path) => {
    const region = parseHolidayRegion(code);
    if (typeof region === 'string') problems.push({ message: region, path, expected: 'country[-state[-region]], for example US-CA' });
    else if (!holidayRegions.some((r) => r.code === region.code)) holidayRegions.push(region);
  });
  const closures = new Set<number>();
  forEachListItem(input['closures'], 'closures', problems, (date, path) => {
    if (typeof date === 'string' && isLocalDate(date)) closures.add(dayNumberOf(date));
    else problems.push({ message: `${JSON.stringify(date)} is not an existing date`, path, expected: 'YYYY-MM-DD, for example 2027-12-24' });
  });
  const due = input['dueAtClosingTime'] ?? 'next-opening';
  if (due !== 'next-opening' && due !== 'closing-time') {
    problems.push({ message: `dueAtClosingTime ${JSON.stringify(due)} is not one of the two choices`, path: ['dueAtClosingTime'], expected: 'next-opening or closing-time' });
  }
  if (problems.length > 0) throw invalid(problems);
  return {
    zone: zone as string,
    weeklyHours,
    holidayRegions,
    closureDayNumbers: [...closures].sort((a, b) => a - b),
    dueAtClosingTime: due as DueAtClosingTime,
  };
}

function forEachListItem(
  value: unknown,
  key: string,
  problems: Problem[],
  visit: (item: unknown, path: (string | number)[]) => void,
): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    problems.push({ message: `${key} must be a list`, path: [key] });
    return;
  }
  value.forEach((item, index) => visit(item, [key, index]));
}

function invalid(problems: Problem[]): SupportPactError {
  const first = problems[0] ? formatProblem(problems[0]) : '';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new SupportPactError('CALENDAR_INVALID', `calendar is invalid: ${first}${more}`, { problems });
}
