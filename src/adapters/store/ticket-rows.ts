/** Conversions between the canonical ticket types and the rows of `tickets` / `ticket_events`. */
import type { Selectable } from 'kysely';
import type { StoredTicketHeader } from '../../app/ports/index.js';
import { SupportPactError } from '../../domain/errors/index.js';
import type { EventKind, SourceSlaFlags, TicketEvent, TicketStatus } from '../../domain/tickets/index.js';
import type { BulkTable } from './bulk-insert.js';
import type { TicketsTable } from './database.js';

export const ticketsTable: BulkTable = {
  table: 'tickets',
  columns: ['contract_id', 'ticket', 'source', 'raw_priority', 'channel', 'category', 'technology', 'created_at', 'source_sla'],
};

export const ticketEventsTable: BulkTable = {
  table: 'ticket_events',
  columns: ['contract_id', 'ticket', 'event_id', 'at', 'seq', 'kind', 'priority', 'status', 'channel', 'category', 'technology', 'actor', 'source'],
};

export function ticketCopyRow(contractId: string, header: StoredTicketHeader): (string | number | null)[] {
  assertWholeSeconds(header.createdAt, `ticket ${header.ticket}: createdAt`);
  return [
    contractId,
    header.ticket,
    header.source ?? null,
    header.rawPriority ?? null,
    header.channel ?? null,
    header.category ?? null,
    header.technology ?? null,
    header.createdAt,
    header.sourceSla === undefined ? null : JSON.stringify(header.sourceSla),
  ];
}

export function eventCopyRow(contractId: string, event: TicketEvent): (string | number | null)[] {
  assertWholeSeconds(event.at, `ticket ${event.ticket} event ${event.id}: at`);
  if (event.seq !== undefined) assertWholeSeconds(event.seq, `ticket ${event.ticket} event ${event.id}: seq`);
  return [
    contractId,
    event.ticket,
    event.id,
    event.at,
    event.seq ?? null,
    event.kind,
    event.priority ?? null,
    event.status ?? null,
    event.channel ?? null,
    event.category ?? null,
    event.technology ?? null,
    event.actor ?? null,
    event.source ?? null,
  ];
}

/** Instants are whole epoch seconds; a fraction means an importer forgot to round. */
function assertWholeSeconds(value: number, where: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new SupportPactError('EVENTS_INVALID', `${where} must be a whole number (epoch seconds), got ${value}.`, {
      problems: [{ message: `not a whole number: ${value}`, hint: where }],
    });
  }
}

export function headerOfRow(row: Selectable<TicketsTable>): StoredTicketHeader {
  const header: { -readonly [K in keyof StoredTicketHeader]: StoredTicketHeader[K] } = { ticket: row.ticket, createdAt: row.created_at };
  if (row.source !== null) header.source = row.source;
  if (row.raw_priority !== null) header.rawPriority = row.raw_priority;
  if (row.channel !== null) header.channel = row.channel;
  if (row.category !== null) header.category = row.category;
  if (row.technology !== null) header.technology = row.technology;
  if (row.source_sla !== null) header.sourceSla = row.source_sla as SourceSlaFlags;
  return header;
}

/** The event columns the stream reads as one JSON array per event, in this order. */
export const eventTupleColumns = ['event_id', 'at', 'seq', 'kind', 'priority', 'status', 'channel', 'category', 'technology', 'actor', 'source'] as const;

export type EventTuple = [
  eventId: string,
  at: number,
  seq: number | null,
  kind: string,
  priority: string | null,
  status: string | null,
  channel: string | null,
  category: string | null,
  technology: string | null,
  actor: string | null,
  source: string | null,
];

export function eventOfTuple(ticket: string, tuple: EventTuple): TicketEvent {
  const [id, at, seq, kind, priority, status, channel, category, technology, actor, source] = tuple;
  const event: { -readonly [K in keyof TicketEvent]: TicketEvent[K] } = { ticket, at, kind: kind as EventKind, id };
  if (seq !== null) event.seq = seq;
  if (priority !== null) event.priority = priority;
  if (status !== null) event.status = status as TicketStatus;
  if (channel !== null) event.channel = channel;
  if (category !== null) event.category = category;
  if (technology !== null) event.technology = technology;
  if (actor !== null) event.actor = actor;
  if (source !== null) event.source = source;
  return event;
}
