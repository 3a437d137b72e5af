/**
 * A ticket's events as stored: chunks, one row of `ticket_event_chunks` per ticket per write
 * that brought it new events (migration 008; a write finding `maxChunksPerTicket` folds them
 * into one, see `writeTicketRows`). A chunk holds its events as JSON text of tuples
 * in `EventTuple` order, sorted by `compareStoredEvents`; a ticket's events are its
 * chunks' events, merged in that order.
 *
 *   contract_id          ticket  chunk  event_count  events
 *   acme-northstar-2027  NS-0    0      2            [["NS-0-0",1805490009,null,"created","3",null,"chat",...],["NS-0-1",...]]
 */
import { noTurns, type TakeTurn } from '../../app/event-loop-turns.js';
import { SupportPactError } from '../../domain/errors/index.js';
import { compareCodePoints, eventKinds, ticketStatuses, type EventKind, type TicketEvent, type TicketStatus } from '../../domain/tickets/index.js';
import type { BulkTable } from './bulk-insert.js';
import { encodeCopyValue, joinCopyLines } from './copy-payload.js';

export const ticketEventChunksTable: BulkTable = {
  table: 'ticket_event_chunks',
  columns: ['contract_id', 'ticket', 'chunk', 'event_count', 'events'],
};

/** An event in a chunk: its fields in this order (the ticket is the row's). */
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

const knownKinds: ReadonlySet<string> = new Set(eventKinds);
const knownStatuses: ReadonlySet<string> = new Set(ticketStatuses);

/**
 * An event as a chunk tuple. Refuses what the store must never hold (the checks the one-row-
 * per-event table made in SQL): an instant or seq that is not whole seconds, an unknown kind or
 * status, an empty id.
 */
export function eventTupleOf(event: TicketEvent): EventTuple {
  if (!Number.isSafeInteger(event.at)) invalid(event, 'at', `must be a whole number (epoch seconds), got ${event.at}`, 'round the instant to whole seconds');
  if (event.seq !== undefined && !Number.isSafeInteger(event.seq)) invalid(event, 'seq', `must be a whole number, got ${event.seq}`, 'give seq as a whole number or leave it out');
  if (!knownKinds.has(event.kind)) invalid(event, 'kind', `is not an event kind: "${String(event.kind)}"`, `use one of ${eventKinds.join(', ')}`);
  if (event.status !== undefined && !knownStatuses.has(event.status)) invalid(event, 'status', `is not a status: "${String(event.status)}"`, `use one of ${ticketStatuses.join(', ')}`);
  if (typeof event.id !== 'string' || event.id === '') invalid(event, 'id', 'is empty', 'give every event its source reference');
  return [
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

function invalid(event: TicketEvent, field: string, problem: string, hint: string): never {
  throw new SupportPactError('EVENTS_INVALID', `ticket ${event.ticket} event ${event.id}: ${field} ${problem}.`, {
    problems: [{ message: `${field} ${problem}`, path: ['ticket', event.ticket, 'event', String(event.id), field], hint }],
  });
}

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

/**
 * The order of a ticket's stored events: instant, then seq (missing last), then id by code
 * point (the byte order of PostgreSQL's "C" collation, which the one-row-per-event table was
 * read in, so chunk 0 of a migrated store is already in this order).
 */
export function compareStoredEvents(a: EventTuple, b: EventTuple): number {
  if (a[1] !== b[1]) return a[1] - b[1];
  if (a[2] !== b[2]) return a[2] === null ? 1 : b[2] === null ? -1 : a[2] - b[2];
  return compareCodePoints(a[0], b[0]);
}

/**
 * A write's events by ticket, in order of first appearance, each ticket's events as sorted
 * tuples without repeats: an id that comes twice in one write is stored once (the first).
 */
export async function groupEventTuples(events: readonly TicketEvent[], takeTurn: TakeTurn = noTurns): Promise<Map<string, EventTuple[]>> {
  const groups = new Map<string, EventTuple[]>();
  const seen = new Map<string, Set<string>>();
  let previous: string | undefined;
  let group: EventTuple[] | undefined;
  let ids: Set<string> | undefined;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const turn = (i & 511) === 511 ? takeTurn() : undefined;
    if (turn) await turn;
    // A ticket's events mostly come together: look up the group only when the ticket changes.
    if (event.ticket !== previous || group === undefined) {
      previous = event.ticket;
      group = groups.get(event.ticket);
      ids = seen.get(event.ticket);
      if (group === undefined) {
        group = [];
        ids = new Set();
        groups.set(event.ticket, group);
        seen.set(event.ticket, ids);
      }
    }
    if (ids!.has(event.id)) continue;
    ids!.add(event.id);
    group.push(eventTupleOf(event));
  }
  for (const tuples of groups.values()) if (!isSorted(tuples)) tuples.sort(compareStoredEvents);
  return groups;
}

function isSorted(tuples: readonly EventTuple[]): boolean {
  for (let i = 1; i < tuples.length; i++) if (compareStoredEvents(tuples[i - 1]!, tuples[i]!) > 0) return false;
  return true;
}

/** One chunk row as a COPY-text line (`contractCell` is the contract id, already encoded). */
export function chunkCopyLine(contractCell: string, ticket: string, chunk: number, tuples: readonly EventTuple[]): string {
  return `${contractCell}\t${encodeCopyValue(ticket)}\t${chunk}\t${tuples.length}\t${encodeCopyValue(JSON.stringify(tuples))}`;
}

/** Chunk 0 of every group, as COPY text: the rows of a write whose tickets had no stored events. */
export async function firstChunksCopyText(contractId: string, groups: ReadonlyMap<string, readonly EventTuple[]>, takeTurn: TakeTurn = noTurns): Promise<string> {
  const contractCell = encodeCopyValue(contractId);
  const lines: string[] = [];
  for (const [ticket, tuples] of groups) {
    lines.push(chunkCopyLine(contractCell, ticket, 0, tuples));
    const turn = (lines.length & 63) === 0 ? takeTurn() : undefined;
    if (turn) await turn;
  }
  return joinCopyLines(lines);
}

/**
 * A ticket's events from its chunks' JSON texts joined as one JSON array of chunks
 * (`[chunk0,chunk1,...]`, what the store's read selects), merged in stored order.
 */
export function eventsOfChunksJson(ticket: string, chunksJson: string): TicketEvent[] {
  const chunks = JSON.parse(chunksJson) as EventTuple[][];
  const tuples = chunks.length === 1 ? chunks[0]! : chunks.flat().sort(compareStoredEvents);
  return tuples.map((tuple) => eventOfTuple(ticket, tuple));
}
