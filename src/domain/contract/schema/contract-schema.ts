import { z } from 'zod';
import { currencySchema, dateSchema, idSchema, textSchema, zoneSchema } from '../values.js';
import { calendarsSchema } from './calendars.js';
import { partiesSchema } from './parties.js';
import { pricingSchema } from './pricing.js';
import { riskSchema } from './risk.js';
import { scopeSchema } from './scope.js';
import { slaSchema } from './sla.js';
import { termSchema } from './term.js';

/** The format version this SupportPact reads. */
export const contractFormatVersion = 1;

const formatVersionSchema = z.unknown().transform((value, ctx): 1 => {
  if (value === contractFormatVersion) return 1;
  ctx.addIssue({
    code: 'custom',
    message:
      value === undefined
        ? 'missing required field "supportpact": start the file with `supportpact: 1`'
        : `this file says format version ${JSON.stringify(value)}; this SupportPact reads version 1 (write supportpact: 1)`,
    params: { expected: 'supportpact: 1' },
  });
  return z.NEVER;
});

/**
 * The whole contract file. Only `supportpact`, `id`, `title`, `parties`, `currency` and
 * `timezone` are required; `check` reports what is missing from the rest.
 */
export const contractSchema = z.strictObject({
  supportpact: formatVersionSchema,
  id: idSchema,
  title: textSchema,
  parties: partiesSchema,
  currency: currencySchema,
  timezone: zoneSchema,
  signed: dateSchema.optional(),
  calendars: calendarsSchema.optional(),
  scope: scopeSchema.optional(),
  sla: slaSchema.optional(),
  term: termSchema.optional(),
  pricing: pricingSchema.optional(),
  risk: riskSchema.optional(),
});

/** A loaded, typed contract (the parsed data; no source positions). */
export type Contract = z.output<typeof contractSchema>;
