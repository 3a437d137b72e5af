/**
 * Key dates of the term itself: start, each period's end, each renewal's start, the last
 * day to opt out of each renewal, and for each convenience-termination clause the last day
 * to give notice that ends service at a period's end.
 */
import type { Term } from '../contract/schema/term.js';
import { addCalendarDuration, describeDuration } from '../time/duration.js';
import { addDays } from '../time/local-date.js';
import { keyDate, type KeyDate } from './key-date.js';
import { renewalPeriodOf, type TermPeriod } from './term-periods.js';

function periodName(p: TermPeriod): string {
  return p.index === 0 ? 'Initial term' : `Renewal ${p.index}`;
}

/**
 * Northstar's initial term gives: 2027-01-01 term start; 2028-10-03 last day for the
 * client's 90d convenience notice; 2028-11-02 opt-out deadline; 2028-12-31 term end;
 * 2029-01-01 renewal 1 starts (and 2028-07-05 for the vendor's 180d notice).
 */
export function computeTermKeyDates(term: Term, periods: readonly TermPeriod[]): KeyDate[] {
  const dates: KeyDate[] = [];
  const notice = term.renewal?.optOutNotice;
  for (const p of periods) {
    if (p.index === 0) {
      dates.push(keyDate({ on: p.startOn, kind: 'term-start', label: 'Service starts', reason: 'the start date in the contract', clause: 'term.start' }));
    } else {
      const previous = periods[p.index - 1];
      dates.push(
        keyDate(
          { on: p.startOn, kind: 'renewal-start', label: `Renewal ${p.index} starts`, reason: `automatic renewal for ${describeDuration(renewalPeriodOf(term))} after ${previous?.endOn ?? 'the previous period'}`, clause: term.renewal?.period ? 'term.renewal.period' : 'term.initialTerm' },
          `happens only if no party opted out by ${previous?.optOutDeadlineOn ?? 'the deadline'}`,
        ),
      );
    }
    const last = !p.renewsAfter;
    // Renewals are counted from the original start, so a start on the 31st keeps its month ends.
    const period = renewalPeriodOf(term);
    const endReason = p.index === 0 ? `${p.startOn} + ${term.initialTerm.text} - 1 day` : `${term.start} + ${term.initialTerm.text} + ${p.index} × ${period.text} - 1 day`;
    const lastWhy = term.renewal?.automatic && term.renewal.maxRenewals !== undefined && p.index >= term.renewal.maxRenewals ? ` (no automatic renewal after it: maxRenewals ${term.renewal.maxRenewals} reached)` : last ? ' (no automatic renewal follows)' : '';
    dates.push(
      keyDate({ on: p.endOn, kind: 'term-end', label: `${periodName(p)} ends (last day of service${p.renewsAfter ? ' unless renewed' : ''})${lastWhy}`, reason: endReason, clause: p.index === 0 ? 'term.initialTerm' : 'term.renewal.period' }),
    );
    if (p.optOutDeadlineOn !== undefined) {
      dates.push(
        keyDate(
          {
            on: p.optOutDeadlineOn,
            kind: 'opt-out-deadline',
            label: `Last day to give notice stopping renewal ${p.index + 1} (from ${addDays(p.endOn, 1)})`,
            reason: notice ? `(${p.endOn} + 1 day) - ${notice.text}` : `the term's last day: the contract states no opt-out notice period`,
            clause: notice ? 'term.renewal.optOutNotice' : 'term.renewal',
          },
          notice ? 'notice given after this day stops the following renewal instead, not this one' : 'no optOutNotice is stated; notice is taken to be due by the last day of the period',
        ),
      );
    }
    for (const [i, clause] of (term.termination?.forConvenience ?? []).entries()) {
      const who = clause.by === 'either' ? 'either party' : `the ${clause.by}`;
      dates.push(
        keyDate({
          on: addCalendarDuration(addDays(p.endOn, 1), clause.notice, -1),
          kind: 'convenience-notice-deadline',
          label: `Last day for ${who} to give convenience notice (${describeDuration(clause.notice)}) ending service with ${periodName(p).toLowerCase()} (${p.endOn})`,
          reason: `(${p.endOn} + 1 day) - ${clause.notice.text}`,
          clause: `term.termination.forConvenience[${i}].notice`,
        }),
      );
    }
  }
  return dates;
}
