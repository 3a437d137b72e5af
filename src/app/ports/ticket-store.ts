import type { TicketEvent, TicketHeader } from '../../domain/tickets/index.js';
import type { TimeRange } from './time-range.js';

/** A ticket header as stored: the canonical header plus the system it came from. */
export interface StoredTicketHeader extends TicketHeader {
  /** Source system: `"zendesk"`, `"jsonl"`. */
  readonly source?: string;
}

/** A ticket with all its events, ordered by `at`, then `seq`, then event id. */
export interface StoredTicket {
  readonly header: StoredTicketHeader;
  readonly events: readonly TicketEvent[];
}

/**
 * Which tickets to read: those created in the range. (Tickets that settle in a month are any
 * created before its end; the scorecard reads those, or the materialised facts.)
 */
export interface TicketFilter {
  readonly range: TimeRange;
  readonly by: 'created';
}

export interface TicketWriteResult {
  readonly newTickets: number;
  readonly newEvents: number;
}

export interface TicketCounts {
  readonly tickets: number;
  readonly events: number;
}

export interface TicketStore {
  /**
   * Writes headers and events in one transaction; rows already stored (same contract and
   * ticket, or same contract, ticket and event id) are skipped, so a re-import changes nothing.
   * Throws `EVENTS_INVALID` (and writes nothing) when an event's ticket has no header in the
   * batch or in the store, and `CONTRACT_NOT_FOUND` for an unknown contract.
   */
  writeTickets(contractId: string, tickets: readonly StoredTicketHeader[], events: readonly TicketEvent[]): Promise<TicketWriteResult>;
  /**
   * Tickets ordered by id with their events, read lazily `pageSize` tickets at a time (keyset
   * pagination, default 1,000), so a million tickets never sit in memory at once.
   */
  streamTickets(contractId: string, options?: { filter?: TicketFilter; pageSize?: number }): AsyncIterable<StoredTicket>;
  getTicket(contractId: string, ticket: string): Promise<StoredTicket | undefined>;
  countTickets(contractId: string, filter?: TicketFilter): Promise<TicketCounts>;
  /** Several tickets with their events, in ticket order (missing ones are left out). */
  getTickets(contractId: string, tickets: readonly string[]): Promise<StoredTicket[]>;
  /** How many events each of these tickets has stored (tickets without events are left out). */
  countEventsByTicket(contractId: string, tickets: readonly string[]): Promise<Map<string, number>>;
}
