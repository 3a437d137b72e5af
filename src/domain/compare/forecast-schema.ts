/**
 * The forecast file's schema (docs/forecast-format.md): zod schemas that turn the written
 * text into typed values and reject everything else with a message a planner can act on.
 */
import { z } from 'zod';
import { checkHoursRange } from '../contract/schema/calendars.js';
import { percentSchema, percentTextToFraction, textSchema } from '../contract/values.js';

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;
export const monthKeys = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
const dayKeyPattern = /^(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))?$/;

function fail(ctx: z.RefinementCtx, message: string, expected: string): never {
  ctx.addIssue({ code: 'custom', message, params: { expected } });
  return z.NEVER as never;
}

function found(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}...` : value}"`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/** A month `YYYY-MM`. */
const monthSchema = z.unknown().transform((value, ctx): string => {
  if (typeof value === 'string' && monthPattern.test(value)) return value;
  return fail(ctx, `found ${found(value)}; expected a month written as YYYY-MM, e.g. "2027-01"`, 'a month such as "2027-01"');
});

/** A count of tickets per month: a number from 0 to 10,000,000 (an average may have decimals). */
const countSchema = z.unknown().transform((value, ctx): number => {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 10_000_000) return value;
  return fail(ctx, `found ${found(value)}; expected a number of tickets per month from 0 to 10,000,000, e.g. 120`, 'a number of tickets such as 120');
});

/** A positive multiplier: 1.1 or "1.10". */
const multiplierSchema = z.unknown().transform((value, ctx): number => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  if (Number.isFinite(n) && n >= 0 && n <= 100) return n;
  return fail(ctx, `found ${found(value)}; expected a multiplier such as 1.10 (1 is an average month, 0.9 ten percent quieter)`, 'a multiplier such as 1.10');
});

/** A growth rate, which may be negative: "8%" or "-3%". */
const signedPercentSchema = z.unknown().transform((value, ctx): string => {
  if (typeof value === 'string' && /^-?\d{1,3}(\.\d{1,6})?%$/.test(value)) {
    const negative = value.startsWith('-');
    const fraction = percentTextToFraction(value.replace('-', ''));
    if (Number(fraction) <= 1) return negative && fraction !== '0' ? `-${fraction}` : fraction;
  }
  const hint = typeof value === 'number' ? `; write "${value}%"` : '';
  return fail(ctx, `found ${found(value)}; expected a quoted percentage from "-100%" to "100%", e.g. "8%"${hint}`, 'a percentage such as "8%"');
});

const weightSchema = z.unknown().transform((value, ctx): number => {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1_000_000) return value;
  return fail(ctx, `found ${found(value)}; expected a weight (a number of 0 or more), e.g. 70`, 'a weight such as 70');
});

const arrivalDaySchema = z.record(z.string(), weightSchema).superRefine((ranges, ctx) => {
  for (const key of Object.keys(ranges)) {
    const problem = checkHoursRange(key);
    if (problem) ctx.addIssue({ code: 'custom', path: [key], message: problem, params: { expected: 'a range such as "09:00-17:00"', keyError: true } });
  }
});

const arrivalsSchema = z.record(z.string(), arrivalDaySchema).superRefine((days, ctx) => {
  for (const key of Object.keys(days)) {
    if (!dayKeyPattern.test(key)) ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" is not a day or day range; use mon, tue, ... sun or a range such as mon-fri`, params: { expected: 'a day key such as mon-fri', keyError: true } });
  }
});

const volumeSchema = z.union([countSchema, z.record(z.string(), countSchema)]);

export const forecastSchema = z.strictObject({
  forecast: z.unknown().transform((value, ctx): 1 => {
    if (value === 1) return 1;
    return fail(ctx, value === undefined ? 'missing required field "forecast": start the file with `forecast: 1`' : `this file says forecast format ${JSON.stringify(value)}; this SupportPact reads version 1 (write forecast: 1)`, 'forecast: 1');
  }),
  title: textSchema.optional(),
  start: monthSchema,
  months: z.unknown().transform((value, ctx): number => {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 240) return value;
    return fail(ctx, `found ${found(value)}; expected a whole number of months from 1 to 240, e.g. 36`, 'a number of months such as 36');
  }),
  volumes: z.record(z.string(), volumeSchema),
  growth: z.strictObject({ rate: signedPercentSchema, per: z.enum(['year', 'month'], { message: 'expected year or month' }) }).optional(),
  seasonality: z.strictObject(Object.fromEntries(monthKeys.map((m) => [m, multiplierSchema.optional()])) as Record<(typeof monthKeys)[number], z.ZodOptional<typeof multiplierSchema>>).optional(),
  uncertainty: z.strictObject({ level: percentSchema.optional(), monthly: percentSchema.optional() }).optional(),
  arrivals: arrivalsSchema.optional(),
  performance: z
    .strictObject({
      missProbability: percentSchema,
      bonusProbability: percentSchema.optional(),
      proposals: z.record(z.string(), z.record(z.string(), percentSchema)).optional(),
    })
    .optional(),
});

export type ForecastFile = z.output<typeof forecastSchema>;
