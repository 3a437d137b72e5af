import type { ClockMetric } from '../../domain/contract/schema/sla.js';
import type { MonthAggregate, TicketFacts } from '../../domain/measures/index.js';

/** A ticket's facts as stored: the facts, the months they count in, and what they were computed from. */
export interface StoredTicketFacts {
  readonly facts: TicketFacts;
  readonly contractVersion: number;
  /** The ticket's latest event: the facts hold for any as-of at or after it (pending clocks counted by their instant). */
  readonly lastEventAt: number;
  /** Months as YYYYMM numbers in the contract's zone. */
  readonly createdMonth: number;
  readonly firstSolvedMonth: number | undefined;
  readonly solvedMonth: number | undefined;
  /** One per `facts.settledClocks` entry, in the same order. */
  readonly clockMonths: readonly number[];
  /**
   * Clocks running (not paused) at the last event, with the instant each breaches unless
   * another event comes: at an as-of on or after it the clock counts as breached in its month.
   */
  readonly pendingClocks: readonly { readonly metric: ClockMetric; readonly cycle: number; readonly priority: string; readonly breachAt: number; readonly month: number }[];
  /** True when a running clock would not breach within the materializer's horizon: such a ticket is evaluated at read time (and has no pending clocks). */
  readonly live: boolean;
}

/** Whether the stored facts can answer a month's scorecard on their own. */
export interface TicketFactsStatus {
  /** Tickets with facts, and tickets of the contract. */
  readonly ticketsWithFacts: number;
  readonly tickets: number;
  /** The contract versions the facts were computed under. */
  readonly versions: readonly number[];
  /** The newest `lastEventAt` among them. */
  readonly lastEventAt: number | undefined;
}

/**
 * Materialised per-ticket facts (a read model of the ticket events): written when events are
 * stored, aggregated per month by the database, so a month's scorecard need not stream every
 * event of the contract.
 */
export interface TicketFactsStore {
  /** Replaces the facts of these tickets (inserting those that have none). */
  replaceTicketFacts(contractId: string, rows: readonly StoredTicketFacts[]): Promise<void>;
  /**
   * Adds the facts of tickets that have none: tickets first stored by the write just committed
   * (tickets are never deleted, so they cannot have facts yet). A ticket with facts is an error.
   */
  insertTicketFacts(contractId: string, rows: readonly StoredTicketFacts[]): Promise<void>;
  /**
   * Counts and lists of the month (YYYYMM) over the stored facts that hold at `asOf`: tickets
   * whose last event is at or before `asOf` and that are not `live`, with each pending clock
   * counted as breached when its instant is at or before `asOf`.
   */
  aggregateMonth(contractId: string, month: number, options: { readonly qualityCount: number; readonly listLimit: number; readonly asOf: number }): Promise<MonthAggregate>;
  /** Tickets whose facts say a clock still runs, in ticket order. */
  listRunningTickets(contractId: string): Promise<string[]>;
  /**
   * The tickets `aggregateMonth` leaves out, created in or before `createdMonthUpTo`: `live`
   * ones and those with events after `asOf` (evaluated at read time instead), in ticket order.
   */
  listTicketsToEvaluate(contractId: string, options: { readonly asOf: number; readonly createdMonthUpTo: number }): Promise<string[]>;
  factsStatus(contractId: string): Promise<TicketFactsStatus>;
  /** Stored tickets that have no facts, in ticket order. */
  listTicketsWithoutFacts(contractId: string): Promise<string[]>;
  /** Removes every fact of a contract (before a full refresh). */
  clearTicketFacts(contractId: string): Promise<void>;
}
