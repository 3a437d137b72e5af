/**
 * Every termination right on a day: each for-cause ground (open or not, since when, on
 * which evidence, who may terminate, the earliest effective date of notice given that day)
 * and each termination for convenience (notice, effective date, fee).
 */
import type { Contract } from '../contract/schema/contract-schema.js';
import type { ForCauseTermination, ForConvenienceTermination } from '../contract/schema/term.js';
import type { Problem } from '../errors/index.js';
import { parseMoney, type Money } from '../money/index.js';
import type { Duration } from '../time/duration.js';
import { addDays, type LocalDate } from '../time/local-date.js';
import { causeEffectiveOn } from './cause-effective-on.js';
import type { CauseRight } from './cause-right.js';
import { evaluateCauseGround } from './evaluate-cause-ground.js';
import { checkEpochSeconds, checkLocalDate, lifecycleInputError } from './lifecycle-input-error.js';
import { computeMonthsOfFees } from './months-of-fees.js';
import { noticeEffectiveOn } from './term-dates.js';
import { termPeriodOn, type TermPeriod } from './term-periods.js';
import type { Party, TerminationEvidence } from './termination-evidence.js';
import { joinNotes, weekendNote } from './weekend-note.js';

export interface ConvenienceRight {
  /** `'term.termination.forConvenience[0]'`. */
  readonly clause: string;
  readonly by: 'client' | 'vendor' | 'either';
  readonly mayTerminate: readonly Party[];
  readonly notice: Duration;
  /** Notice given on asOf: */
  readonly noticeGivenOn: LocalDate;
  readonly effectiveOn: LocalDate;
  readonly lastServiceOn: LocalDate;
  /** The fee the terminating party pays; absent when the clause has none. */
  readonly fee?: { readonly amount?: Money; readonly basis: string };
  readonly note?: string;
}

export interface TerminationRights {
  readonly asOf: LocalDate;
  /** The term period in force on asOf (absent before the start or after the end). */
  readonly period?: TermPeriod;
  readonly forCause: readonly CauseRight[];
  readonly forConvenience: readonly ConvenienceRight[];
}

function mayTerminate(by: 'client' | 'vendor' | 'either', concerns?: Party): Party[] {
  if (by !== 'either') return [by];
  if (concerns === 'client') return ['vendor'];
  if (concerns === 'vendor') return ['client'];
  return ['client', 'vendor'];
}

function afterTermNote(effectiveOn: LocalDate, period: TermPeriod | undefined): string | undefined {
  if (!period || effectiveOn <= addDays(period.endOn, 1)) return undefined;
  return `the current period ends on ${period.endOn}, before this date${period.renewsAfter ? '; the notice runs on only if the term renews' : ' and no renewal follows'}`;
}

function checkEvidence(evidence: TerminationEvidence, asOf: LocalDate): void {
  const problems: Problem[] = [];
  checkLocalDate(asOf, ['asOf'], problems);
  for (const [i, inv] of (evidence.unpaidInvoices ?? []).entries()) {
    checkLocalDate(inv.dueOn, ['unpaidInvoices', i, 'dueOn'], problems);
    if (inv.paidOn !== undefined) checkLocalDate(inv.paidOn, ['unpaidInvoices', i, 'paidOn'], problems);
  }
  for (const [i, e] of (evidence.events ?? []).entries()) {
    checkLocalDate(e.startedOn, ['events', i, 'startedOn'], problems);
    if (e.endedOn !== undefined) checkLocalDate(e.endedOn, ['events', i, 'endedOn'], problems);
  }
  for (const [i, b] of (evidence.breachIncidents ?? []).entries()) checkEpochSeconds(b.discoveredAt, ['breachIncidents', i, 'discoveredAt'], problems);
  if (problems.length > 0) throw lifecycleInputError(problems);
}

function evaluateCause(contract: Contract, clause: ForCauseTermination, index: number, evidence: TerminationEvidence, asOf: LocalDate, period: TermPeriod | undefined): CauseRight {
  const finding = evaluateCauseGround(clause, evidence, asOf, contract.timezone);
  const base = {
    ground: clause.ground,
    clause: `term.termination.forCause[${index}]`,
    status: finding.status,
    ...(finding.openSince ? { openSince: finding.openSince } : {}),
    reason: finding.reason,
    evidence: finding.evidence,
    by: clause.by,
    mayTerminate: mayTerminate(clause.by, finding.concerns),
    notice: clause.notice,
    ...(clause.cure ? { cure: clause.cure } : {}),
  };
  if (finding.status !== 'open') return base;
  const dates = causeEffectiveOn(clause, asOf);
  const note = joinNotes([weekendNote(dates.effectiveOn), afterTermNote(dates.effectiveOn, period)]);
  return {
    ...base,
    ...(dates.cureEndsOn ? { cureEndsOn: dates.cureEndsOn } : {}),
    earliestEffectiveOn: dates.effectiveOn,
    lastServiceOn: dates.lastServiceOn,
    effectiveReading: dates.reading,
    ...(note ? { note } : {}),
  };
}

function convenienceFee(contract: Contract, clause: ForConvenienceTermination, evidence: TerminationEvidence): ConvenienceRight['fee'] {
  const fee = clause.fee;
  if (!fee) return undefined;
  if (fee.amount !== undefined) return { amount: parseMoney(fee.amount, contract.currency, { excessDecimals: contract.pricing?.rounding ?? 'half-up' }), basis: 'fixed amount in the clause' };
  const months = fee.months as number;
  const trailing = evidence.trailingMonthlyFees ?? [];
  if (trailing.length === 0) return { basis: `${months} month${months === 1 ? '' : 's'} of fees; pass trailingMonthlyFees to compute the amount` };
  const computed = computeMonthsOfFees(trailing, months, contract.currency, contract.pricing?.rounding ?? 'half-up');
  return { amount: computed.amount, basis: computed.basis };
}

/**
 * Northstar on 2027-07-15 with misses in 2027-04, 05 and 06: `sustained-performance-failure`
 * is `open` since 2027-07-01 (3 consecutive months), the client may terminate, and notice
 * given that day takes effect 2027-08-14 (30d notice). For convenience the client's 90d
 * notice takes effect 2027-10-13, with a fee of 1 month of fees.
 */
export function evaluateTerminationRights(contract: Contract, evidence: TerminationEvidence, asOf: LocalDate): TerminationRights {
  checkEvidence(evidence, asOf);
  const term = contract.term;
  const period = term ? termPeriodOn(term, asOf) : undefined;
  const forCause = (term?.termination?.forCause ?? []).map((clause, i) => evaluateCause(contract, clause, i, evidence, asOf, period));
  const forConvenience = (term?.termination?.forConvenience ?? []).map((clause, i): ConvenienceRight => {
    const effectiveOn = noticeEffectiveOn(asOf, clause.notice);
    const fee = convenienceFee(contract, clause, evidence);
    const note = joinNotes([weekendNote(effectiveOn), afterTermNote(effectiveOn, period)]);
    return {
      clause: `term.termination.forConvenience[${i}]`,
      by: clause.by,
      mayTerminate: mayTerminate(clause.by),
      notice: clause.notice,
      noticeGivenOn: asOf,
      effectiveOn,
      lastServiceOn: addDays(effectiveOn, -1),
      ...(fee ? { fee } : {}),
      ...(note ? { note } : {}),
    };
  });
  return { asOf, ...(period ? { period } : {}), forCause, forConvenience };
}
