/**
 * The term as a list of periods: the initial term, then each automatic renewal rolled
 * forward. Every period end is counted from the original start (not from the previous
 * end), so a term that starts on the 31st does not drift to the 28th after February:
 * 2027-01-31 + 1mo, renewed monthly, ends 2027-02-28, 2027-03-30, 2027-04-30, ... (an
 * anniversary that does not exist, such as 31 February, falls on the 1st of the next month).
 */
import type { Term } from '../contract/schema/term.js';
import { SupportPactError } from '../errors/index.js';
import { monthsOf, type Duration } from '../time/duration.js';
import { addDays, anniversaryAfterMonths, type LocalDate } from '../time/local-date.js';
import { lifecycleInputError } from './lifecycle-input-error.js';
import { dayAfterLengthOn, optOutDeadlineOn } from './term-dates.js';

export interface TermPeriod {
  /** 0 for the initial term, 1 for the first renewal, ... */
  readonly index: number;
  readonly kind: 'initial' | 'renewal';
  readonly startOn: LocalDate;
  /** Last day of the period (inclusive). */
  readonly endOn: LocalDate;
  /** Whether an automatic renewal follows this period unless a party opts out. */
  readonly renewsAfter: boolean;
  /**
   * Last day to give notice stopping the renewal after this period: (end + 1 day) - optOutNotice,
   * or the end itself when the contract states no opt-out notice. Absent when no renewal follows.
   */
  readonly optOutDeadlineOn?: LocalDate;
}

/** More periods than any real term has (10,000 one-day renewals is 27 years): a guard, not a limit users meet. */
const maxPeriods = 10_000;

/** The renewal period: `renewal.period`, or the initial term's length when the contract gives none. */
export function renewalPeriodOf(term: Term): Duration {
  return term.renewal?.period ?? term.initialTerm;
}

/** The day after period `index` ends, counted from the original start. */
function dayAfterPeriod(term: Term, index: number): LocalDate {
  const initialEnd = dayAfterLengthOn(term.start, term.initialTerm);
  if (index === 0) return initialEnd;
  const period = renewalPeriodOf(term);
  const initialMonths = monthsOf(term.initialTerm);
  const periodMonths = monthsOf(period);
  // Months on months: one anniversary from the start, so the 31st stays anchored.
  if (initialMonths !== undefined && periodMonths !== undefined) return anniversaryAfterMonths(term.start, initialMonths + index * periodMonths);
  if (periodMonths !== undefined) return anniversaryAfterMonths(initialEnd, index * periodMonths);
  return addDays(initialEnd, index * period.amount);
}

function emptyPeriod(term: Term, index: number): SupportPactError {
  const field = index === 0 ? 'initialTerm' : 'period';
  const text = index === 0 ? term.initialTerm.text : renewalPeriodOf(term).text;
  const message = `term ${field} ${text} has no days`;
  return new SupportPactError('CONTRACT_INVALID', message, { problems: [{ message, path: index === 0 ? ['term', 'initialTerm'] : ['term', 'renewal', 'period'], hint: 'give the term a length of at least 1d' }] });
}

function renewalAllowed(term: Term, index: number): boolean {
  const renewal = term.renewal;
  if (!renewal?.automatic) return false;
  return renewal.maxRenewals === undefined || index <= renewal.maxRenewals;
}

/**
 * The periods of a term that start on or before `until` (the initial term always), ending
 * early when `maxRenewals` is reached or at `lastPeriodIndex` (a period after which a party
 * opted out). Northstar (2027-01-01, 24mo, renews 12mo, 60d opt-out) until 2030-06-30:
 * `[{ index: 0, startOn: '2027-01-01', endOn: '2028-12-31', optOutDeadlineOn: '2028-11-02' },
 *   { index: 1, startOn: '2029-01-01', endOn: '2029-12-31', optOutDeadlineOn: '2029-11-02' },
 *   { index: 2, startOn: '2030-01-01', endOn: '2030-12-31', optOutDeadlineOn: '2030-11-02' }]`.
 */
export function computeTermPeriods(term: Term, until: LocalDate, lastPeriodIndex?: number): TermPeriod[] {
  const periods: TermPeriod[] = [];
  for (let index = 0; ; index += 1) {
    if (index >= maxPeriods) {
      throw lifecycleInputError([{ message: `more than ${maxPeriods} term periods before ${until}`, path: ['until'], hint: 'ask for a shorter range of dates' }], 'USAGE');
    }
    const startOn = index === 0 ? term.start : dayAfterPeriod(term, index - 1);
    if (index > 0 && startOn > until) break;
    const endOn = addDays(dayAfterPeriod(term, index), -1);
    if (endOn < startOn) throw emptyPeriod(term, index);
    const renewsAfter = renewalAllowed(term, index + 1) && (lastPeriodIndex === undefined || index < lastPeriodIndex);
    const notice = term.renewal?.optOutNotice;
    periods.push({
      index,
      kind: index === 0 ? 'initial' : 'renewal',
      startOn,
      endOn,
      renewsAfter,
      ...(renewsAfter ? { optOutDeadlineOn: notice ? optOutDeadlineOn(endOn, notice) : endOn } : {}),
    });
    if (!renewsAfter) break;
  }
  return periods;
}

/** The period in force on `date` (rolling renewals forward), or undefined before the start or after the last period: `termPeriodOn(northstar, '2029-03-01')?.index` is 1. */
export function termPeriodOn(term: Term, date: LocalDate, lastPeriodIndex?: number): TermPeriod | undefined {
  if (date < term.start) return undefined;
  return computeTermPeriods(term, date, lastPeriodIndex).find((p) => p.startOn <= date && date <= p.endOn);
}

/** `'the initial term'` or `'renewal 2'`. */
export function describePeriod(period: Pick<TermPeriod, 'index'>): string {
  return period.index === 0 ? 'the initial term' : `renewal ${period.index}`;
}
