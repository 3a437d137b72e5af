import type { StoreSession } from './ports/index.js';
import { computeScorecard } from './compute-scorecard.js';
import { loadStoredContract } from './load-stored-contract.js';
import type { MonthlyScorecard } from '../domain/measures/index.js';
import { monthPeriod } from '../domain/measures/index.js';
import { sortTicketEvents, type TicketEvent } from '../domain/tickets/index.js';

export interface StoredScorecard {
  readonly scorecard: MonthlyScorecard;
  readonly contractVersion: number;
  readonly contractSha256: string;
}

/**
 * The month's scorecard from stored tickets, outages and vendor reports, under the contract
 * version in force for that month, with running clocks evaluated at `asOf`.
 */
export async function scorecardForMonth(store: StoreSession, contractId: string, month: string, asOf: number): Promise<StoredScorecard> {
  const { loaded, version } = await loadStoredContract(store, contractId, { month });
  const contract = loaded.contract;
  const period = monthPeriod(month, contract.timezone);
  // Every ticket created before the month ends can settle in it (a clock stops, or a running one breaches).
  async function* tickets(): AsyncIterable<readonly TicketEvent[]> {
    for await (const stored of store.tickets.streamTickets(contractId, { filter: { range: { fromAt: 0, toAt: period.endAt }, by: 'created' } })) {
      yield sortTicketEvents(stored.events);
    }
  }
  const [outages, vendorReports] = await Promise.all([
    store.outages.listOutages(contractId, { overlapping: { fromAt: period.startAt, toAt: period.endAt } }),
    store.vendorReports.listVendorReports(contractId, { month }),
  ]);
  const scorecard = await computeScorecard({ contract, month, asOf, tickets: tickets(), outages, vendorReports });
  return { scorecard, contractVersion: version.version, contractSha256: version.sha256 };
}
