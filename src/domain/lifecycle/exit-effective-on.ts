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
  const fail = (message: string, hint: string, path = 'ground') => lifecycleInputError([{ message, path: [path], hint }], 'USAGE');
  const known = term ? groundsWithClauses(term) : [];
  const either = known.length > 0 ? `give the agreed effective date, or one of the grounds this contract has a clause for: ${known.join(', ')}` : 'give the agreed effective date (the contract has no termination clauses)';
  if (!term || notice.ground === undefined) throw fail('cannot tell when the termination takes effect without a ground', either);
  if (notice.ground === 'non-renewal') {
    const result = evaluateOptOutNotice(term, notice.noticeOn);
    return { effectiveOn: addDays(result.serviceEndsOn, 1), reading: result.explanation };
  }
  if (notice.ground === 'convenience') {
    const clauses = (term.termination?.forConvenience ?? []).filter((c) => notice.by === undefined || c.by === notice.by || c.by === 'either');
    if (clauses.length === 0) throw fail(`the contract has no termination for convenience${notice.by ? ` by the ${notice.by}` : ''}`, either);
    // Without the party, the clauses must agree on the notice; else the date depends on who gave it.
    if (notice.by === undefined && new Set(clauses.map((c) => c.notice.text)).size > 1) {
      throw fail(
        `the contract's termination for convenience needs ${clauses.map((c) => `${c.notice.text} notice by the ${c.by === 'either' ? 'either party' : c.by}`).join(' and ')}: say which party gave notice`,
        'give the party giving notice (client or vendor), or the agreed effective date',
        'by',
      );
    }
    const clause = clauses[0]!;
    const effectiveOn = noticeEffectiveOn(notice.noticeOn, clause.notice);
    return { effectiveOn, reading: `notice on ${notice.noticeOn} + ${clause.notice.text} notice` };
  }
  const clause = (term.termination?.forCause ?? []).find((c) => c.ground === notice.ground);
  if (!clause) throw fail(`the contract has no termination for ${notice.ground}`, either);
  const dates = causeEffectiveOn(clause, notice.noticeOn);
  return { effectiveOn: dates.effectiveOn, reading: dates.reading };
}

/** The grounds a notice can name under this term, in the contract's order: non-renewal (when it renews), convenience, then each for-cause ground. */
function groundsWithClauses(term: NonNullable<Contract['term']>): TerminationGround[] {
  const grounds: TerminationGround[] = [];
  if (term.renewal) grounds.push('non-renewal');
  if ((term.termination?.forConvenience ?? []).length > 0) grounds.push('convenience');
  for (const clause of term.termination?.forCause ?? []) if (!grounds.includes(clause.ground)) grounds.push(clause.ground);
  return grounds;
}
