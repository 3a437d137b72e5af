import { z } from 'zod';
import { explainStoredTicket } from '../../../app/explain-stored-ticket.js';
import type { TicketRecord } from '../../../app/import-ticket-records.js';
import { ingestTicketEvents } from '../../../app/ingest-ticket-events.js';
import { listTicketClocks } from '../../../app/list-ticket-clocks.js';
import { scorecardForMonth } from '../../../app/scorecard-for-month.js';
import { SupportPactError, type Problem } from '../../../domain/errors/index.js';
import { eventKinds, ticketStatuses } from '../../../domain/tickets/index.js';
import { readImport } from '../../importers/index.js';
import { scorecardToJson } from '../../render/scorecard-render.js';
import type { RouteModule } from '../api-context.js';
import { toApiJson } from '../api-json.js';
import { asOfSchema, commonErrorResponses, contractIdSchema, errorBodySchema, jsonObjectSchema, monthSchema } from '../api-schemas.js';
import { principalOf } from '../authenticate-request.js';

/** Most events in one request: about 1.5 MB of JSON, one transaction; send more in several batches. */
export const maxEventsPerRequest = 5000;

const textField = z.string().max(500);

/** One canonical event (DESIGN.md "Tickets"), as in a JSON Lines file. Unknown fields are refused. */
const canonicalEventSchema = z.strictObject({
  ticket: z.union([z.string().min(1).max(200), z.number()]),
  at: z.string().max(64).describe('ISO-8601 with offset: 2027-03-01T09:15:00-08:00'),
  kind: z.enum(eventKinds),
  priority: z.union([textField, z.number()]).optional().describe('raw priority, mapped through the contract'),
  status: z.enum(ticketStatuses).optional(),
  channel: textField.optional(),
  category: textField.optional(),
  technology: textField.optional(),
  id: z.union([z.string().min(1).max(200), z.number()]).optional().describe('event id for idempotent re-posting; default: a digest of the event'),
  actor: textField.optional(),
  source: textField.optional(),
});

const ticketParamsSchema = z.object({ id: contractIdSchema, ticket: z.string().min(1).max(200) });

/** The posted events as importer records, through the canonical JSON Lines reader (the one mapping every source uses). */
async function readPostedEvents(events: readonly z.output<typeof canonicalEventSchema>[]): Promise<TicketRecord[]> {
  async function* lines(): AsyncGenerator<string> {
    for (const event of events) yield `${JSON.stringify(event)}\n`;
  }
  const records: TicketRecord[] = [];
  const problems: Problem[] = [];
  for await (const record of readImport('jsonl', lines(), { fileName: 'api' })) {
    if (record.type === 'skip') {
      // Line n of the stream is events[n - 1] of the body.
      const index = (record.line ?? 1) - 1;
      problems.push({ message: `${record.reason}${record.value !== undefined ? `: ${JSON.stringify(record.value)}` : ''}`, path: ['body', 'events', index, ...(record.field ? [record.field] : [])] });
    } else if (record.type === 'ticket' || record.type === 'event') records.push(record);
  }
  if (problems.length > 0) throw new SupportPactError('IMPORT_INVALID', `${problems.length} of the ${events.length} posted events cannot be read; nothing was stored.`, { problems });
  return records;
}

/** Ticket data: post events, and read the month's scorecard, the clocks, and one ticket's explanation. */
export const ticketRoutes: RouteModule = (app, { store, nowSeconds, nowMinute, reads }) => {
  app.post('/contracts/:id/events', {
    schema: {
      summary: `Post up to ${maxEventsPerRequest.toLocaleString('en-US')} canonical ticket events (all or nothing, idempotent by event id)`,
      description: 'Each event is one line of the canonical JSON Lines format. Events already stored (same ticket and id) are skipped, so re-posting a batch changes nothing and the answer says so.',
      tags: ['tickets'],
      params: z.object({ id: contractIdSchema }),
      body: z.object({ events: z.array(canonicalEventSchema).min(1).max(maxEventsPerRequest) }),
      response: {
        200: z.object({ contractId: z.string(), received: z.number(), newTickets: z.number(), newEvents: z.number(), duplicates: z.number(), changed: z.boolean(), message: z.string() }),
        ...commonErrorResponses,
        422: errorBodySchema,
      },
    },
    handler: async (request) => {
      const { actor } = principalOf(request);
      const records = await readPostedEvents(request.body.events);
      const result = await ingestTicketEvents(store, request.params.id, records, { now: nowSeconds(), actor });
      const changed = result.newEvents > 0 || result.newTickets > 0;
      const message = changed
        ? `Stored ${result.newEvents} new events (${result.newTickets} new tickets); ${result.duplicates} were already stored.`
        : `All ${result.received} events were already stored; nothing changed.`;
      return { contractId: request.params.id, ...result, changed, message };
    },
  });

  app.get('/contracts/:id/scorecards/:month', {
    schema: {
      summary: "A month's scorecard: service levels, quality, availability, vendor report, volumes",
      description: 'Measured under the contract version in force for the month; running clocks are evaluated at asOf. The same JSON as `supportpact scorecard --format json`; instants are ISO-8601 UTC.',
      tags: ['tickets'],
      params: z.object({ id: contractIdSchema, month: monthSchema }),
      querystring: z.object({ asOf: asOfSchema.optional() }),
      response: { 200: jsonObjectSchema, ...commonErrorResponses },
    },
    handler: async (request) => {
      const { id, month } = request.params;
      const asOf = request.query.asOf ?? nowMinute();
      const { scorecard, contractVersion, contractSha256 } = await reads.get(store, id, `scorecard:${month}:${asOf}`, () => scorecardForMonth(store, id, month, asOf));
      // The same JSON as `supportpact scorecard --format json`: both sides see the same figures.
      return scorecardToJson(scorecard, { contractVersion, contractSha256 });
    },
  });

  app.get('/contracts/:id/clocks', {
    schema: {
      summary: 'Tickets and their SLA clocks at asOf, optionally only breached or at-risk ones, or those created in a month',
      tags: ['tickets'],
      params: z.object({ id: contractIdSchema }),
      querystring: z.object({
        status: z.enum(['breached', 'at-risk', 'running', 'paused']).optional(),
        month: monthSchema.optional(),
        asOf: asOfSchema.optional(),
        limit: z.coerce.number().int().min(1).max(5000).default(500),
      }),
      response: { 200: jsonObjectSchema, ...commonErrorResponses },
    },
    handler: async (request) => {
      const { status, month, asOf, limit } = request.query;
      const list = await listTicketClocks(store, request.params.id, { ...(status ? { status } : {}), ...(month ? { month } : {}), limit }, asOf ?? nowSeconds());
      return { contractId: request.params.id, ...(toApiJson(list) as Record<string, unknown>) };
    },
  });

  app.get('/contracts/:id/tickets/:ticket/explain', {
    schema: {
      summary: "One ticket's clocks step by step: what counted, what paused, when it was due",
      tags: ['tickets'],
      params: ticketParamsSchema,
      querystring: z.object({ asOf: asOfSchema.optional() }),
      response: { 200: jsonObjectSchema, ...commonErrorResponses },
    },
    handler: async (request) => {
      const { id, ticket } = request.params;
      const result = await explainStoredTicket(store, id, ticket, request.query.asOf ?? nowSeconds());
      return { contractId: id, contractVersion: result.contractVersion, zone: result.zone, ...(toApiJson(result.explained) as Record<string, unknown>) };
    },
  });
};
