/** zod schemas shared by the route modules: path parameters, query values and the error body. */
import { z } from 'zod';
import { parseInstantText } from '../../domain/time/index.js';

/** Contract ids as the contract format allows them, bounded so a path cannot be abused. */
export const contractIdSchema = z.string().min(1).max(200).describe('contract id, as in the contract file (`id:`)');

export const contractParamsSchema = z.object({ id: contractIdSchema });

export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM, for example 2027-03');

export const localDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD, for example 2027-03-01');

/** `?asOf=2027-03-31T18:00:00-07:00`: an instant with its offset (or Z), parsed to epoch seconds. */
export const asOfSchema = z
  .string()
  .refine((text) => /(Z|z|[+-]\d{2}:?\d{2})$/.test(text.trim()) && parseInstantText(text) !== undefined, 'expected an ISO-8601 instant with an offset, for example 2027-03-31T18:00:00-07:00 or 2027-04-01T01:00:00Z')
  .transform((text) => parseInstantText(text) as number)
  .describe('"now" for running clocks: an ISO-8601 instant with offset; default: the server clock');

/** A positive version number in a query string (`?version=2`). */
export const versionQuerySchema = z.coerce.number().int().min(1).max(1_000_000);

/** The one error body (see api-error.ts), for the OpenAPI document. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().describe('error code from the catalogue: USAGE, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONTRACT_INVALID, ...'),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).describe('problems (each with path, and file/line/column for files), fix, and code-specific facts'),
    }),
  })
  .describe('every failure has this shape');

/** Error responses every authenticated route may give, for the OpenAPI document. */
export const commonErrorResponses = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
} as const;

/** Any JSON object (results computed by use cases, documented by their fields' names). */
export const jsonObjectSchema = z.record(z.string(), z.unknown());
