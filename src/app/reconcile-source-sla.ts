import type { StoreSession } from './ports/index.js';
import { loadStoredContract } from './load-stored-contract.js';
import { monthPeriod } from '../domain/measures/index.js';
import { buildTicketTimeline, compileSlaPolicy, evaluateTicketClocks } from '../domain/sla/index.js';
import { sortTicketEvents } from '../domain/tickets/index.js';

/** One way our verdict and the source system's can differ, with the tickets that show it. */
export interface DisagreementGroup {
  readonly reason: string;
  readonly count: number;
  readonly examples: readonly string[];
}

export interface Reconciliation {
  readonly compared: number;
  readonly agree: number;
  readonly agreementPercent: string;
  /** We say met, the source says breached; and the reverse. */
  readonly weMetTheyBreached: number;
  readonly weBreachedTheyMet: number;
  readonly withoutVerdict: { readonly noSourceFlag: number; readonly noResolutionClock: number; readonly stillRunning: number };
  readonly byPriority: readonly { readonly priority: string; readonly compared: number; readonly agree: number; readonly oursMet: number; readonly theirsMet: number }[];
  /** What the disagreeing tickets have in common (a ticket can show several). */
  readonly reasons: readonly DisagreementGroup[];
}

function percent(n: number, d: number): string {
  return d === 0 ? '—' : `${((n * 100) / d).toFixed(2)}%`;
}

/**
 * Compares our resolution verdict per ticket with the source system's own flag (for the UCI
 * log, ServiceNow's `made_sla`), without tuning anything to it: the agreement rate overall
 * and by priority, and what the disagreeing tickets have in common.
 */
export async function reconcileSourceSla(store: StoreSession, contractId: string, asOf: number, options: { month?: string } = {}): Promise<Reconciliation> {
  const { loaded } = await loadStoredContract(store, contractId);
  const contract = loaded.contract;
  const policy = compileSlaPolicy(contract);
  const period = options.month ? monthPeriod(options.month, contract.timezone) : undefined;
  let compared = 0;
  let agree = 0;
  let weMetTheyBreached = 0;
  let weBreachedTheyMet = 0;
  let noSourceFlag = 0;
  let noResolutionClock = 0;
  let stillRunning = 0;
  const byPriority = new Map<string, { compared: number; agree: number; oursMet: number; theirsMet: number }>();
  const reasons = new Map<string, { count: number; examples: string[] }>();
  const note = (reason: string, ticket: string): void => {
    const group = reasons.get(reason) ?? { count: 0, examples: [] };
    group.count++;
    if (group.examples.length < 8) group.examples.push(ticket);
    reasons.set(reason, group);
  };
  const range = period ? { fromAt: period.startAt, toAt: period.endAt } : { fromAt: 0, toAt: asOf + 1 };
  for await (const stored of store.tickets.streamTickets(contractId, { filter: { range, by: 'created' } })) {
    const theirs = stored.header.sourceSla?.resolutionMet;
    if (theirs === undefined) {
      noSourceFlag++;
      continue;
    }
    const timeline = buildTicketTimeline(sortTicketEvents(stored.events), policy);
    if (!timeline) continue;
    const result = evaluateTicketClocks(policy, timeline, asOf);
    const resolution = result.clocks.filter((c) => c.metric === 'resolution');
    if (resolution.length === 0) {
      noResolutionClock++;
      continue;
    }
    if (resolution.some((c) => c.met === undefined && c.status !== 'breached')) {
      stillRunning++;
      continue;
    }
    const ours = resolution.every((c) => c.status === 'met');
    compared++;
    const priority = result.priority ?? 'unmapped';
    const tally = byPriority.get(priority) ?? { compared: 0, agree: 0, oursMet: 0, theirsMet: 0 };
    tally.compared++;
    if (ours) tally.oursMet++;
    if (theirs) tally.theirsMet++;
    if (ours === theirs) {
      agree++;
      tally.agree++;
    } else {
      if (ours) weMetTheyBreached++;
      else weBreachedTheyMet++;
      const direction = ours ? 'we say met, they say breached' : 'we say breached, they say met';
      note(`${direction}: priority ${priority}`, stored.header.ticket);
      if (timeline.pauses.length > 0) note(`${direction}: the ticket waited in a paused status (we do not count paused time)`, stored.header.ticket);
      if (timeline.reopens.length > 0) note(`${direction}: the ticket was reopened`, stored.header.ticket);
      if (timeline.priorities.length > 1) note(`${direction}: the priority changed`, stored.header.ticket);
      if (timeline.solvedAt.length === 0) note(`${direction}: closed without a resolution`, stored.header.ticket);
    }
    byPriority.set(priority, tally);
  }
  return {
    compared,
    agree,
    agreementPercent: percent(agree, compared),
    weMetTheyBreached,
    weBreachedTheyMet,
    withoutVerdict: { noSourceFlag, noResolutionClock, stillRunning },
    byPriority: [...byPriority.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([priority, t]) => ({ priority, ...t })),
    reasons: [...reasons.entries()].map(([reason, g]) => ({ reason, count: g.count, examples: g.examples })).sort((a, b) => b.count - a.count),
  };
}
