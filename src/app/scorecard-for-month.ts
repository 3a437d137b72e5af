import type { StoreSession } from './ports/index.js';
import { addTicketAsOf, computeScorecard } from './compute-scorecard.js';
import { loadStoredContract } from './load-stored-contract.js';
import type { MonthlyScorecard } from '../domain/measures/index.js';
import { maxListedTickets, monthNumber, monthPeriod, MonthlyScorecardBuilder } from '../domain/measures/index.js';
import { compileSlaPolicy } from '../domain/sla/index.js';
import { sortTicketEvents, type TicketEvent } from '../domain/tickets/index.js';

export interface StoredScorecard {
  readonly scorecard: MonthlyScorecard;
  readonly contractVersion: number;
  readonly contractSha256: string;
  /** How it was computed: from the materialised ticket facts, or by streaming every ticket's events. */
  readonly source: 'ticket-facts' | 'events';
}

/** Tickets read back per query when the facts cannot answer for them. */
const evaluateChunk = 1000;

/**
 * The month's scorecard from stored tickets, outages and vendor reports, under the contract
 * version in force for that month, with running clocks evaluated at `asOf`.
 *
 * When every ticket has materialised facts computed under that version, the database
 * aggregates the facts that hold at `asOf`, and only the other tickets (a clock still running,
 * or events after `asOf`) are evaluated here; otherwise every ticket's events are streamed
 * through the clock engine. Both paths give the same scorecard (tested on the demo data at
 * several as-ofs, and on both backends).
 */
export async function scorecardForMonth(store: StoreSession, contractId: string, month: string, asOf: number, options: { readonly allowFacts?: boolean } = {}): Promise<StoredScorecard> {
  const { loaded, version } = await loadStoredContract(store, contractId, { month });
  const contract = loaded.contract;
  const period = monthPeriod(month, contract.timezone);
  const [outages, vendorReports] = await Promise.all([
    store.outages.listOutages(contractId, { overlapping: { fromAt: period.startAt, toAt: period.endAt } }),
    store.vendorReports.listVendorReports(contractId, { month }),
  ]);
  const meta = { contractVersion: version.version, contractSha256: version.sha256 };

  const status = options.allowFacts === false ? undefined : await store.ticketFacts.factsStatus(contractId);
  const factsUsable =
    status !== undefined &&
    status.tickets > 0 &&
    status.ticketsWithFacts === status.tickets &&
    status.versions.length === 1 &&
    status.versions[0] === version.version;
  if (factsUsable) {
    const policy = compileSlaPolicy(contract);
    const builder = new MonthlyScorecardBuilder(contract, policy, month, asOf);
    const monthNo = monthNumber(month);
    builder.addAggregate(await store.ticketFacts.aggregateMonth(contractId, monthNo, { qualityCount: contract.sla?.quality?.length ?? 0, listLimit: maxListedTickets, asOf }));
    // What the facts cannot answer for this as-of (a clock still running, or events after as-of) is evaluated now, in chunks.
    const toEvaluate = await store.ticketFacts.listTicketsToEvaluate(contractId, { asOf, createdMonthUpTo: monthNo });
    for (let i = 0; i < toEvaluate.length; i += evaluateChunk) {
      for (const stored of await store.tickets.getTickets(contractId, toEvaluate.slice(i, i + evaluateChunk))) addTicketAsOf(builder, policy, sortTicketEvents(stored.events), asOf);
    }
    builder.addOutages(outages);
    builder.addVendorReports(vendorReports);
    return { scorecard: builder.build(), ...meta, source: 'ticket-facts' };
  }

  // Every ticket created before the month ends can settle in it (a clock stops, or a running one breaches).
  async function* tickets(): AsyncIterable<readonly TicketEvent[]> {
    for await (const stored of store.tickets.streamTickets(contractId, { filter: { range: { fromAt: 0, toAt: period.endAt }, by: 'created' } })) {
      yield sortTicketEvents(stored.events);
    }
  }
  const scorecard = await computeScorecard({ contract, month, asOf, tickets: tickets(), outages, vendorReports });
  return { scorecard, ...meta, source: 'events' };
}
