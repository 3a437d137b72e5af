import type { Contract } from '../domain/contract/schema/contract-schema.js';
import { MonthlyScorecardBuilder, type MonthlyScorecard } from '../domain/measures/index.js';
import { buildTicketTimeline, compileSlaPolicy, evaluateTicketClocks, type SlaPolicy } from '../domain/sla/index.js';
import type { Outage, TicketEvent, VendorReportDelivery } from '../domain/tickets/index.js';

export interface ScorecardInput {
  readonly contract: Contract;
  readonly month: string;
  /** "Now" for running clocks, epoch seconds. */
  readonly asOf: number;
  /** Each ticket's events, sorted (`sortTicketEvents`), one ticket at a time. */
  readonly tickets: AsyncIterable<readonly TicketEvent[]> | Iterable<readonly TicketEvent[]>;
  readonly outages?: readonly Outage[];
  readonly vendorReports?: readonly VendorReportDelivery[];
  readonly policy?: SlaPolicy;
}

/**
 * Adds one ticket (its events sorted) to a month's scorecard as known at `asOf`: later events
 * are ignored, so a later event never changes an earlier scorecard; tickets created after the
 * month are skipped.
 */
export function addTicketAsOf(builder: MonthlyScorecardBuilder, policy: SlaPolicy, sorted: readonly TicketEvent[], asOf: number): void {
  const last = sorted[sorted.length - 1];
  const events = last !== undefined && last.at > asOf ? sorted.filter((e) => e.at <= asOf) : sorted;
  const timeline = buildTicketTimeline(events, policy);
  if (!timeline || timeline.createdAt >= builder.period.endAt) return;
  const result = evaluateTicketClocks(policy, timeline, asOf);
  builder.addTicket(timeline, result.clocks, result.priority);
}

/**
 * Measures a month: streams every ticket through its clocks into the scorecard. Clocks are
 * evaluated at `asOf` and count in the month they settle (stop, or breach while running),
 * so a scorecard is reproducible for a given asOf. Memory stays flat as the ticket count
 * grows (only listed ticket ids are kept).
 */
export async function computeScorecard(input: ScorecardInput): Promise<MonthlyScorecard> {
  const policy = input.policy ?? compileSlaPolicy(input.contract);
  const builder = new MonthlyScorecardBuilder(input.contract, policy, input.month, input.asOf);
  const addTicket = (all: readonly TicketEvent[]): void => addTicketAsOf(builder, policy, all, input.asOf);
  const tickets = input.tickets;
  if (Symbol.asyncIterator in tickets) {
    for await (const all of tickets) addTicket(all);
  } else {
    // A plain iterable is read without awaiting each ticket: `for await` costs a promise and a microtask per ticket (about 0.1 s per million here).
    for (const all of tickets) addTicket(all);
  }
  builder.addOutages(input.outages ?? []);
  builder.addVendorReports(input.vendorReports ?? []);
  return builder.build();
}
