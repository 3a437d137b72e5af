import type { StoreSession } from './ports/index.js';
import { loadStoredContract } from './load-stored-contract.js';
import { monthPeriod } from '../domain/measures/index.js';
import { buildTicketTimeline, compileSlaPolicy, evaluateTicketClocks, type TicketClocks } from '../domain/sla/index.js';
import { sortTicketEvents } from '../domain/tickets/index.js';
import { todayIn } from '../domain/time/index.js';

export interface TicketClockFilter {
  /** Only tickets with a clock in this state at asOf. */
  readonly status?: 'breached' | 'at-risk' | 'running' | 'paused';
  /** Only tickets created in this month (YYYY-MM). */
  readonly month?: string;
  readonly limit?: number;
}

export interface TicketClockList {
  readonly contractVersion: number;
  readonly asOf: number;
  readonly total: number;
  readonly tickets: readonly TicketClocks[];
}

/**
 * Tickets with their clocks at `asOf`, optionally only those breached / at risk, or created
 * in a month. For `breached`, a clock counts when it breached (settled or still running).
 */
export async function listTicketClocks(store: StoreSession, contractId: string, filter: TicketClockFilter, asOf: number): Promise<TicketClockList> {
  const latest = await loadStoredContract(store, contractId);
  const zone = latest.loaded.contract.timezone;
  const { loaded, version } = await loadStoredContract(store, contractId, filter.month ? { month: filter.month } : { on: todayIn(asOf, zone) });
  const policy = compileSlaPolicy(loaded.contract);
  const period = filter.month ? monthPeriod(filter.month, zone) : undefined;
  const range = period ? { fromAt: period.startAt, toAt: period.endAt } : { fromAt: 0, toAt: asOf + 1 };
  const tickets: TicketClocks[] = [];
  let total = 0;
  const limit = filter.limit ?? 500;
  for await (const stored of store.tickets.streamTickets(contractId, { filter: { range, by: 'created' } })) {
    const events = sortTicketEvents(stored.events).filter((e) => e.at <= asOf);
    const timeline = buildTicketTimeline(events, policy);
    if (!timeline) continue;
    const clocks = evaluateTicketClocks(policy, timeline, asOf);
    if (filter.status && !clocks.clocks.some((c) => c.status === filter.status)) continue;
    total++;
    if (tickets.length < limit) tickets.push(clocks);
  }
  return { contractVersion: version.version, asOf, total, tickets };
}
