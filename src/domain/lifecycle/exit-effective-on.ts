/**
 * The effective date of a termination, from how and when notice was given: an explicit
 * date wins; otherwise non-renewal ends service with the period the notice stops,
 * convenience takes the clause's notice, and a for-cause ground adds its cure and notice.
 */
import type { Contract } from '../contract/schema/contract-schema.js';
import type { CauseGround } from '../contract/schema/term.js';
import { addDays, type LocalDate } from '../time/local-date.js';
import { causeEffectiveOn } from './cause-effective-on.js';
import { evaluateOptOutNotice } from './evaluate-opt-out-notice.js';
import { lifecycleInputError } from './lifecycle-input-error.js';
import { noticeEffectiveOn } from './term-dates.js';
import type { Party } from './termination-evidence.js';

export type TerminationGround = CauseGround | 'convenience' | 'non-renewal';

export interface TerminationNotice {
  readonly noticeOn: LocalDate;
  readonly ground?: TerminationGround;
  /** The party giving notice (picks the convenience clause when there are several). */
  readonly by?: Party;
  /** When known (agreed, or decided elsewhere): wins over the computed date. */
  readonly effectiveOn?: LocalDate;
}

/**
 * Northstar, `{ noticeOn: '2027-05-01', ground: 'convenience', by: 'client' }`: effective
 * 2027-07-30 (90d); `{ noticeOn: '2028-11-03', ground: 'non-renewal' }`: too late for the
 * 2029 renewal, so effective 2030-01-01 (service ends 2029-12-31).
 */
export function exitEffectiveOn(contract: Contract, notice: TerminationNotice): { effectiveOn: LocalDate; reading: string } {
  if (notice.effectiveOn !== undefined) return { effectiveOn: notice.effectiveOn, reading: 'effective date as given' };
  const term = contract.term;
  const fail = (message: string, hint: string) => lifecycleInputError([{ message, path: ['ground'], hint }], 'USAGE');
  if (!term || notice.ground === undefined) throw fail('cannot tell when the termination takes effect', 'give effectiveOn, or a ground the contract has a clause for');
  if (notice.ground === 'non-renewal') {
    const result = evaluateOptOutNotice(term, notice.noticeOn);
    return { effectiveOn: addDays(result.serviceEndsOn, 1), reading: result.explanation };
  }
  if (notice.ground === 'convenience') {
    const clauses = term.termination?.forConvenience ?? [];
    const clause = clauses.find((c) => notice.by === undefined || c.by === notice.by || c.by === 'either');
    if (!clause) throw fail(`the contract has no termination for convenience${notice.by ? ` by the ${notice.by}` : ''}`, 'give effectiveOn, or another ground');
    const effectiveOn = noticeEffectiveOn(notice.noticeOn, clause.notice);
    return { effectiveOn, reading: `notice on ${notice.noticeOn} + ${clause.notice.text} notice` };
  }
  const clause = (term.termination?.forCause ?? []).find((c) => c.ground === notice.ground);
  if (!clause) throw fail(`the contract has no termination for ${notice.ground}`, 'give effectiveOn, or a ground listed under term.termination.forCause');
  const dates = causeEffectiveOn(clause, notice.noticeOn);
  return { effectiveOn: dates.effectiveOn, reading: dates.reading };
}
