import type { CalendarSpecification } from '../schema/calendars.js';

const dayLabels: Record<string, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

function dayKeyLabel(key: string): string {
  return key
    .split('-')
    .map((d) => dayLabels[d] ?? d)
    .join('–');
}

/** Whether a calendar is open all day every day with no holidays or closures. */
export function isAroundTheClock(calendar: CalendarSpecification): boolean {
  const entries = Object.entries(calendar.hours);
  return (
    entries.length === 1 &&
    entries[0]?.[0] === 'mon-sun' &&
    entries[0][1].length === 1 &&
    entries[0][1][0] === '00:00-24:00' &&
    (calendar.holidays ?? []).length === 0 &&
    (calendar.closures ?? []).length === 0
  );
}

/**
 * The opening hours in words: `describeHours(business)` is
 * `'Mon–Fri 08:00–18:00'`; a split shift reads `'Mon–Fri 07:00–12:00 and 12:30–19:00'`.
 */
export function describeHours(calendar: CalendarSpecification): string {
  return Object.entries(calendar.hours)
    .map(([key, ranges]) => `${dayKeyLabel(key)} ${ranges.map((r) => r.replace('-', '–')).join(' and ')}`)
    .join('; ');
}

/**
 * A calendar in one line: `'Mon–Fri 08:00–18:00 (America/Los_Angeles), closed on US-CA
 * public holidays and on 2027-12-24, 2027-12-31'`, or `'around the clock'`.
 */
export function describeCalendar(calendar: CalendarSpecification): string {
  if (isAroundTheClock(calendar)) return 'around the clock';
  let text = `${describeHours(calendar)} (${calendar.timezone})`;
  const closed: string[] = [];
  if ((calendar.holidays ?? []).length > 0) closed.push(`${(calendar.holidays ?? []).join(', ')} public holidays`);
  if ((calendar.closures ?? []).length > 0) closed.push(`on ${(calendar.closures ?? []).join(', ')}`);
  if (closed.length > 0) text += `, closed on ${closed.join(' and ')}`;
  return text;
}
