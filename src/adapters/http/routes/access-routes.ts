import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessFindings } from '../../../app/access-findings.js';
import { importAccessEvents } from '../../../app/import-access-events.js';
import { SupportPactError } from '../../../domain/errors/index.js';
import { accessFindingKinds } from '../../../domain/risk/index.js';
import { isValidZone } from '../../../domain/time/index.js';
import { readAccessEvents } from '../../importers/read-access-events.js';
import { toRegisterJson } from '../../render/register-json.js';
import type { RouteModule } from '../api-context.js';
import { commonErrorResponses, contractParamsSchema, errorBodySchema, monthSchema } from '../api-schemas.js';
import { principalOf } from '../authenticate-request.js';
import { instantJsonSchema } from './lifecycle-risk-inputs.js';

/** Most rows in a JSON array body; a text body is bounded by the body limit alone. */
export const maxAccessEventsPerArray = 50_000;
/** Most findings listed in one answer; the monthly summaries count them all. */
const maxFindingsListed = 5000;
/** Bytes handed to the reader at a time: the body is already in memory, the reader still sees a stream. */
const chunkBytes = 64 * 1024;

/** Media types of a text body, besides text/plain (which Fastify reads as text already). */
const textMediaTypes = ['text/csv', 'application/x-ndjson', 'application/jsonl', 'application/x-jsonlines', 'application/jsonlines'];

async function* chunksOf(text: string): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text, 'utf8');
  // Cut in bytes, not characters: the reader's decoder joins a character split across chunks.
  for (let i = 0; i < bytes.length; i += chunkBytes) yield bytes.subarray(i, i + chunkBytes);
}

/** A JSON array body as JSON Lines: element n is line n + 1, so the reader's line numbers are positions in the array. */
async function* linesOf(rows: readonly Record<string, unknown>[]): AsyncGenerator<string> {
  for (const row of rows) yield `${JSON.stringify(row)}\n`;
}

const skippedJsonSchema = z.object({
  reason: z.string(),
  field: z.string().optional(),
  count: z.number().int(),
  lines: z.array(z.number().int()).describe('the first 20 lines (or array positions) with this problem'),
  example: z.string().optional(),
});

const importedJsonSchema = z.object({
  contractId: z.string(),
  rowsRead: z.number().int(),
  received: z.number().int().describe('events read from good rows'),
  newEvents: z.number().int(),
  duplicates: z.number().int().describe('events already stored (a re-post)'),
  skipped: z.array(skippedJsonSchema).describe('bad rows, not stored, grouped by reason'),
  linesAre: z.enum(['body-lines', 'array-positions']).describe('body-lines: lines of the text body (a CSV header is line 1); array-positions: 1 is the first element'),
  notices: z.array(z.string()),
  changed: z.boolean(),
  message: z.string(),
});

const findingJsonSchema = z.object({
  kind: z.enum(accessFindingKinds),
  event: z.number().int().describe('index of the event among those evaluated'),
  at: instantJsonSchema,
  month: z.string(),
  account: z.string(),
  dataCategory: z.string(),
  action: z.string(),
  ticket: z.string().optional(),
  safeguard: z.string().optional().describe('the safeguard missing, for missing-safeguard'),
  message: z.string(),
  clause: z.string(),
});

const reviewJsonSchema = z.object({
  contractId: z.string(),
  zone: z.string(),
  month: z.string().optional().describe('the month asked for; absent: every stored event'),
  events: z.number().int(),
  findings: z.array(findingJsonSchema),
  findingsTotal: z.number().int().describe(`every finding; at most ${maxFindingsListed} are listed`),
  months: z.array(z.object({ month: z.string(), events: z.number().int(), accounts: z.number().int(), eventsWithFindings: z.number().int(), findings: z.record(z.enum(accessFindingKinds), z.number().int()) })),
  note: z.string().optional().describe('said when the contract has no data-access rules'),
});

/** Data-access events: post a file's worth (CSV, JSON Lines or a JSON array), and read the findings. */
export const accessRoutes: RouteModule = (app, { store, nowSeconds }) => {
  // Its own scope, so CSV and JSON Lines bodies are read as text for this route alone.
  app.register(async (scope) => {
    scope.addContentTypeParser(textMediaTypes, { parseAs: 'string' }, (_request, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post('/contracts/:id/access-events', {
      schema: {
        summary: 'Post data-access events: CSV or JSON Lines as text, or a JSON array; good rows are stored, bad rows reported with their lines',
        description:
          'Columns (or fields): `at` (ISO-8601; local time only with ?zone=), `account`, `safeguards` (a list, or one cell split at ; , or |), `dataCategory`, `action`, optional `ticket`, `id`, `sharedAccount`. Send CSV as text/csv, JSON Lines as application/x-ndjson (or text/plain: the first byte tells them apart), or `application/json` with an array of objects. Events without an id are named by their content, so posting the same rows again stores nothing (changed: false).',
        tags: ['risk'],
        consumes: ['application/json', 'text/csv', 'application/x-ndjson', 'text/plain'],
        params: contractParamsSchema,
        querystring: z.object({ zone: z.string().max(64).optional().describe('IANA zone of times written without an offset (never assumed)') }),
        body: z.union([z.string().min(1).describe('CSV (with a header row) or JSON Lines'), z.array(z.record(z.string(), z.unknown())).min(1).max(maxAccessEventsPerArray).describe('one object per event')]),
        response: { 200: importedJsonSchema, ...commonErrorResponses, 422: errorBodySchema },
      },
      handler: async (request) => {
        const { actor } = principalOf(request);
        const contractId = request.params.id;
        const { zone } = request.query;
        if (zone !== undefined && !isValidZone(zone)) {
          throw new SupportPactError('USAGE', `unknown time zone "${zone}"`, { problems: [{ message: `"${zone}" is not an IANA time zone`, path: ['querystring', 'zone'], hint: 'write it like America/Los_Angeles' }] });
        }
        const body = request.body;
        const fileName = `api:${typeof body === 'string' ? 'text' : 'json-array'}`;
        const input = typeof body === 'string' ? chunksOf(body) : linesOf(body);
        const result = await importAccessEvents(store, { contractId, items: readAccessEvents(input, { fileName, ...(zone ? { zone } : {}) }), fileName, now: nowSeconds(), actor });
        const skippedRows = result.skipped.reduce((n, g) => n + g.count, 0);
        const message = `Stored ${result.newEvents} new access events of ${result.received} read (${result.duplicates} already stored); ${skippedRows} bad rows skipped.`;
        return { contractId, ...result, skipped: result.skipped.map((g) => ({ ...g, lines: [...g.lines] })), notices: [...result.notices], linesAre: typeof body === 'string' ? ('body-lines' as const) : ('array-positions' as const), changed: result.newEvents > 0, message };
      },
    });
  });

  app.get('/contracts/:id/access-findings', {
    schema: {
      summary: "Data-access findings (prohibited categories, categories not allowed, missing safeguards) with a monthly summary",
      description: "`month` (YYYY-MM, in the contract's zone) keeps one month; without it, every stored event is evaluated.",
      tags: ['risk'],
      params: contractParamsSchema,
      querystring: z.object({ month: monthSchema.optional() }),
      response: { 200: reviewJsonSchema, ...commonErrorResponses },
    },
    handler: async (request) => {
      const { month } = request.query;
      const review = await accessFindings(store, request.params.id, month ? { month } : {});
      const { findings, months, note } = review.evaluation;
      const json = { contractId: review.contractId, zone: review.zone, ...(review.month ? { month: review.month } : {}), events: review.events, findings: findings.slice(0, maxFindingsListed), findingsTotal: findings.length, months, ...(note ? { note } : {}) };
      return toRegisterJson(json) as z.input<typeof reviewJsonSchema>;
    },
  });
};
