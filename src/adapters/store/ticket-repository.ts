import { noTurns, type TakeTurn } from '../../app/event-loop-turns.js';
import { sql, type Kysely, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { StoredTicket, StoredTicketHeader, TicketCounts, TicketFilter, TicketStore, TicketWriteResult } from '../../app/ports/index.js';
import { SupportPactError } from '../../domain/errors/index.js';
import { compareCodePoints, type TicketEvent } from '../../domain/tickets/index.js';
import { insertNewCopyText } from './bulk-insert.js';
import { copyIn, encodeCopyText, encodeCopyValue, joinCopyLines } from './copy-payload.js';
import { assertContractExists } from './contract-exists.js';
import type { Database, TicketsTable } from './database.js';
import type { StoreContext } from './store-context.js';
import { chunkCopyLine, compareStoredEvents, eventsOfChunksJson, firstChunksCopyText, groupEventTuples, ticketEventChunksTable, type EventTuple } from './ticket-event-chunks.js';
import { headerOfRow, ticketCopyRow, ticketsTable } from './ticket-rows.js';

/** 1,000 tickets of about 10 events each: 10,000 events a page, a few MB. */
const defaultPageSize = 1000;

/** Ticket ids per lookup query: 1,000 bind parameters, far below PostgreSQL's 65,535. */
const lookupChunk = 1000;


export class TicketRepository implements TicketStore {
  constructor(private readonly ctx: StoreContext) {}

  writeTickets(contractId: string, tickets: readonly StoredTicketHeader[], events: readonly TicketEvent[]): Promise<TicketWriteResult> {
    return this.ctx.withTransaction(async (tx) => {
      await assertContractExists(tx.db(), contractId);
      return writeTicketRows(tx, contractId, tickets, events);
    });
  }

  async *streamTickets(contractId: string, options: { filter?: TicketFilter; pageSize?: number } = {}): AsyncIterable<StoredTicket> {
    const pageSize = options.pageSize ?? defaultPageSize;
    if (!Number.isSafeInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a positive whole number, got ${pageSize}`);
    let after: string | undefined;
    for (;;) {
      let query = filtered(selectTicketsWithEvents(this.ctx.db(), contractId), options.filter);
      if (after !== undefined) query = query.where('ticket', '>', after);
      const rows = await query.orderBy('ticket').limit(pageSize).execute();
      for (const row of rows) yield storedTicketOfRow(row);
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1]!.ticket;
    }
  }

  async getTicket(contractId: string, ticket: string): Promise<StoredTicket | undefined> {
    const row = await selectTicketsWithEvents(this.ctx.db(), contractId).where('ticket', '=', ticket).executeTakeFirst();
    return row && storedTicketOfRow(row);
  }

  async getTickets(contractId: string, tickets: readonly string[]): Promise<StoredTicket[]> {
    const sorted = [...new Set(tickets)].sort(compareCodePoints);
    const found: StoredTicket[] = [];
    for (let i = 0; i < sorted.length; i += lookupChunk) {
      const rows = await selectTicketsWithEvents(this.ctx.db(), contractId).where('ticket', 'in', sorted.slice(i, i + lookupChunk)).orderBy('ticket').execute();
      for (const row of rows) found.push(storedTicketOfRow(row));
    }
    return found;
  }

  async countEventsByTicket(contractId: string, tickets: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    const distinct = [...new Set(tickets)];
    for (let i = 0; i < distinct.length; i += lookupChunk) {
      const rows = await this.ctx
        .db()
        .selectFrom('ticket_event_chunks')
        .select(['ticket', (eb) => eb.fn.sum<number>('event_count').as('n')])
        .where('contract_id', '=', contractId)
        .where('ticket', 'in', distinct.slice(i, i + lookupChunk))
        .groupBy('ticket')
        .execute();
      for (const row of rows) counts.set(row.ticket, Number(row.n));
    }
    return counts;
  }

  async countTickets(contractId: string, filter?: TicketFilter): Promise<TicketCounts> {
    const db = this.ctx.db();
    const tickets = await filtered(db.selectFrom('tickets').where('contract_id', '=', contractId), filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    let events = db.selectFrom('ticket_event_chunks').where('contract_id', '=', contractId);
    if (filter) {
      const ticketIds = filtered(db.selectFrom('tickets').select('ticket').where('contract_id', '=', contractId), filter);
      events = events.where('ticket', 'in', ticketIds);
    }
    const eventCount = await events.select((eb) => eb.fn.coalesce(eb.fn.sum<number>('event_count'), sql<number>`0`).as('n')).executeTakeFirstOrThrow();
    return { tickets: Number(tickets.n), events: Number(eventCount.n) };
  }
}

/** A write's rows, encoded ahead for `writeTicketRows` (an import encodes the next batch while the database writes this one). */
export interface EncodedTicketRows {
  /** The headers as COPY text. */
  readonly tickets: string;
  /** The events by ticket, each ticket's sorted and without repeated ids. */
  readonly groups: ReadonlyMap<string, readonly EventTuple[]>;
  /** Chunk 0 of every ticket as COPY text: the rows to write when no ticket of the write has stored events. */
  readonly firstChunks: string;
  /** Events in `groups`. */
  readonly eventCount: number;
}

export async function encodeTicketRows(
  contractId: string,
  tickets: readonly StoredTicketHeader[],
  events: readonly TicketEvent[],
  takeTurn: TakeTurn = noTurns,
): Promise<EncodedTicketRows> {
  const groups = await groupEventTuples(events, takeTurn);
  let eventCount = 0;
  for (const tuples of groups.values()) eventCount += tuples.length;
  const ticketsText = encodeCopyText(tickets.map((t) => ticketCopyRow(contractId, t)));
  return { tickets: ticketsText, groups, firstChunks: await firstChunksCopyText(contractId, groups, takeTurn), eventCount };
}

/**
 * Writes rows without checking the contract (callers have), from `encoded` when the caller
 * encoded them ahead. Headers already stored are kept; events go to their ticket's next chunk,
 * without those whose id the ticket already holds. Tickets that may hold events (not every
 * header was new, or events came for tickets of an earlier write) are locked first, so two
 * writers adding to one ticket take turns; when every ticket of the write is new, its chunks
 * are written as encoded, without a read.
 */
export async function writeTicketRows(
  ctx: StoreContext,
  contractId: string,
  tickets: readonly StoredTicketHeader[],
  events: readonly TicketEvent[],
  encoded?: EncodedTicketRows,
): Promise<TicketWriteResult> {
  encoded ??= await encodeTicketRows(contractId, tickets, events);
  const newTickets = await insertNewCopyText(ctx, ticketsTable, encoded.tickets);
  const elsewhere = await assertEveryEventHasTicket(ctx.db(), contractId, tickets, events);
  const mayHoldEvents = newTickets === tickets.length ? elsewhere : [...encoded.groups.keys()];
  if (mayHoldEvents.length === 0) {
    if (encoded.eventCount > 0) await copyIn(ctx.db(), ticketEventChunksTable.table, ticketEventChunksTable.columns, encoded.firstChunks);
    return { newTickets, newEvents: encoded.eventCount };
  }
  const stored = await lockStoredEvents(ctx.db(), contractId, mayHoldEvents);
  const contractCell = encodeCopyValue(contractId);
  const lines: string[] = [];
  const grown: string[] = [];
  const compacted: string[] = [];
  let newEvents = 0;
  for (const [ticket, tuples] of encoded.groups) {
    const held = stored.get(ticket);
    const fresh = held === undefined ? tuples : tuples.filter((tuple) => !held.ids.has(tuple[0]));
    if (fresh.length === 0) continue;
    newEvents += fresh.length;
    if (held === undefined) {
      lines.push(chunkCopyLine(contractCell, ticket, 0, fresh));
      continue;
    }
    grown.push(ticket);
    if (held.chunks < maxChunksPerTicket) {
      lines.push(chunkCopyLine(contractCell, ticket, held.nextChunk, fresh));
    } else {
      // A ticket fed one event per write (a webhook per update) would otherwise be read from ever more rows.
      compacted.push(ticket);
      lines.push(chunkCopyLine(contractCell, ticket, held.nextChunk, [...held.tuples, ...fresh].sort(compareStoredEvents)));
    }
  }
  for (let i = 0; i < compacted.length; i += lookupChunk) {
    await ctx.db().deleteFrom('ticket_event_chunks').where('contract_id', '=', contractId).where('ticket', 'in', compacted.slice(i, i + lookupChunk)).execute();
  }
  if (lines.length > 0) await copyIn(ctx.db(), ticketEventChunksTable.table, ticketEventChunksTable.columns, joinCopyLines(lines));
  if (grown.length > 0) await invalidateTicketFacts(ctx.db(), contractId, grown);
  return { newTickets, newEvents };
}

/**
 * Chunks a ticket may have before a write folds them, with its new events, into one: a
 * ticket's read stays a few rows however its events arrived.
 */
export const maxChunksPerTicket = 8;

/** What a ticket holds: its events, their ids, its chunk count and next chunk number. */
interface HeldEvents {
  readonly tuples: EventTuple[];
  readonly ids: Set<string>;
  chunks: number;
  nextChunk: number;
}

/**
 * What those of `tickets` that hold events hold, with their header rows locked until the
 * transaction ends (every event's ticket has a header).
 */
async function lockStoredEvents(db: Kysely<Database>, contractId: string, tickets: readonly string[]): Promise<Map<string, HeldEvents>> {
  // Locked in the database's order ("C": code points), one list after another, so two writers never wait on each other in a circle.
  const sorted = [...new Set(tickets)].sort(compareCodePoints);
  const stored = new Map<string, HeldEvents>();
  for (let i = 0; i < sorted.length; i += lookupChunk) {
    const chunk = sorted.slice(i, i + lookupChunk);
    await db.selectFrom('tickets').select('ticket').where('contract_id', '=', contractId).where('ticket', 'in', chunk).orderBy('ticket').forUpdate().execute();
    const rows = await db
      .selectFrom('ticket_event_chunks')
      .select(['ticket', 'chunk', 'events'])
      .where('contract_id', '=', contractId)
      .where('ticket', 'in', chunk)
      .execute();
    for (const row of rows) {
      let held = stored.get(row.ticket);
      if (held === undefined) stored.set(row.ticket, (held = { tuples: [], ids: new Set(), chunks: 0, nextChunk: 0 }));
      for (const tuple of JSON.parse(row.events) as EventTuple[]) {
        held.tuples.push(tuple);
        held.ids.add(tuple[0]);
      }
      held.chunks++;
      held.nextChunk = Math.max(held.nextChunk, row.chunk + 1);
    }
  }
  return stored;
}

/**
 * Deletes the materialised facts of tickets that got new events, in the writing transaction:
 * a ticket without facts sends month scorecards back to streaming events until its facts are
 * recomputed, so stale facts are never read. When every header of the batch was new, only
 * the tickets whose headers came earlier can have facts.
 */
async function invalidateTicketFacts(db: Kysely<Database>, contractId: string, tickets: readonly string[]): Promise<void> {
  for (let i = 0; i < tickets.length; i += lookupChunk) {
    await db.deleteFrom('ticket_facts').where('contract_id', '=', contractId).where('ticket', 'in', tickets.slice(i, i + lookupChunk)).execute();
  }
}


/**
 * Every stored event belongs to a stored ticket: the stream reads tickets and their events, so
 * an event without its ticket would never be measured. Only tickets missing from the batch's
 * headers are looked up (those whose created event came in an earlier batch: a handful);
 * they are returned.
 */
async function assertEveryEventHasTicket(
  db: Kysely<Database>,
  contractId: string,
  tickets: readonly StoredTicketHeader[],
  events: readonly TicketEvent[],
): Promise<string[]> {
  const inBatch = new Set<string>();
  for (const header of tickets) inBatch.add(header.ticket);
  const others = new Set<string>();
  // A ticket's events mostly come together: compare with the previous event's ticket before hashing.
  let previous: string | undefined;
  for (const { ticket } of events) {
    if (ticket === previous) continue;
    previous = ticket;
    if (!inBatch.has(ticket)) others.add(ticket);
  }
  const elsewhere = [...others];
  const missing: string[] = [];
  for (let i = 0; i < elsewhere.length; i += lookupChunk) {
    const chunk = elsewhere.slice(i, i + lookupChunk);
    const found = await db.selectFrom('tickets').select('ticket').where('contract_id', '=', contractId).where('ticket', 'in', chunk).execute();
    const stored = new Set(found.map((row) => row.ticket));
    missing.push(...chunk.filter((ticket) => !stored.has(ticket)));
  }
  if (missing.length > 0) {
    const shown = missing.slice(0, 10);
    throw new SupportPactError(
      'EVENTS_INVALID',
      `${missing.length} ticket(s) have events but no ticket record (from their created event): ${shown.join(', ')}${missing.length > shown.length ? ', ...' : ''}.`,
      { problems: shown.map((ticket) => ({ message: `events for ticket ${ticket}, which has no created event`, path: ['ticket', ticket], hint: 'import its created event, or skip its events' })) },
    );
  }
  return elsewhere;
}

/** Keeps the tickets the filter selects: created in its half-open range. */
function filtered<O>(query: SelectQueryBuilder<Database, 'tickets', O>, filter: TicketFilter | undefined): SelectQueryBuilder<Database, 'tickets', O> {
  if (!filter) return query;
  const { fromAt, toAt } = filter.range;
  return query.where('created_at', '>=', fromAt).where('created_at', '<', toAt);
}

/**
 * One query a page: each ticket row carries its events as one JSON text, the array of its
 * chunks' tuple arrays (`[[[id, at, ...], ...], ...]`), merged in JavaScript. PGlite parses
 * result rows field by field in JavaScript; one JSON text per ticket, read with JSON.parse, is
 * the fast way to move many events (measured on PGlite 0.5: 10,000 events in about 50 ms,
 * against 150-400 ms as rows).
 */
function selectTicketsWithEvents(db: Kysely<Database>, contractId: string) {
  return db
    .selectFrom('tickets')
    .selectAll()
    .select(
      sql<string | null>`(
        SELECT '[' || string_agg(c.events, ',' ORDER BY c.chunk) || ']'
          FROM ticket_event_chunks c
         WHERE c.contract_id = tickets.contract_id AND c.ticket = tickets.ticket
      )`.as('events_json'),
    )
    .where('contract_id', '=', contractId);
}

function storedTicketOfRow(row: Selectable<TicketsTable> & { events_json: string | null }): StoredTicket {
  return { header: headerOfRow(row), events: row.events_json === null ? [] : eventsOfChunksJson(row.ticket, row.events_json) };
}
