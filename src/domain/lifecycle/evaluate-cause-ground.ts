/**
 * The evidence test of each for-cause ground on a day: which records open it and since
 * when. Grounds that lapse: non-payment (on payment), material breach (cured), insolvency
 * (ended), force majeure (over). Missed service levels and data breaches cannot be undone,
 * and the contract format has no waiver period, so those grounds stay open once opened.
 */
import type { ForCauseTermination } from '../contract/schema/term.js';
import { addCalendarDuration, describeDuration } from '../time/duration.js';
import { addDays, type LocalDate } from '../time/local-date.js';
import { localDateOf } from '../time/zone.js';
import type { CauseEvidence, CauseStatus, UnpaidInvoiceStatus } from './cause-right.js';
import { findSustainedFailures } from './find-sustained-failure.js';
import type { CauseEventKind, Party, TerminationEvidence } from './termination-evidence.js';

export interface GroundFinding {
  readonly status: CauseStatus;
  readonly openSince?: LocalDate;
  readonly reason: string;
  readonly evidence: readonly CauseEvidence[];
  /** The party the open evidence concerns, when it says. */
  readonly concerns?: Party;
}

function earliest(dates: readonly LocalDate[]): LocalDate | undefined {
  return dates.length === 0 ? undefined : [...dates].sort()[0];
}

function performanceGround(clause: ForCauseTermination, evidence: TerminationEvidence, asOf: LocalDate): GroundFinding {
  const trigger = clause.trigger?.serviceLevelsMissed;
  if (!trigger) return { status: 'not-evaluated', reason: 'the clause gives no trigger (serviceLevelsMissed), so it cannot be tested from the results', evidence: [] };
  const failures = findSustainedFailures(evidence.monthlyServiceLevels ?? [], trigger, asOf);
  if (failures.length === 0) return { status: 'not-open', reason: 'no run or window of missed months meets the trigger in the months over by asOf', evidence: [] };
  const openSince = earliest(failures.map((f) => f.openedOn))!;
  const first = failures.find((f) => f.openedOn === openSince)!;
  return { status: 'open', openSince, reason: `service levels missed in ${first.ruleText} (${first.windowFrom} to ${first.windowTo})`, evidence: failures.map((f) => ({ kind: 'missed-months', ...f })) };
}

function nonPaymentGround(clause: ForCauseTermination, evidence: TerminationEvidence, asOf: LocalDate): GroundFinding {
  const items: CauseEvidence[] = [];
  for (const inv of evidence.unpaidInvoices ?? []) {
    // Paid by the end of cureEndsOn is in time; unpaid after it opens the ground the next day.
    const afterDue = addDays(inv.dueOn, clause.trigger?.unpaidDays ?? 0);
    const cureEndsOn = clause.cure ? addCalendarDuration(afterDue, clause.cure) : afterDue;
    const paid = inv.paidOn !== undefined && inv.paidOn <= asOf;
    const status: UnpaidInvoiceStatus = paid
      ? inv.paidOn! <= cureEndsOn
        ? 'paid-in-time'
        : 'paid-late'
      : asOf > cureEndsOn
        ? 'open'
        : asOf > inv.dueOn
          ? 'within-cure'
          : 'not-due';
    items.push({ kind: 'unpaid-invoice', id: inv.id, dueOn: inv.dueOn, amount: inv.amount, ...(paid ? { paidOn: inv.paidOn } : {}), cureEndsOn, status });
  }
  const open = items.filter((e): e is Extract<CauseEvidence, { kind: 'unpaid-invoice' }> => e.kind === 'unpaid-invoice' && e.status === 'open');
  if (open.length === 0) {
    const late = items.filter((e) => e.kind === 'unpaid-invoice' && e.status === 'paid-late').length;
    return { status: 'not-open', reason: late > 0 ? `no invoice is unpaid past its cure period; ${late} paid late, which ended the right` : 'no invoice is unpaid past its due date plus the cure period', evidence: items };
  }
  const openSince = earliest(open.map((e) => addDays(e.cureEndsOn, 1)))!;
  return { status: 'open', openSince, reason: `${open.map((e) => e.id).join(', ')} unpaid after the due date + ${clause.cure ? describeDuration(clause.cure) : 'no'} cure`, evidence: items, concerns: 'client' };
}

function breachGround(evidence: TerminationEvidence, asOf: LocalDate, zone: string): GroundFinding {
  const items: CauseEvidence[] = [];
  for (const incident of evidence.breachIncidents ?? []) {
    const discoveredOn = localDateOf(incident.discoveredAt, zone);
    if (incident.clientDataInvolved && discoveredOn <= asOf) items.push({ kind: 'breach-incident', id: incident.id, discoveredOn, discoveredAt: incident.discoveredAt });
  }
  if (items.length === 0) return { status: 'not-open', reason: 'no breach incident involving client data was discovered by asOf', evidence: [] };
  const openSince = earliest(items.map((e) => (e.kind === 'breach-incident' ? e.discoveredOn : asOf)))!;
  return { status: 'open', openSince, reason: `${items.length} breach incident${items.length === 1 ? '' : 's'} involving client data`, evidence: items, concerns: 'vendor' };
}

function eventGround(kind: CauseEventKind, clause: ForCauseTermination, evidence: TerminationEvidence, asOf: LocalDate): GroundFinding {
  const items: CauseEvidence[] = [];
  for (const event of evidence.events ?? []) {
    if (event.kind !== kind || event.startedOn > asOf) continue;
    // Insolvency or breach of the terminating party itself gives it no right (force majeure may hit either).
    if (kind !== 'force-majeure' && event.party !== undefined && clause.by !== 'either' && event.party === clause.by) continue;
    // Force majeure opens once it has lasted longer than `after`: still going on startedOn + after.
    const opensOn = kind === 'force-majeure' && clause.after ? addCalendarDuration(event.startedOn, clause.after) : event.startedOn;
    const lapsed = event.endedOn !== undefined && event.endedOn < (opensOn > asOf ? opensOn : asOf);
    items.push({ kind: 'event', event, opensOn, lapsed });
  }
  const open = items.filter((e): e is Extract<CauseEvidence, { kind: 'event' }> => e.kind === 'event' && !e.lapsed && e.opensOn <= asOf);
  const words = kind.replace('-', ' ');
  if (open.length === 0) {
    const waiting = items.some((e) => e.kind === 'event' && !e.lapsed);
    const reason = waiting ? `${words} has not yet lasted longer than ${describeDuration(clause.after!)}` : items.length > 0 ? `the ${words} recorded ended by asOf` : `no ${words} is recorded`;
    return { status: 'not-open', reason, evidence: items };
  }
  const openSince = earliest(open.map((e) => e.opensOn))!;
  const concerns = open.find((e) => e.event.party !== undefined)?.event.party;
  return { status: 'open', openSince, reason: open.map((e) => e.event.description).join('; '), evidence: items, ...(concerns ? { concerns } : {}) };
}

/**
 * Northstar's `non-payment` clause (15d cure) with INV-3 due 2027-03-31 and unpaid: on
 * 2027-04-15 INV-3 is `within-cure` (ground not open), on 2027-04-16 it is `open`, since 2027-04-16.
 */
export function evaluateCauseGround(clause: ForCauseTermination, evidence: TerminationEvidence, asOf: LocalDate, zone: string): GroundFinding {
  switch (clause.ground) {
    case 'sustained-performance-failure':
      return performanceGround(clause, evidence, asOf);
    case 'non-payment':
      return nonPaymentGround(clause, evidence, asOf);
    case 'data-breach':
      return breachGround(evidence, asOf, zone);
    case 'material-breach':
    case 'insolvency':
    case 'force-majeure':
      return eventGround(clause.ground, clause, evidence, asOf);
    case 'change-of-control':
    case 'regulatory':
      return { status: 'not-evaluated', reason: `SupportPact records no evidence for ${clause.ground.replace(/-/g, ' ')}; check it by hand`, evidence: [] };
  }
}
