import { noTurns, type TakeTurn } from './event-loop-turns.js';
import type { StoreSession, StoredTicketFacts, StoredTicketHeader } from './ports/index.js';
import { loadStoredContract } from './load-stored-contract.js';
import type { Contract } from '../domain/contract/schema/contract-schema.js';
import { MonthIndex, ScorecardRules } from '../domain/measures/index.js';
import { buildTicketTimeline, compileSlaPolicy, evaluateTicketClocks, type SlaPolicy } from '../domain/sla/index.js';
import { sortTicketEvents, type TicketEvent } from '../domain/tickets/index.js';

/**
 * Turns tickets' events into stored facts under one contract version: the clocks are
 * evaluated at each ticket's last event (facts of a ticket with no running clock do not
 * change with as-of after that).
 */
export class TicketFactsMaterializer {
  private readonly policy: SlaPolicy;
  private readonly rules: ScorecardRules;
  private readonly months: MonthIndex;

  constructor(
    contract: Contract,
    readonly contractVersion: number,
  ) {
    this.policy = compileSlaPolicy(contract);
    this.rules = new ScorecardRules(contract, this.policy);
    this.months = new MonthIndex(contract.timezone);
  }

  /** One ticket's stored facts, from its events (any order); undefined without a `created` event. */
  rowOf(events: readonly TicketEvent[]): StoredTicketFacts | undefined {
    const sorted = sortTicketEvents(events);
    const timeline = buildTicketTimeline(sorted, this.policy);
    if (!timeline) return undefined;
    const lastEventAt = sorted[sorted.length - 1]?.at ?? timeline.createdAt;
    const result = evaluateTicketClocks(this.policy, timeline, lastEventAt);
    const facts = this.rules.factsOf(timeline, result.clocks, result.priority);
    const month = (at: number | undefined): number | undefined => (at === undefined ? undefined : this.months.monthOf(at));
    // A clock running at the last event breaches at a fixed instant unless another event
    // comes: the same clocks evaluated far ahead give it (a paused clock never breaches).
    const pendingClocks: StoredTicketFacts['pendingClocks'][number][] = [];
    let live = false;
    const running = result.clocks.filter((c) => c.settledAt === undefined && (c.status === 'running' || c.status === 'at-risk'));
    if (running.length > 0) {
      const ahead = evaluateTicketClocks(this.policy, timeline, lastEventAt + pendingHorizonSeconds).clocks;
      for (const clock of running) {
        const later = ahead.find((c) => c.metric === clock.metric && c.cycle === clock.cycle);
        if (later?.breachedAt === undefined || later.settledAt !== later.breachedAt) live = true;
        else pendingClocks.push({ metric: clock.metric, cycle: clock.cycle, priority: later.priority, breachAt: later.breachedAt, month: this.months.monthOf(later.breachedAt) });
      }
    }
    // A live ticket is evaluated from its events at read time: none of its clocks is pending here.
    if (live) pendingClocks.length = 0;
    return {
      facts,
      contractVersion: this.contractVersion,
      lastEventAt,
      createdMonth: this.months.monthOf(facts.createdAt),
      firstSolvedMonth: month(facts.firstSolvedAt),
      solvedMonth: month(facts.solvedAt),
      clockMonths: facts.settledClocks.map((c) => this.months.monthOf(c.settledAt)),
      pendingClocks,
      live,
    };
  }
}

/** How far past a ticket's last event a running clock's breach is looked for (beyond it, the ticket is evaluated at read time). */
const pendingHorizonSeconds = 400 * 86_400;

/** Materializers by contract text digest: parsing and compiling a contract is done once per text. */
const materializers = new Map<string, TicketFactsMaterializer>();
const maxCachedMaterializers = 32;

/** The materializer for a contract's latest version (cached by the version's sha256). */
export async function latestMaterializer(store: StoreSession, contractId: string): Promise<TicketFactsMaterializer> {
  const latest = await store.contracts.getContractVersion(contractId);
  const key = latest ? `${latest.sha256}:${latest.version}` : undefined;
  const cached = key === undefined ? undefined : materializers.get(key);
  if (cached) return cached;
  const { loaded, version } = await loadStoredContract(store, contractId);
  const made = new TicketFactsMaterializer(loaded.contract, version.version);
  if (materializers.size >= maxCachedMaterializers) materializers.delete(materializers.keys().next().value!);
  materializers.set(`${version.sha256}:${version.version}`, made);
  return made;
}

/** What a write of tickets and events reported, with what it wrote. */
export interface WrittenTicketBatch {
  readonly headers: readonly StoredTicketHeader[];
  readonly events: readonly TicketEvent[];
  readonly newTickets: number;
  readonly newEvents: number;
}

/**
 * Stores the facts of the tickets a committed write touched (the store deleted their old
 * facts in that write). A ticket whose header was new in the batch has no other events, so
 * when the whole batch was new its facts come from the batch's own events; the others (whose
 * earlier events are stored) are read back.
 */
export async function refreshFactsAfterWrite(store: StoreSession, contractId: string, materializer: TicketFactsMaterializer, batch: WrittenTicketBatch): Promise<number> {
  if (batch.newEvents === 0) return 0;
  const allNew = batch.newTickets === batch.headers.length && batch.newEvents === batch.events.length;
  const fresh = allNew ? await factsOfNewTickets(materializer, batch.headers, batch.events) : [];
  const covered = new Set(fresh.map((row) => row.facts.ticket));
  const readBack = new Set<string>();
  for (const event of batch.events) if (!covered.has(event.ticket)) readBack.add(event.ticket);
  // Tickets first stored by this write have no facts to delete: they are only inserted.
  await store.ticketFacts.insertTicketFacts(contractId, fresh);
  return fresh.length + (await refreshTicketFacts(store, contractId, [...readBack], materializer));
}

/**
 * Facts of the tickets whose header is among `headers`, from `events` alone: right when those
 * tickets are new (their events are then all in `events`), which the store checks before
 * storing them with the batch (ImportBatch.facts). Awaits `takeTurn` after each ticket.
 */
export async function factsOfNewTickets(
  materializer: TicketFactsMaterializer,
  headers: readonly StoredTicketHeader[],
  events: readonly TicketEvent[],
  takeTurn: TakeTurn = noTurns,
): Promise<StoredTicketFacts[]> {
  const byTicket = new Map<string, TicketEvent[]>();
  for (const header of headers) byTicket.set(header.ticket, []);
  for (const event of events) byTicket.get(event.ticket)?.push(event);
  const rows: StoredTicketFacts[] = [];
  for (const ticketEvents of byTicket.values()) {
    const row = materializer.rowOf(ticketEvents);
    if (row) rows.push(row);
    const turn = takeTurn();
    if (turn) await turn;
  }
  return rows;
}

/** Recomputes and stores the facts of the given tickets from their stored events. */
export async function refreshTicketFacts(store: StoreSession, contractId: string, tickets: readonly string[], materializer?: TicketFactsMaterializer): Promise<number> {
  if (tickets.length === 0) return 0;
  const m = materializer ?? (await latestMaterializer(store, contractId));
  const rows: StoredTicketFacts[] = [];
  for (const stored of await store.tickets.getTickets(contractId, tickets)) {
    const row = m.rowOf(stored.events);
    if (row) rows.push(row);
  }
  await store.ticketFacts.replaceTicketFacts(contractId, rows);
  return rows.length;
}

/**
 * Computes the facts of tickets that have none (a write whose facts were never stored, e.g. an
 * import killed between a batch and its facts), or of every ticket when some facts were made
 * under another contract version. Returns how many rows were written.
 */
export async function repairTicketFacts(store: StoreSession, contractId: string, onProgress?: (tickets: number) => void): Promise<number> {
  const m = await latestMaterializer(store, contractId);
  const status = await store.ticketFacts.factsStatus(contractId);
  if (status.versions.some((v) => v !== m.contractVersion)) return refreshAllTicketFacts(store, contractId, onProgress);
  if (status.ticketsWithFacts >= status.tickets) return 0;
  const missing = await store.ticketFacts.listTicketsWithoutFacts(contractId);
  let count = 0;
  for (let i = 0; i < missing.length; i += 5000) {
    count += await refreshTicketFacts(store, contractId, missing.slice(i, i + 5000), m);
    onProgress?.(count);
  }
  return count;
}

/**
 * Recomputes every ticket's facts under the contract's latest version (after a new version,
 * or to repair facts a crash left behind), streaming the tickets in pages.
 */
export async function refreshAllTicketFacts(store: StoreSession, contractId: string, onProgress?: (tickets: number) => void): Promise<number> {
  const m = await latestMaterializer(store, contractId);
  await store.ticketFacts.clearTicketFacts(contractId);
  let rows: StoredTicketFacts[] = [];
  let count = 0;
  for await (const stored of store.tickets.streamTickets(contractId, { pageSize: 2000 })) {
    const row = m.rowOf(stored.events);
    if (row) rows.push(row);
    if (rows.length >= 5000) {
      await store.ticketFacts.replaceTicketFacts(contractId, rows);
      count += rows.length;
      rows = [];
      onProgress?.(count);
    }
  }
  await store.ticketFacts.replaceTicketFacts(contractId, rows);
  count += rows.length;
  onProgress?.(count);
  return count;
}
