import { z } from 'zod';
import { dateSchema, listSchema, zoneSchema } from '../values.js';

const dayNames = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const dayKeyPattern = /^(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))?$/;
const rangePattern = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;

/** `"08:00-18:00"`: hours 00-23 (or 24:00 as an end), minutes 00-59, non-empty. */
export function checkHoursRange(text: unknown): string | undefined {
  if (typeof text !== 'string') return `expected a quoted range such as "08:00-18:00"`;
  const m = rangePattern.exec(text);
  if (!m) return `"${text}" is not a range HH:MM-HH:MM, e.g. "08:00-18:00"`;
  const [sh, sm, eh, em] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  if (sh > 23 || sm > 59) return `"${text}" starts at an impossible time (hours 00-23, minutes 00-59)`;
  if (eh > 24 || em > 59 || (eh === 24 && em !== 0)) return `"${text}" ends at an impossible time (hours 00-24, minutes 00-59; 24:00 is the end of the day)`;
  if (sh === eh && sm === em) return `"${text}" is empty (start equals end); remove it or give it a length`;
  return undefined;
}

const hoursSchema = z.record(z.string(), z.unknown()).superRefine((hours, ctx) => {
  for (const [key, ranges] of Object.entries(hours)) {
    if (!dayKeyPattern.test(key)) {
      ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" is not a day or day range; use ${dayNames.join(', ')} or a range such as mon-fri`, params: { expected: 'a day key such as mon or mon-fri', keyError: true } });
      continue;
    }
    if (!Array.isArray(ranges)) {
      ctx.addIssue({ code: 'custom', path: [key], message: `expected a list of ranges such as ["08:00-18:00"]`, params: { expected: 'a list of HH:MM-HH:MM ranges' } });
      continue;
    }
    ranges.forEach((range, index) => {
      const problem = checkHoursRange(range);
      if (problem) ctx.addIssue({ code: 'custom', path: [key, index], message: problem, params: { expected: 'HH:MM-HH:MM' } });
    });
  }
}).transform((hours) => hours as Record<string, string[]>);

/** A business calendar: a zone, weekly open hours, public-holiday regions and extra closures. */
export const calendarSchema = z.strictObject({
  timezone: zoneSchema,
  hours: hoursSchema,
  holidays: listSchema(z.string()).optional(),
  closures: listSchema(dateSchema).optional(),
});

export const calendarsSchema = z.record(z.string(), calendarSchema);

export type CalendarSpecification = z.output<typeof calendarSchema>;
