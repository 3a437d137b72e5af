import { createHash } from 'node:crypto';
import type { StoreSession, StoredTicket } from './ports/index.js';
import { contractBusinessDays } from './contract-business-days.js';
import { loadStoredContract } from './load-stored-contract.js';
import { chooseDataMonths, contractCoveringMonths, countCreatedByMonth, settleBacktestSide, type BacktestSide } from '../domain/compare/index.js';
import type { LoadedContract } from '../domain/contract/parse-contract.js';
import type { Contract } from '../domain/contract/schema/contract-schema.js';
import { MonthlyScorecardBuilder, monthPeriod } from '../domain/measures/index.js';
import { buildTicketTimeline, compileSlaPolicy, evaluateTicketClocks } from '../domain/sla/index.js';
import { sortTicketEvents, type Outage, type TicketEvent, type VendorReportDelivery } from '../domain/tickets/index.js';
import { formatInZone } from '../domain/time/index.js';

/** A contract taking part in a backtest, with the version its invoices record. */
export interface BacktestContract {
  readonly loaded: LoadedContract;
  /** Lower-case hex SHA-256 of the file's text (a stored version's own). */
  readonly sha256: string;
  readonly version?: number;
}

export interface BacktestInput {
  readonly proposal: BacktestContract;
  /** The contract in force over the history, to show what actually happened beside the proposal. */
  readonly current?: BacktestContract;
  /** Each ticket's events, one ticket at a time (sorted here). Read once: both contracts are measured in the same pass. */
  readonly tickets: AsyncIterable<readonly TicketEvent[]> | Iterable<readonly TicketEvent[]>;
  /** Service months to settle, in order. */
  readonly months: readonly string[];
  /** "Now" for clocks still running; default the end of the last month (in the current contract's zone, else the proposal's). */
  readonly asOf?: number;
  readonly outages?: readonly Outage[];
  readonly vendorReports?: readonly VendorReportDelivery[];
  /** Where the tickets came from, in words: `stored tickets of uci-servicenow-2016`. */
  readonly basis: string;
  /** Notes from choosing the months (edge months left out). */
  readonly notes?: readonly string[];
}

export interface BacktestResult {
  readonly basis: string;
  readonly months: readonly string[];
  readonly asOf: number;
  readonly zone: string;
  readonly ticketsRead: number;
  readonly proposal: BacktestSide;
  readonly current?: BacktestSide;
  readonly notes: readonly string[];
}

const nativeSha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

interface Side {
  readonly contract: Contract;
  readonly input: BacktestContract;
  readonly policy: ReturnType<typeof compileSlaPolicy>;
  readonly builders: readonly MonthlyScorecardBuilder[];
  readonly note?: string;
}

/**
 * Re-measures history under a proposal and, beside it, the current contract: every ticket is
 * read once, its clocks evaluated under each contract's calendars and targets, and added to
 * each month's scorecard; then each contract's months are settled (credits, invoices). A
 * proposal whose term does not cover the months is priced as if it had started with them.
 */
export async function backtestProposal(input: BacktestInput): Promise<BacktestResult> {
  const { months } = input;
  const zone = (input.current ?? input.proposal).loaded.contract.timezone;
  const last = months[months.length - 1];
  if (last === undefined) throw new RangeError('a backtest needs at least one month');
  const asOf = input.asOf ?? monthPeriod(last, zone).endAt;
  const sides: Side[] = [input.proposal, ...(input.current ? [input.current] : [])].map((side) => {
    const covered = contractCoveringMonths(side.loaded.contract, months);
    const policy = compileSlaPolicy(covered.contract);
    return { contract: covered.contract, input: side, policy, builders: months.map((m) => new MonthlyScorecardBuilder(covered.contract, policy, m, asOf)), ...(covered.note ? { note: covered.note } : {}) };
  });

  let ticketsRead = 0;
  const addTicket = (all: readonly TicketEvent[]): void => {
    ticketsRead++;
    const sorted = sortTicketEvents(all);
    // Only what was known at asOf, as a scorecard run then would have seen it.
    const events = sorted.length > 0 && sorted[sorted.length - 1]!.at > asOf ? sorted.filter((e) => e.at <= asOf) : sorted;
    for (const side of sides) {
      const timeline = buildTicketTimeline(events, side.policy);
      if (!timeline) continue;
      const result = evaluateTicketClocks(side.policy, timeline, asOf);
      for (const builder of side.builders) if (timeline.createdAt < builder.period.endAt) builder.addTicket(timeline, result.clocks, result.priority);
    }
  };
  const tickets = input.tickets;
  if (Symbol.asyncIterator in tickets) for await (const t of tickets) addTicket(t);
  else for (const t of tickets) addTicket(t);

  const settled = sides.map((side) => {
    for (const builder of side.builders) {
      builder.addOutages(input.outages ?? []);
      builder.addVendorReports(input.vendorReports ?? []);
    }
    return settleBacktestSide(side.contract, { sha256: side.input.sha256, ...(side.input.version !== undefined ? { version: side.input.version } : {}) }, side.builders.map((b) => b.build()), {
      isBusinessDay: contractBusinessDays(side.contract).isBusinessDay,
      sha256: nativeSha256,
      ...(side.note ? { notes: [side.note] } : {}),
    });
  });
  return {
    basis: input.basis,
    months,
    asOf,
    zone,
    ticketsRead,
    proposal: settled[0]!,
    ...(settled[1] ? { current: settled[1] } : {}),
    notes: [...(input.notes ?? []), `Clocks still running are judged as of ${formatInZone(asOf, zone).slice(0, 16).replace('T', ' ')} (${zone}), the end of ${last}.`],
  };
}

/**
 * A backtest on a stored contract's tickets: `backtestStoredTickets(store, { proposal,
 * contractId: 'uci-servicenow-2016' })` measures the proposal beside the stored contract on
 * its stored tickets. With `from` and `to` the tickets stream through with flat memory;
 * without them the tickets are read once into memory to find the months with data (edge
 * months with under a tenth of the busiest month's tickets are left out, and said so).
 */
export async function backtestStoredTickets(
  store: StoreSession,
  request: { readonly proposal: BacktestContract; readonly contractId: string; readonly from?: string; readonly to?: string; readonly asOf?: number },
): Promise<BacktestResult> {
  const { loaded, version } = await loadStoredContract(store, request.contractId);
  const zone = loaded.contract.timezone;
  const stream = (toAt: number): AsyncIterable<StoredTicket> => store.tickets.streamTickets(request.contractId, { filter: { range: { fromAt: 0, toAt }, by: 'created' } });
  let months: readonly string[];
  let tickets: AsyncIterable<readonly TicketEvent[]> | (readonly TicketEvent[])[];
  let notes: readonly string[] = [];
  if (request.from !== undefined && request.to !== undefined) {
    months = chooseDataMonths(new Map(), { from: request.from, to: request.to }).months;
    // Every ticket created before the last month ends can settle in a backtest month.
    const toAt = Math.max(monthPeriod(months[months.length - 1]!, zone).endAt, request.asOf ?? 0);
    tickets = (async function* () {
      for await (const stored of stream(toAt)) yield stored.events;
    })();
  } else {
    const all: (readonly TicketEvent[])[] = [];
    const created: number[] = [];
    for await (const stored of stream(Number.MAX_SAFE_INTEGER)) {
      all.push(stored.events);
      created.push(stored.header.createdAt);
    }
    const chosen = chooseDataMonths(countCreatedByMonth(created, zone), { ...(request.from ? { from: request.from } : {}), ...(request.to ? { to: request.to } : {}) });
    ({ months, notes } = chosen);
    tickets = all;
  }
  const first = monthPeriod(months[0]!, zone);
  const last = monthPeriod(months[months.length - 1]!, zone);
  const [outages, vendorReports] = await Promise.all([
    store.outages.listOutages(request.contractId, { overlapping: { fromAt: first.startAt, toAt: last.endAt } }),
    Promise.all(months.map((month) => store.vendorReports.listVendorReports(request.contractId, { month }))).then((lists) => lists.flat()),
  ]);
  return backtestProposal({
    proposal: request.proposal,
    current: { loaded, sha256: version.sha256, version: version.version },
    tickets,
    months,
    ...(request.asOf !== undefined ? { asOf: request.asOf } : {}),
    outages,
    vendorReports,
    basis: `stored tickets of ${request.contractId} (contract version ${version.version})`,
    notes,
  });
}
