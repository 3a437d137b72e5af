/**
 * Typed values of the contract format, as zod schemas that turn the written text into
 * typed values and reject everything else with a message a non-programmer can act on.
 */
import { z } from 'zod';
import { isValidZone } from '../time/zone.js';
import { isLocalDate, type LocalDate } from '../time/local-date.js';
import { parseDuration, type Duration, type DurationUnit } from '../time/duration.js';

/** An exact decimal amount in the contract currency, as written: `"4000.00"`. */
export type Amount = string;

/** An exact percentage: `{ text: '99.9%', fraction: '0.999' }`. */
export interface Percent {
  readonly text: string;
  /** The exact decimal fraction, as a string: "99.9%" -> "0.999". */
  readonly fraction: string;
}

function describeFound(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (typeof value === 'string') return `"${value.length > 40 ? value.slice(0, 40) + '...' : value}"`;
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

const amountPattern = /^(0|[1-9]\d{0,17})(\.\d{1,10})?$/;

/** Amount schema: a quoted non-negative decimal string such as "18.00". */
export const amountSchema = z.unknown().transform((value, ctx): Amount => {
  if (typeof value === 'number') {
    ctx.addIssue({ code: 'custom', message: `found the number ${value}; write amounts as quoted decimal strings, e.g. "${value.toFixed(2)}"`, params: { expected: 'a quoted decimal amount such as "18.00"' } });
    return z.NEVER;
  }
  if (typeof value !== 'string' || !amountPattern.test(value)) {
    ctx.addIssue({ code: 'custom', message: `found ${describeFound(value)}; expected a non-negative decimal amount such as "4000.00" (digits, one optional dot, no commas, signs or exponents)`, params: { expected: 'a quoted decimal amount such as "18.00"' } });
    return z.NEVER;
  }
  return value;
});

const percentPattern = /^(\d{1,3})(\.\d{1,6})?%$/;

/** Turns "99.9" digits into the exact fraction "0.999" without floats. */
export function percentTextToFraction(text: string): string {
  const digits = text.replace('%', '');
  const [whole = '0', frac = ''] = digits.split('.');
  // Shift the decimal point two places left on the digit string.
  const padded = whole.padStart(3, '0');
  const intPart = padded.slice(0, padded.length - 2).replace(/^0+(?=\d)/, '');
  const fracPart = (padded.slice(-2) + frac).replace(/0+$/, '');
  return fracPart === '' ? intPart : `${intPart}.${fracPart}`;
}

/** Percent schema: a quoted percentage between 0% and 100%, e.g. "99.9%". */
export const percentSchema = z.unknown().transform((value, ctx): Percent => {
  if (typeof value !== 'string' || !percentPattern.test(value)) {
    const hint = typeof value === 'number' ? `; write "${value}%"` : '';
    ctx.addIssue({ code: 'custom', message: `found ${describeFound(value)}; expected a quoted percentage such as "99.9%"${hint}`, params: { expected: 'a percentage such as "95%"' } });
    return z.NEVER;
  }
  const fraction = percentTextToFraction(value);
  const [i = '0'] = fraction.split('.');
  if (Number(i) > 1 || (Number(i) === 1 && fraction !== '1')) {
    ctx.addIssue({ code: 'custom', message: `${value} is above 100%`, params: { expected: 'a percentage between "0%" and "100%"' } });
    return z.NEVER;
  }
  return { text: value, fraction };
});

/** An ISO `YYYY-MM-DD` date that exists. YAML may hand us a Date object for unquoted dates. */
export const dateSchema = z.unknown().transform((value, ctx): LocalDate => {
  if (typeof value === 'string' && isLocalDate(value)) return value;
  const shape = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  ctx.addIssue({
    code: 'custom',
    message: shape ? `${value} is not a date on the calendar` : `found ${describeFound(value)}; expected a date written as YYYY-MM-DD, e.g. 2027-01-01`,
    params: { expected: 'an existing date as YYYY-MM-DD' },
  });
  return z.NEVER;
});

/** A duration `<n><unit>` restricted to the units a field allows. */
export function durationSchema(units: readonly DurationUnit[], example: string) {
  return z.unknown().transform((value, ctx): Duration => {
    const parsed = typeof value === 'string' ? parseDuration(value) : undefined;
    if (!parsed || !units.includes(parsed.unit)) {
      const unitText = units.join(', ');
      const why = parsed ? `the unit "${parsed.unit}" is not allowed here` : `found ${describeFound(value)}`;
      ctx.addIssue({ code: 'custom', message: `${why}; expected a duration such as ${example} (units: ${unitText})`, params: { expected: `a duration in ${unitText}` } });
      return z.NEVER;
    }
    return parsed;
  });
}

/** Units of business-time targets: open seconds, minutes, hours on a calendar, or business days. */
export const targetUnits: readonly DurationUnit[] = ['s', 'm', 'h', 'bd'];
/** Units of calendar periods: days, months, years. */
export const periodUnits: readonly DurationUnit[] = ['d', 'mo', 'y'];
/** Units of elapsed real time (no calendar): seconds to days. */
export const elapsedUnits: readonly DurationUnit[] = ['s', 'm', 'h', 'd'];

/** An id: lower-case letters, digits and dashes, e.g. `p1-response`. */
export const idSchema = z.unknown().transform((value, ctx): string => {
  if (typeof value === 'string' && /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/.test(value)) return value;
  ctx.addIssue({ code: 'custom', message: `found ${describeFound(value)}; expected an id made of letters, digits, dots, dashes or underscores, e.g. p1-response`, params: { expected: 'an id such as p1-response' } });
  return z.NEVER;
});

/** Free text: a non-empty string. */
export const textSchema = z.unknown().transform((value, ctx): string => {
  if (typeof value === 'string' && value.trim() !== '') return value;
  ctx.addIssue({ code: 'custom', message: `found ${describeFound(value)}; expected text`, params: { expected: 'text' } });
  return z.NEVER;
});

/** A version-like label such as an OS version: text, or a whole number (turned into text). */
export const labelSchema = z.unknown().transform((value, ctx): string => {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  ctx.addIssue({ code: 'custom', message: `found ${describeFound(value)}; expected text (quote values like "22.04" so they stay exact)`, params: { expected: 'text' } });
  return z.NEVER;
});

/** An IANA time zone name. */
export const zoneSchema = z.unknown().transform((value, ctx): string => {
  if (typeof value === 'string' && isValidZone(value)) return value;
  ctx.addIssue({ code: 'custom', message: `found ${describeFound(value)}; expected an IANA time zone such as America/Los_Angeles`, params: { expected: 'an IANA time zone' } });
  return z.NEVER;
});

/** A three-letter ISO 4217 currency code. */
export const currencySchema = z.unknown().transform((value, ctx): string => {
  if (typeof value === 'string' && /^[A-Z]{3}$/.test(value)) return value;
  ctx.addIssue({ code: 'custom', message: `found ${describeFound(value)}; expected a three-letter currency code such as USD`, params: { expected: 'an ISO 4217 currency code' } });
  return z.NEVER;
});

/** A whole number in a range. */
export function integerSchema(min: number, max: number) {
  return z.unknown().transform((value, ctx): number => {
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    ctx.addIssue({ code: 'custom', message: `found ${describeFound(value)}; expected a whole number from ${min} to ${max.toLocaleString('en-US')}`, params: { expected: `a whole number from ${min} to ${max}` } });
    return z.NEVER;
  });
}

/** A positive number of months (may be fractional, e.g. 1.5), written as a plain number. */
export const monthsSchema = z.unknown().transform((value, ctx): number => {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= 1200) return value;
  ctx.addIssue({ code: 'custom', message: `found ${describeFound(value)}; expected a number of months greater than 0, e.g. 12`, params: { expected: 'a number of months' } });
  return z.NEVER;
});

/** `true` or `false`. */
export const booleanSchema = z.unknown().transform((value, ctx): boolean => {
  if (typeof value === 'boolean') return value;
  ctx.addIssue({ code: 'custom', message: `found ${describeFound(value)}; expected true or false`, params: { expected: 'true or false' } });
  return z.NEVER;
});

/** One of a fixed set of words. */
export function enumSchema<const T extends readonly string[]>(values: T) {
  return z.unknown().transform((value, ctx): T[number] => {
    if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T[number];
    ctx.addIssue({ code: 'custom', message: `found ${describeFound(value)}; expected one of ${values.join(', ')}`, params: { expected: `one of ${values.join(', ')}`, choices: values, found: value } });
    return z.NEVER;
  });
}

/** A list of items; a single item written without brackets is an error that says how to fix it. */
export function listSchema<T extends z.ZodType>(item: T) {
  return z.array(item, {
    error: (issue) => (issue.input === undefined ? undefined : `found ${describeFound(issue.input)}; expected a list, e.g. [a, b] or one "- item" per line`),
  });
}
