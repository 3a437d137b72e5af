import type { SourceSlaFlags, TicketStatus } from '../../domain/tickets/index.js';
import type { ByteStream, ImportOptions, ImportRecord } from './import-types.js';
import { InstantReader } from './instant-reader.js';
import { arrayOf, groupBy, isJsonObject, rawTextOf, textOf, type JsonObject } from './json-values.js';
import { readJsonDocuments } from './read-json-documents.js';
import { RecordFactory, type PendingEvent } from './record-factory.js';
import { createStatusResolver } from './status-transition.js';
import { mapZendeskAudits } from './map-zendesk-audits.js';

/** Zendesk ticket statuses (ticket-formats.md 1a): pending waits on the requester, hold on a third party. */
export const zendeskStatuses: Readonly<Record<string, TicketStatus>> = {
  new: 'new',
  open: 'open',
  pending: 'pending_customer',
  hold: 'on_hold_third_party',
  solved: 'solved',
  closed: 'closed',
  deleted: 'canceled',
};

/** Roles of side-loaded users (`include=users`): agents and admins reply for the vendor. */
const agentRoles: ReadonlySet<string> = new Set(['agent', 'admin']);

export interface ZendeskContext {
  readonly factory: RecordFactory;
  readonly instants: InstantReader;
  readonly resolveStatus: (raw: string | number) => TicketStatus | undefined;
  readonly fileName: string;
}

/**
 * Reads Zendesk incremental ticket export pages (`tickets[]`, with `metric_sets[]`, `users[]`,
 * `audits[]` and `ticket_metric_events[]` side-loaded): one JSON document per file, or one page
 * per line. Tickets with audits yield real events; tickets without yield a snapshot.
 */
export async function* readZendesk(input: ByteStream, options: ImportOptions): AsyncGenerator<ImportRecord> {
  const context: ZendeskContext = {
    factory: new RecordFactory(),
    instants: new InstantReader(options.zone, undefined),
    resolveStatus: createStatusResolver(zendeskStatuses, options.statusMap),
    fileName: options.fileName,
  };
  let documents = 0;
  let snapshotTickets = 0;
  for await (const doc of readJsonDocuments(input, options.fileName)) {
    documents++;
    const place = { line: doc.line };
    if (doc.error !== undefined) {
      yield context.factory.skip(place, 'not valid JSON', undefined, doc.error);
      continue;
    }
    const page = doc.document;
    if (!isJsonObject(page) || !Array.isArray(page.tickets)) {
      yield context.factory.skip(place, 'not a Zendesk export page (no tickets array)');
      continue;
    }
    const result = yield* mapZendeskPage(page, doc.line, context);
    snapshotTickets += result.snapshotTickets;
  }
  if (snapshotTickets > 0) {
    yield {
      type: 'notice',
      code: 'snapshot-only',
      message: `Zendesk: ${snapshotTickets} ticket(s) came without audits: only created, the first reply and the last solve (from metric_sets) are known; pauses, reopens and priority changes are not`,
    };
  }
  const { instantsWithOffset, instantsInGivenZone } = context.instants;
  yield { type: 'end', rowsRead: documents, instantsWithOffset, instantsInGivenZone };
}

function* mapZendeskPage(page: JsonObject, line: number, context: ZendeskContext): Generator<ImportRecord, { snapshotTickets: number }> {
  const { factory, instants } = context;
  const roles = new Map<string, 'agent' | 'customer'>();
  for (const user of arrayOf(page.users)) {
    if (!isJsonObject(user)) continue;
    const id = textOf(user.id);
    const role = textOf(user.role);
    if (id !== undefined && role !== undefined) roles.set(id, agentRoles.has(role) ? 'agent' : 'customer');
  }
  const audits = groupBy(arrayOf(page.audits), 'ticket_id');
  const metrics = groupBy(arrayOf(page.metric_sets), 'ticket_id');
  const metricEvents = groupBy(arrayOf(page.ticket_metric_events), 'ticket_id');
  for (const index of audits.orphans) yield factory.skip({ line, path: `audits[${index}]` }, 'audit without ticket_id', 'ticket_id');
  const seen = new Set<string>();
  let snapshotTickets = 0;

  for (const [index, ticket] of (page.tickets as unknown[]).entries()) {
    const place = { line, path: `tickets[${index}]` };
    if (!isJsonObject(ticket)) {
      yield factory.skip(place, 'ticket is not an object');
      continue;
    }
    const id = textOf(ticket.id);
    if (id === undefined) {
      yield factory.skip(place, 'missing id', 'id');
      continue;
    }
    seen.add(id);
    if (ticket.status === 'deleted') {
      yield factory.skip(place, 'deleted ticket: dropped', 'status', 'deleted');
      continue;
    }
    const createdText = textOf(ticket.created_at);
    const created = createdText === undefined ? { reason: 'missing created_at' } : instants.readIso(createdText);
    if (created.reason !== undefined) {
      yield factory.skip(place, created.reason, 'created_at', createdText);
      continue;
    }
    const ticketAudits = audits.groups.get(id) ?? [];
    const pending: PendingEvent[] = [];
    const skips: ImportRecord[] = [];
    const history = ticketAudits.length > 0
      ? mapZendeskAudits({ ticket, id, createdAt: created.at, audits: ticketAudits, roles, place }, context, pending, skips)
      : undefined;
    if (!history) {
      snapshotTickets++;
      snapshotEvents(ticket, id, created.at, metrics.groups.get(id)?.[0]?.item, place, context, pending);
    }
    const via = isJsonObject(ticket.via) ? textOf(ticket.via.channel) : undefined;
    const sourceSla = slaFlags(metricEvents.groups.get(id) ?? []);
    yield factory.ticket(
      { ticket: id, createdAt: created.at, rawPriority: history ? history.createdPriority : rawTextOf(ticket.priority), channel: via, category: textOf(ticket.type), ...(sourceSla ? { sourceSla } : {}) },
      place,
    );
    yield* factory.eventsInOrder(pending);
    yield* skips;
  }
  for (const [ticketId, items] of audits.groups) {
    if (seen.has(ticketId)) continue;
    for (const { index } of items) yield factory.skip({ line, path: `audits[${index}]` }, 'audit of a ticket that is not in this page', 'ticket_id', ticketId);
  }
  return { snapshotTickets };
}

/** Without audits: created, the first reply and the last solve from the side-loaded metric set. */
function snapshotEvents(ticket: JsonObject, id: string, createdAt: number, metric: JsonObject | undefined, place: { line: number; path: string }, context: ZendeskContext, pending: PendingEvent[]): void {
  const source = `zendesk:ticket/${id}`;
  const channel = isJsonObject(ticket.via) ? textOf(ticket.via.channel) : undefined;
  pending.push({ event: { ticket: id, at: createdAt, kind: 'created', id: `zendesk:${id}:created`, priority: rawTextOf(ticket.priority), channel, category: textOf(ticket.type), source }, place });
  if (!metric) return;
  const reply = isJsonObject(metric.reply_time_in_minutes) ? metric.reply_time_in_minutes.calendar : undefined;
  if (typeof reply === 'number' && Number.isFinite(reply)) {
    // Calendar minutes after creation (ticket-formats.md 1b): a synthetic reply, one-minute precision.
    pending.push({ event: { ticket: id, at: createdAt + Math.round(reply) * 60, kind: 'agent_replied', id: `zendesk:${id}:first-reply-metric`, source: `${source}/metric_set` }, place });
  }
  const status = textOf(ticket.status);
  const solvedText = textOf(metric.solved_at);
  if ((status === 'solved' || status === 'closed') && solvedText !== undefined) {
    const solved = context.instants.readIso(solvedText);
    if (solved.at !== undefined) pending.push({ event: { ticket: id, at: solved.at, kind: 'solved', id: `zendesk:${id}:solved-metric`, source: `${source}/metric_set` }, place });
  }
}

/** The source's own verdicts from SLA metric events: a live breach of the first reply_time, or of resolution. */
function slaFlags(events: readonly { item: JsonObject }[]): SourceSlaFlags | undefined {
  const verdict = (metrics: readonly string[], firstOnly: boolean): boolean | undefined => {
    let met: boolean | undefined;
    for (const { item } of events) {
      if (!metrics.includes(String(item.metric)) || (firstOnly && Number(item.instance_id) !== 1)) continue;
      if (item.type === 'breach' && item.deleted !== true) return false;
      if (item.type === 'fulfill') met = true;
    }
    return met;
  };
  const firstResponseMet = verdict(['reply_time'], true);
  const resolutionMet = verdict(['resolution_time', 'total_resolution_time'], false);
  if (firstResponseMet === undefined && resolutionMet === undefined) return undefined;
  return { ...(firstResponseMet === undefined ? {} : { firstResponseMet }), ...(resolutionMet === undefined ? {} : { resolutionMet }) };
}
