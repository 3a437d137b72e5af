import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { storedKeyDates } from '../../../app/stored-key-dates.js';
import { SupportPactError } from '../../../domain/errors/index.js';
import { keyDateKinds } from '../../../domain/lifecycle/index.js';
import { addDays, addMonths, daysBetween, type LocalDate } from '../../../domain/time/index.js';
import { renderKeyDatesIcs } from '../../render/key-dates-ics.js';
import { keyDatesToJson } from '../../render/key-dates-render.js';
import type { RouteModule } from '../api-context.js';
import { asOfSchema, commonErrorResponses, contractParamsSchema } from '../api-schemas.js';
import { contractDayOf, existingDateSchema, instantJsonSchema } from './lifecycle-risk-inputs.js';

/** The longest range one request may ask for: ten years of dates (3,653 days with leap days). */
export const maxKeyDateRangeDays = 3653;

/** The feed's default window: 90 days back (a deadline just missed stays in view) to two years ahead (the next renewal opt-out). */
const feedDaysBack = 90;
const feedMonthsAhead = 24;

const keyDateJsonSchema = z.object({
  on: z.string().describe('YYYY-MM-DD'),
  kind: z.enum(keyDateKinds),
  label: z.string(),
  reason: z.string().describe('how the date was computed, with the numbers'),
  clause: z.string().describe('field path of the clause: term.renewal.optOutNotice'),
  note: z.string().optional().describe('a caution: a weekend deadline, an assumed calendar'),
});

const deadlineJsonSchema = z.object({
  at: instantJsonSchema.describe('last on-time instant, ISO-8601 UTC'),
  on: z.string().describe("at's date in the contract's zone"),
  kind: z.enum(['vendor-to-client', 'individuals', 'attorney-general']),
  key: z.string().describe('BR-1/vendor-to-client: stable across runs'),
  label: z.string(),
  reason: z.string(),
  clause: z.string(),
  status: z.enum(['pending', 'met', 'late', 'overdue', 'not-required']),
});

const keyDatesJsonSchema = z.object({
  contractId: z.string(),
  contractVersion: z.number().int(),
  from: z.string(),
  to: z.string(),
  zone: z.string(),
  dates: z.array(keyDateJsonSchema).describe('whole-day dates, sorted'),
  deadlines: z.array(deadlineJsonSchema).describe('breach-notice deadlines of recorded incidents (instants), sorted'),
  notes: z.array(z.string()),
});

const rangeQuery = {
  from: existingDateSchema.optional().describe('first day listed (YYYY-MM-DD)'),
  to: existingDateSchema.optional().describe('last day listed (YYYY-MM-DD, inclusive)'),
};

/** `from`..`to`, defaulted around the contract's today and checked: not reversed, at most ten years. */
function rangeOf(query: { from?: LocalDate | undefined; to?: LocalDate | undefined }, defaults: { from: LocalDate; to: (from: LocalDate) => LocalDate }): { from: LocalDate; to: LocalDate } {
  const from = query.from ?? defaults.from;
  const to = query.to ?? defaults.to(from);
  if (to < from) throw new SupportPactError('USAGE', `to ${to} is before from ${from}`, { problems: [{ message: 'the range is empty', path: ['querystring', 'to'], hint: 'swap the dates' }] });
  if (daysBetween(from, to) > maxKeyDateRangeDays) {
    throw new SupportPactError('USAGE', `${from} to ${to} is more than ten years`, { problems: [{ message: `at most ${maxKeyDateRangeDays} days per request`, path: ['querystring', 'to'], hint: 'ask for a shorter range' }] });
  }
  return { from, to };
}

/** `/x.ics?token=sp_abc&from=2027-01-01` becomes `/x.ics?token=[redacted]&from=2027-01-01`. */
export function redactTokenQuery(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/gi, '$1[redacted]');
}

/**
 * Fastify's request log fields (method, url, host, address, port), with the token in the query
 * string replaced: the feed's URL carries a secret, and access logs are kept and shipped.
 */
const feedRequestLogSerializers = {
  req: (request: FastifyRequest) => ({ method: request.method, url: redactTokenQuery(request.url), host: request.host, remoteAddress: request.ip, remotePort: request.socket?.remotePort }),
};

/**
 * Calendar apps subscribe to a URL and cannot send headers, so the feed alone takes its token
 * as `?token=`: it becomes the bearer header before the one access hook runs (which then
 * checks it exactly as any other), unless a header is already sent.
 */
async function acceptQueryToken(request: FastifyRequest): Promise<void> {
  const token = (request.query as Record<string, unknown> | undefined)?.token;
  if (typeof token === 'string' && token !== '' && request.headers.authorization === undefined) request.headers.authorization = `Bearer ${token}`;
}

const icsResponse = { description: 'an iCalendar (RFC 5545) feed: all-day VEVENTs for dates, UTC date-times for breach-notice deadlines', content: { 'text/calendar': { schema: z.string() } } };

/** Key dates: as JSON for the dashboard, and as an iCalendar feed a calendar app subscribes to. */
export const keyDatesRoutes: RouteModule = (app, { store, nowSeconds }) => {
  app.get('/contracts/:id/key-dates', {
    schema: {
      summary: 'Key dates between two days: term, renewals, opt-out and notice deadlines, invoices, reports, audits, insurance, reviews, and breach-notice deadlines',
      description:
        "Business days are counted on the contract's own calendars; certificates on file and issued invoices replace the contract's written dates. Default range: today in the contract's zone to a year later. `asOf` (an instant) fixes \"now\" for the status of breach-notice deadlines.",
      tags: ['lifecycle'],
      params: contractParamsSchema,
      querystring: z.object({ ...rangeQuery, asOf: asOfSchema.optional() }),
      response: { 200: keyDatesJsonSchema, ...commonErrorResponses },
    },
    handler: async (request) => {
      const { id } = request.params;
      const now = request.query.asOf ?? nowSeconds();
      const today = (await contractDayOf(store, id, { at: now }, now)).on;
      const range = rangeOf(request.query, { from: today, to: (from) => addDays(addMonths(from, 12), -1) });
      const result = await storedKeyDates(store, id, { ...range, now });
      return keyDatesToJson(result, { contractVersion: result.contractVersion }) as z.input<typeof keyDatesJsonSchema>;
    },
  });

  app.get('/contracts/:id/key-dates.ics', {
    logSerializers: feedRequestLogSerializers,
    onRequest: acceptQueryToken,
    schema: {
      summary: 'The key dates as an iCalendar feed to subscribe to (the only route that takes its token as ?token=)',
      description:
        "For calendar apps, which cannot send an Authorization header: subscribe to `/api/v1/contracts/{id}/key-dates.ics?token=<token>`. Use an auditor or client-admin token made for the feed alone (`POST /api/v1/tokens`, one contract), since the URL holds it; revoke it to stop the feed. The token is never written to the server log. A header, when sent, wins over `?token=`. Dates are all-day events on the contract's own date; breach-notice deadlines are UTC instants; event UIDs are stable, so a refreshed feed updates events. Default range: 90 days back to two years ahead.",
      tags: ['lifecycle'],
      params: contractParamsSchema,
      querystring: z.object({ ...rangeQuery, token: z.string().max(200).optional().describe('the API token, for calendar apps that cannot send headers; accepted on this route only') }),
      response: { 200: icsResponse, ...commonErrorResponses },
    },
    handler: async (request, reply) => {
      const { id } = request.params;
      const now = nowSeconds();
      const today = (await contractDayOf(store, id, undefined, now)).on;
      const range = rangeOf(request.query, { from: addDays(today, -feedDaysBack), to: (from) => addDays(addMonths(from > today ? from : today, feedMonthsAhead), -1) });
      const result = await storedKeyDates(store, id, { ...range, now });
      const ics = renderKeyDatesIcs(result, { stampAt: now });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `inline; filename="${id.replace(/[^A-Za-z0-9._-]+/g, '-')}-key-dates.ics"`)
        // The URL holds a secret: no shared cache keeps the answer.
        .header('cache-control', 'private, no-store')
        .send(ics);
    },
  });
};
