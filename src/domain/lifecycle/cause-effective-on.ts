/**
 * When a termination for cause takes effect if notice is given on a day. Reading: a cure
 * period and the notice period run one after the other. The cure period gives the other
 * party time to put the cause right once it is pointed out; only if it is not put right
 * does the notice period run. So notice given on D takes effect on D + cure + notice.
 * Exception: for non-payment the cure period runs from the invoice's due date (the unpaid
 * invoice is the demand), and the ground only opens once that cure has run out, so the
 * effective date is D + notice.
 */
import type { ForCauseTermination } from '../contract/schema/term.js';
import { addCalendarDuration } from '../time/duration.js';
import { addDays, type LocalDate } from '../time/local-date.js';

export interface CauseEffectiveDates {
  /** Last day of the cure period that runs from the notice (absent without one, and for non-payment). */
  readonly cureEndsOn?: LocalDate;
  /** The day the termination takes effect (service has ended: the first day without it). */
  readonly effectiveOn: LocalDate;
  /** The last day of service: effectiveOn - 1 day. */
  readonly lastServiceOn: LocalDate;
  /** The computation in words. */
  readonly reading: string;
}

/**
 * Material breach (30d cure, 30d notice), notice given 2027-05-01: cure ends 2027-05-31,
 * effective 2027-06-30. Non-payment (15d cure, 30d notice), notice on 2027-05-01: effective
 * 2027-05-31 (its cure ran from the due date). Data breach (0d notice): effective the same day.
 */
export function causeEffectiveOn(clause: Pick<ForCauseTermination, 'ground' | 'notice' | 'cure'>, noticeOn: LocalDate): CauseEffectiveDates {
  const cureFromNotice = clause.cure !== undefined && clause.ground !== 'non-payment' && clause.cure.amount > 0;
  const cureEndsOn = cureFromNotice ? addCalendarDuration(noticeOn, clause.cure!) : undefined;
  const effectiveOn = addCalendarDuration(cureEndsOn ?? noticeOn, clause.notice);
  const reading = cureFromNotice
    ? `notice on ${noticeOn} + ${clause.cure!.text} cure (to ${cureEndsOn}) + ${clause.notice.text} notice`
    : clause.ground === 'non-payment' && clause.cure
      ? `notice on ${noticeOn} + ${clause.notice.text} notice (the ${clause.cure.text} cure ran from the due date)`
      : `notice on ${noticeOn} + ${clause.notice.text} notice`;
  return { ...(cureEndsOn ? { cureEndsOn } : {}), effectiveOn, lastServiceOn: addDays(effectiveOn, -1), reading };
}
