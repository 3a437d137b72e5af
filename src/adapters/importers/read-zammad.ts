import type { TicketStatus } from '../../domain/tickets/index.js';
import type { ByteStream, ImportOptions, ImportRecord } from './import-types.js';
import { InstantReader } from './instant-reader.js';
import { arrayOf, groupBy, isJsonObject, textOf, type JsonObject } from './json-values.js';
import { mapZammadTicket } from './map-zammad-ticket.js';
import { readJsonDocuments } from './read-json-documents.js';
import { RecordFactory } from './record-factory.js';
import { createStatusResolver } from './status-transition.js';

/**
 * Zammad states (ticket-formats.md 5a). Zammad has no "solved": `closed` is the solve. Pending
 * states wait on the customer; `merged` and `removed` end the ticket without a solve.
 */
export const zammadStatuses: Readonly<Record<string, TicketStatus>> = {
  new: 'new',
  open: 'open',
  'pending reminder': 'pending_customer',
  'pending close': 'pending_customer',
  closed: 'solved',
  merged: 'canceled',
  removed: 'canceled',
};

export interface ZammadContext {
  readonly factory: RecordFactory;
  readonly instants: InstantReader;
  readonly resolveStatus: (raw: string | number) => TicketStatus | undefined;
}

/**
 * Reads Zammad API JSON: `{tickets, articles, history}`, a ticket list, or one ticket per
 * line with its `articles` and `history` embedded. Articles and history link to tickets by
 * `ticket_id` / `o_id` (the ticket's id); events name the ticket by its `number`.
 */
export async function* readZammad(input: ByteStream, options: ImportOptions): AsyncGenerator<ImportRecord> {
  const context: ZammadContext = {
    factory: new RecordFactory(),
    instants: new InstantReader(options.zone, undefined),
    resolveStatus: createStatusResolver(zammadStatuses, options.statusMap),
  };
  const { factory } = context;
  let documents = 0;
  let snapshotTickets = 0;
  for await (const doc of readJsonDocuments(input, options.fileName)) {
    documents++;
    const line = doc.line;
    if (doc.error !== undefined) {
      yield factory.skip({ line }, 'not valid JSON', undefined, doc.error);
      continue;
    }
    const document = doc.document;
    let tickets: readonly unknown[];
    let prefix = '';
    let root: JsonObject = {};
    if (Array.isArray(document)) tickets = document;
    else if (isJsonObject(document) && Array.isArray(document.tickets)) {
      tickets = document.tickets;
      prefix = 'tickets';
      root = document;
    } else if (isJsonObject(document) && document.id !== undefined && document.created_at !== undefined) tickets = [document];
    else {
      yield factory.skip({ line }, 'not a Zammad ticket, ticket list or export (no tickets)');
      continue;
    }
    const articles = groupBy(arrayOf(root.articles), 'ticket_id');
    const history = groupBy(arrayOf(isJsonObject(root.history) ? root.history.history : root.history), 'o_id');
    for (const index of articles.orphans) yield factory.skip({ line, path: `articles[${index}]` }, 'article without ticket_id', 'ticket_id');
    const seen = new Set<string>();
    for (const [index, ticket] of tickets.entries()) {
      const path = prefix ? `${prefix}[${index}]` : Array.isArray(document) ? `[${index}]` : '';
      const place = path ? { line, path } : { line };
      if (!isJsonObject(ticket)) {
        yield factory.skip(place, 'ticket is not an object');
        continue;
      }
      const id = textOf(ticket.id);
      if (id !== undefined) seen.add(id);
      const at = (p: string): string => (path ? `${path}.${p}` : p);
      const embeddedHistory = isJsonObject(ticket.history) ? arrayOf(ticket.history.history) : arrayOf(ticket.history);
      const result = yield* mapZammadTicket(
        ticket,
        place,
        [
          ...arrayOf(ticket.articles).map((item, i) => ({ item, path: at(`articles[${i}]`) })),
          ...(id === undefined ? [] : (articles.groups.get(id) ?? []).map(({ item, index: i }) => ({ item, path: `articles[${i}]` }))),
        ],
        [
          ...embeddedHistory.map((item, i) => ({ item, path: at(`history[${i}]`) })),
          ...(id === undefined ? [] : (history.groups.get(id) ?? []).map(({ item, index: i }) => ({ item, path: `history[${i}]` }))),
        ],
        context,
      );
      if (result.snapshot) snapshotTickets++;
    }
    for (const [ticketId, items] of articles.groups) {
      if (seen.has(ticketId)) continue;
      for (const { index } of items) yield factory.skip({ line, path: `articles[${index}]` }, 'belongs to a ticket that is not in this document', 'ticket_id', ticketId);
    }
  }
  if (snapshotTickets > 0) {
    yield {
      type: 'notice',
      code: 'snapshot-only',
      message: `Zammad: ${snapshotTickets} ticket(s) came without history: only created, replies and the first close (close_at) are known; pauses, reopens and priority changes are not`,
    };
  }
  const { instantsWithOffset, instantsInGivenZone } = context.instants;
  yield { type: 'end', rowsRead: documents, instantsWithOffset, instantsInGivenZone };
}
