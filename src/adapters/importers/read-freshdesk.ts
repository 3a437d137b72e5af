import type { TicketStatus } from '../../domain/tickets/index.js';
import type { ByteStream, ImportOptions, ImportRecord } from './import-types.js';
import { InstantReader } from './instant-reader.js';
import { arrayOf, groupBy, isJsonObject, textOf, type JsonObject } from './json-values.js';
import { mapFreshdeskTicket } from './map-freshdesk-ticket.js';
import { readFreshdeskCsv } from './read-freshdesk-csv.js';
import { readJsonDocuments } from './read-json-documents.js';
import { RecordFactory } from './record-factory.js';
import { createStatusResolver } from './status-transition.js';
import { sniffJson } from './sniff-json.js';

/** Freshdesk statuses (ticket-formats.md 3a) by code and by name; custom ones (>= 6) need `statusMap`. */
export const freshdeskStatuses: Readonly<Record<string, TicketStatus>> = {
  '2': 'open', open: 'open',
  '3': 'pending_customer', pending: 'pending_customer',
  '4': 'solved', resolved: 'solved',
  '5': 'closed', closed: 'closed',
  // Freshdesk's commonly added custom statuses, by name.
  'waiting on customer': 'pending_customer',
  'waiting on third party': 'on_hold_third_party',
};

export interface FreshdeskContext {
  readonly factory: RecordFactory;
  readonly instants: InstantReader;
  readonly resolveStatus: (raw: string | number) => TicketStatus | undefined;
}

/**
 * Reads Freshdesk: API v2 JSON (tickets with `include=stats`, conversations, and the ticket
 * activities export), or the UI's CSV export, told apart by the first byte.
 */
export async function* readFreshdesk(input: ByteStream, options: ImportOptions): AsyncGenerator<ImportRecord> {
  const sniffed = await sniffJson(input);
  if (!sniffed.isJson) {
    yield* readFreshdeskCsv(sniffed.input, options);
    return;
  }
  const context: FreshdeskContext = {
    factory: new RecordFactory(),
    instants: new InstantReader(options.zone, undefined),
    resolveStatus: createStatusResolver(freshdeskStatuses, options.statusMap),
  };
  let documents = 0;
  let snapshotTickets = 0;
  for await (const doc of readJsonDocuments(sniffed.input, options.fileName)) {
    documents++;
    if (doc.error !== undefined) {
      yield context.factory.skip({ line: doc.line }, 'not valid JSON', undefined, doc.error);
      continue;
    }
    const result = yield* mapFreshdeskDocument(doc.document, doc.line, context);
    snapshotTickets += result.snapshotTickets;
  }
  if (snapshotTickets > 0) {
    yield {
      type: 'notice',
      code: 'snapshot-only',
      message: `Freshdesk: ${snapshotTickets} ticket(s) came without activities: status changes come from stats (the latest resolve, close, reopen and pending start only)`,
    };
  }
  const { instantsWithOffset, instantsInGivenZone } = context.instants;
  yield { type: 'end', rowsRead: documents, instantsWithOffset, instantsInGivenZone };
}

/** A document is a ticket list, `{tickets, conversations, activities_data}`, or one ticket with its `conversations` / `activities`. */
function* mapFreshdeskDocument(document: unknown, line: number, context: FreshdeskContext): Generator<ImportRecord, { snapshotTickets: number }> {
  const { factory } = context;
  let tickets: readonly unknown[];
  let prefix: string;
  let root: JsonObject = {};
  if (Array.isArray(document)) {
    tickets = document;
    prefix = '';
  } else if (isJsonObject(document) && Array.isArray(document.tickets)) {
    tickets = document.tickets;
    prefix = 'tickets';
    root = document;
  } else if (isJsonObject(document) && document.id !== undefined && document.created_at !== undefined) {
    tickets = [document];
    prefix = '(ticket)';
  } else {
    yield factory.skip({ line }, 'not a Freshdesk ticket, ticket list or export (no tickets)');
    return { snapshotTickets: 0 };
  }
  const conversations = groupBy(arrayOf(root.conversations), 'ticket_id');
  const activities = groupBy(arrayOf(root.activities_data ?? root.activities), 'ticket_id');
  const activityKey = root.activities_data !== undefined ? 'activities_data' : 'activities';
  for (const index of conversations.orphans) yield factory.skip({ line, path: `conversations[${index}]` }, 'conversation without ticket_id', 'ticket_id');
  for (const index of activities.orphans) yield factory.skip({ line, path: `${activityKey}[${index}]` }, 'activity without ticket_id', 'ticket_id');
  const seen = new Set<string>();
  let snapshotTickets = 0;
  for (const [index, ticket] of tickets.entries()) {
    const path = prefix === '(ticket)' ? '' : `${prefix}[${index}]`;
    const place = path === '' ? { line } : { line, path };
    if (!isJsonObject(ticket)) {
      yield factory.skip(place, 'ticket is not an object');
      continue;
    }
    const id = textOf(ticket.id);
    if (id !== undefined) seen.add(id);
    const embeddedConversations = arrayOf(ticket.conversations).map((item, i) => ({ item, path: `${path ? `${path}.` : ''}conversations[${i}]` }));
    const embeddedActivities = arrayOf(ticket.activities).map((item, i) => ({ item, path: `${path ? `${path}.` : ''}activities[${i}]` }));
    const result = yield* mapFreshdeskTicket(
      ticket,
      place,
      [...embeddedConversations, ...(id === undefined ? [] : (conversations.groups.get(id) ?? []).map(({ item, index: i }) => ({ item, path: `conversations[${i}]` })))],
      [...embeddedActivities, ...(id === undefined ? [] : (activities.groups.get(id) ?? []).map(({ item, index: i }) => ({ item, path: `${activityKey}[${i}]` })))],
      context,
    );
    if (result.snapshot) snapshotTickets++;
  }
  for (const [group, key] of [[conversations, 'conversations'], [activities, activityKey]] as const) {
    for (const [ticketId, items] of group.groups) {
      if (seen.has(ticketId)) continue;
      for (const { index } of items) yield factory.skip({ line, path: `${key}[${index}]` }, 'belongs to a ticket that is not in this document', 'ticket_id', ticketId);
    }
  }
  return { snapshotTickets };
}
