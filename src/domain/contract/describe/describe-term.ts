import { addCalendarDuration, describeDuration } from '../../time/duration.js';
import { addDays } from '../../time/local-date.js';
import { optOutDeadlineOn, termEndOn } from '../../lifecycle/term-dates.js';
import type { Contract } from '../schema/contract-schema.js';
import { formatAmount, sentenceCase, humanDate, listWords, section, type KeyDate, type ScheduleSection } from './schedule.js';

/** The dates the term creates: end of the initial term, the opt-out deadline, the first renewal. */
export function termKeyDates(contract: Contract): KeyDate[] {
  const term = contract.term;
  if (!term) return [];
  const dates: KeyDate[] = [{ on: term.start, label: 'Service starts', clause: 'term.start' }];
  const end = termEndOn(term.start, term.initialTerm);
  dates.push({ on: end, label: 'Initial term ends (last day of service)', clause: 'term.initialTerm' });
  const renewal = term.renewal;
  if (renewal?.automatic) {
    if (renewal.optOutNotice) {
      dates.push({ on: optOutDeadlineOn(end, renewal.optOutNotice), label: `Last day to give notice to stop the automatic renewal (${describeDuration(renewal.optOutNotice)} before the end)`, clause: 'term.renewal.optOutNotice' });
    }
    const period = renewal.period ?? term.initialTerm;
    dates.push({ on: termEndOn(addDays(end, 1), period), label: `First renewal ends, unless stopped (renews for ${describeDuration(period)})`, clause: 'term.renewal.period' });
  }
  for (const [i, t] of (term.termination?.forConvenience ?? []).entries()) {
    if (t.by === 'vendor') continue;
    dates.push({ on: addCalendarDuration(addDays(end, 1), t.notice, -1), label: `Last day for the client to give ${describeDuration(t.notice)} convenience notice ending service at the term end`, clause: `term.termination.forConvenience[${i}].notice` });
  }
  return dates;
}

/** Term, renewal, termination and exit in words and tables. */
export function describeTerm(contract: Contract): ScheduleSection {
  const term = contract.term;
  if (!term) return { ...section('term', 'Duration and termination', []), missing: 'No term: start, length, renewal and termination are not defined.' };
  const end = termEndOn(term.start, term.initialTerm);
  const renewal = term.renewal;
  const exit = term.exit;
  const convenience = term.termination?.forConvenience ?? [];
  const cause = term.termination?.forCause ?? [];
  return section(
    'term',
    'Duration and termination',
    [
      `The agreement starts on ${humanDate(term.start)} and runs ${describeDuration(term.initialTerm)}, to ${humanDate(end)} inclusive.`,
      renewal?.automatic
        ? `It renews automatically for ${describeDuration(renewal.period ?? term.initialTerm)} at a time${renewal.optOutNotice ? ` unless a party gives notice at least ${describeDuration(renewal.optOutNotice)} before the end; the last day to stop the first renewal is ${humanDate(optOutDeadlineOn(end, renewal.optOutNotice))}` : ', and no notice period to stop it is stated'}.`
        : 'It does not renew automatically.',
      'Notice given on a day takes effect that many calendar days later; a notice period that ends on a weekend still ends on that calendar date.',
      exit?.transitionAssistance && `After termination the vendor assists the transition for ${describeDuration(exit.transitionAssistance)}.`,
      exit?.dataReturn && `The vendor returns the client's data within ${describeDuration(exit.dataReturn.within)}${exit.dataReturn.formats ? ` as ${listWords(exit.dataReturn.formats)}` : ''}${exit.dataReturn.includes ? `, including ${listWords(exit.dataReturn.includes)}` : ''}.`,
      exit?.dataDeletion && `It deletes the client's data within ${describeDuration(exit.dataDeletion.within)}${exit.dataDeletion.certificate ? ' and certifies the deletion' : ''}.`,
      exit?.knowledgeTransfer && `Knowledge transfer: ${exit.knowledgeTransfer.sessions ?? 'some'} sessions${exit.knowledgeTransfer.within ? ` within ${describeDuration(exit.knowledgeTransfer.within)}` : ''}${exit.knowledgeTransfer.deliverables ? `, delivering ${listWords(exit.knowledgeTransfer.deliverables)}` : ''}.`,
    ],
    [
      {
        caption: 'Termination for convenience',
        columns: ['Who', 'Notice', 'Fee'],
        rows: convenience.map((t) => [t.by, describeDuration(t.notice), t.fee ? (t.fee.months !== undefined ? `${t.fee.months} month${t.fee.months === 1 ? '' : 's'} of fees` : formatAmount(contract.currency, t.fee.amount ?? '0')) : 'none']),
      },
      {
        caption: 'Termination for cause',
        columns: ['Ground', 'Who', 'Notice', 'Cure period', 'Trigger'],
        rows: cause.map((t) => [
          sentenceCase(t.ground.replace(/-/g, ' ').replace(/^non /, 'non-')),
          t.by,
          describeDuration(t.notice),
          t.cure ? describeDuration(t.cure) : '—',
          t.trigger?.serviceLevelsMissed
            ? [t.trigger.serviceLevelsMissed.consecutiveMonths && `${t.trigger.serviceLevelsMissed.consecutiveMonths} consecutive months with a missed service level`, t.trigger.serviceLevelsMissed.monthsOutOf && `${t.trigger.serviceLevelsMissed.monthsOutOf[0]} of any ${t.trigger.serviceLevelsMissed.monthsOutOf[1]} months`].filter(Boolean).join(', or ')
            : t.after
              ? `after ${describeDuration(t.after)}`
              : '—',
        ]),
      },
    ],
  );
}
