/**
 * Which renewal a notice of non-renewal stops. Notice given on or before a period's opt-out
 * deadline stops the renewal right after that period; notice given after it comes too late
 * for that renewal, so the term renews once more and the notice stops the NEXT renewal.
 */
import type { Term } from '../contract/schema/term.js';
import { addDays, type LocalDate } from '../time/local-date.js';
import { computeTermPeriods, describePeriod, type TermPeriod } from './term-periods.js';

export type OptOutOutcome = 'stops-next-renewal' | 'stops-later-renewal' | 'no-renewal-to-stop';

export interface OptOutNoticeResult {
  readonly givenOn: LocalDate;
  /**
   * `stops-next-renewal`: in time for the renewal after the current period;
   * `stops-later-renewal`: after that deadline, so it stops the renewal after the next one;
   * `no-renewal-to-stop`: the term does not renew (or renews no more) after the period it ends.
   */
  readonly outcome: OptOutOutcome;
  /** The period in force when notice was given (the initial term for notice before the start). */
  readonly givenDuring: TermPeriod;
  /** The last period: service ends with it. */
  readonly lastPeriod: TermPeriod;
  /** Last day of service. */
  readonly serviceEndsOn: LocalDate;
  /** First day of the renewal the notice stops; absent when there is none. */
  readonly stopsRenewalStartingOn?: LocalDate;
  /** The opt-out deadline the notice met. */
  readonly metDeadlineOn?: LocalDate;
  /** The deadline the notice missed (for `stops-later-renewal`). */
  readonly missedDeadlineOn?: LocalDate;
  readonly explanation: string;
}

/**
 * Northstar (ends 2028-12-31, 60d opt-out, deadline 2028-11-02): notice on 2028-11-02 stops
 * the renewal from 2029-01-01 (service ends 2028-12-31); notice on 2028-11-03 is late for it,
 * so the term renews for 2029 and the notice stops the renewal from 2030-01-01
 * (`outcome: 'stops-later-renewal'`, `serviceEndsOn: '2029-12-31'`).
 */
export function evaluateOptOutNotice(term: Term, givenOn: LocalDate): OptOutNoticeResult {
  // The periods up to givenOn; the one after is rolled only when the notice is late.
  const periods = computeTermPeriods(term, givenOn);
  const current = periods.find((p) => p.startOn <= givenOn && givenOn <= p.endOn) ?? (givenOn < term.start ? periods[0]! : periods[periods.length - 1]!);
  const base = { givenOn, givenDuring: current };
  if (!current.renewsAfter || givenOn > current.endOn) {
    return {
      ...base,
      outcome: 'no-renewal-to-stop',
      lastPeriod: current,
      serviceEndsOn: current.endOn,
      explanation: `${describePeriod(current)} ends on ${current.endOn} and no automatic renewal follows it, so the notice stops nothing; service ends on ${current.endOn}`,
    };
  }
  const deadline = current.optOutDeadlineOn as LocalDate;
  if (givenOn <= deadline) {
    return {
      ...base,
      outcome: 'stops-next-renewal',
      lastPeriod: current,
      serviceEndsOn: current.endOn,
      stopsRenewalStartingOn: addDays(current.endOn, 1),
      metDeadlineOn: deadline,
      explanation: `given on or before ${deadline}, the last day to opt out of the renewal starting ${addDays(current.endOn, 1)}: service ends on ${current.endOn}`,
    };
  }
  const next = computeTermPeriods(term, addDays(current.endOn, 1)).find((p) => p.index === current.index + 1) as TermPeriod;
  const late = `given after ${deadline}, the last day to opt out of the renewal starting ${next.startOn}, so that renewal goes ahead`;
  if (!next.renewsAfter) {
    return {
      ...base,
      outcome: 'no-renewal-to-stop',
      lastPeriod: next,
      serviceEndsOn: next.endOn,
      missedDeadlineOn: deadline,
      explanation: `${late}; no renewal follows ${describePeriod(next)}, so service ends on ${next.endOn}`,
    };
  }
  return {
    ...base,
    outcome: 'stops-later-renewal',
    lastPeriod: next,
    serviceEndsOn: next.endOn,
    stopsRenewalStartingOn: addDays(next.endOn, 1),
    metDeadlineOn: next.optOutDeadlineOn as LocalDate,
    missedDeadlineOn: deadline,
    explanation: `${late}; the notice stops the NEXT renewal instead (starting ${addDays(next.endOn, 1)}): service ends on ${next.endOn}`,
  };
}
