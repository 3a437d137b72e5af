import { describeDuration } from '../../time/duration.js';
import type { Contract } from '../schema/contract-schema.js';
import type { CreditCondition, IncentiveCondition, TargetSpecification } from '../schema/sla.js';
import { isAroundTheClock } from './describe-calendar.js';
import { describeStatus, listWords, section, type ScheduleSection } from './schedule.js';

const metricWords = { firstResponse: 'first response', resolution: 'resolution' } as const;

/** `'15 minutes, around the clock'` or `'4 hours of business-calendar time'` or `'3 business days (business calendar)'`. */
export function describeTarget(target: TargetSpecification, contract: Contract): string {
  const calendar = contract.calendars?.[target.calendar];
  if (target.within.unit === 'bd') return `by the close of the ${ordinal(target.within.amount)} business day after the ticket arrives (${target.calendar} calendar)`;
  if (calendar && isAroundTheClock(calendar)) return `${describeDuration(target.within)}, around the clock`;
  return `${describeDuration(target.within)}, counted during ${calendarHours(target.calendar)}`;
}

/** `business` -> `business hours`; a calendar already named for its hours (`lab-hours`) is not said twice. */
export function calendarHours(name: string): string {
  return /hours$/i.test(name) ? name : `${name} hours`;
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** A credit condition in words: `'service level p1-response is missed'`. */
export function describeCreditCondition(when: CreditCondition): string {
  switch (when.measure) {
    case 'serviceLevel':
      return when.test === 'missed' ? `service level ${when.id} is missed` : `service level ${when.id} is below ${when.below.text}`;
    case 'quality':
      return `quality measure ${when.id} is missed`;
    case 'availability':
      return when.test === 'below' ? `${when.id} availability is below ${when.below.text}` : `a single ${when.id} outage lasts longer than ${describeDuration(when.longestOutageOver)}`;
    case 'vendorReport':
      return when.test === 'late' ? 'the monthly vendor report is late' : 'the monthly vendor report is missing';
  }
}

/** An incentive condition in words. */
export function describeIncentiveCondition(when: IncentiveCondition): string {
  const months = when.consecutiveMonths > 1 ? ` for ${when.consecutiveMonths} consecutive months` : '';
  switch (when.measure) {
    case 'allServiceLevelsMet':
      return `every service level is met${months}`;
    case 'quality':
      return `quality measure ${when.id} reaches ${when.atLeast.text}${months}`;
    case 'serviceLevel':
      return `service level ${when.id} reaches ${when.atLeast.text}${months}`;
  }
}

/** Service levels, targets, measures, credits and bonuses in words and tables. */
export function describeSla(contract: Contract): ScheduleSection {
  const sla = contract.sla;
  if (!sla) return { ...section('sla', 'Service levels', []), missing: 'No service levels: nothing the vendor does can be late.' };
  const clock = sla.clock;
  const sentences = Object.entries(sla.priorities).map(([id, p]) => {
    const parts = (['firstResponse', 'resolution'] as const)
      .map((metric) => {
        const target = sla.targets?.[metric]?.[id];
        if (!target) return undefined;
        return metric === 'firstResponse' ? `get a first response ${target.within.unit === 'bd' ? describeTarget(target, contract) : `within ${describeTarget(target, contract)}`}` : `are resolved ${target.within.unit === 'bd' ? describeTarget(target, contract) : `within ${describeTarget(target, contract)}`}`;
      })
      .filter((x): x is string => !!x);
    return parts.length > 0 ? `${p.name} (${id}) tickets ${listWords(parts)}.` : `${p.name} (${id}) tickets have no target.`;
  });
  const pausedIn = clock?.pausedIn ?? ['pending_customer'];
  const cap = sla.creditCap;
  return section(
    'sla',
    'Service levels',
    [
      ...sentences,
      `The resolution clock pauses while a ticket is ${pausedIn.map(describeStatus).join(' or ')}; the first-response clock never pauses.`,
      `When a ticket's priority changes: ${
        { 'restart-from-creation': 'the new priority\'s targets apply as if the ticket always had it', 'restart-from-change': 'the new priority\'s targets start at the change', 'keep-original': 'the original targets stay' }[clock?.priorityChange ?? 'restart-from-creation']
      }. A reopened ticket ${(clock?.reopen ?? 'resume') === 'resume' ? 'resumes its resolution clock' : 'starts a new resolution clock'}.`,
      `A target used up exactly at closing time is due ${(clock?.dueAtClosingTime ?? 'next-opening') === 'next-opening' ? 'at the next opening' : 'at the closing time'}; a ticket is at risk from ${clock?.atRiskAt?.text ?? '75%'} of its target.`,
      cap && `Credits are capped at ${[cap.monthly && `${cap.monthly.text} of the month's fees`, cap.rolling12Months && `${cap.rolling12Months.text} of the fees over any 12 months`].filter(Boolean).join(' and ')}; only the worst band of one measure counts.`,
      sla.incentiveCap?.monthly && `Bonuses are capped at ${sla.incentiveCap.monthly.text} of the month's fees.`,
      sla.reporting?.vendorReport && `The vendor reports ${sla.reporting.vendorReport.every.amount === 1 ? 'every month' : `every ${describeDuration(sla.reporting.vendorReport.every)}`}, within ${describeDuration(sla.reporting.vendorReport.dueWithin)} after the month ends.`,
      sla.reporting?.independentAudit && `The client may have the vendor audited every ${describeDuration(sla.reporting.independentAudit.every)} with ${describeDuration(sla.reporting.independentAudit.noticeWithin)} notice.`,
    ],
    [
      {
        caption: 'Targets by priority',
        columns: ['Priority', 'First response', 'Resolution', 'Helpdesk values'],
        rows: Object.entries(sla.priorities).map(([id, p]) => [
          `${id} ${p.name}`,
          sla.targets?.firstResponse?.[id] ? describeTarget(sla.targets.firstResponse[id], contract) : '—',
          sla.targets?.resolution?.[id] ? describeTarget(sla.targets.resolution[id], contract) : '—',
          (p.mapFrom ?? []).join(', '),
        ]),
      },
      {
        caption: 'Monthly service levels',
        columns: ['Service level', 'Measures', 'Priorities', 'At least'],
        rows: (sla.serviceLevels ?? []).map((l) => [l.id, metricWords[l.metric], l.priorities.join(', '), l.atLeast.text]),
      },
      {
        caption: 'Quality measures',
        columns: ['Measure', 'What', 'Target'],
        rows: (sla.quality ?? []).map((q) => [
          q.id,
          q.metric === 'firstContactResolution' ? `first-contact resolution (${q.definition})` : q.metric === 'meanTimeToResolve' ? `mean time to resolve ${q.priorities?.join(', ') ?? 'all'} tickets (${q.calendar} calendar)` : 'reopened share of solved tickets',
          q.metric === 'firstContactResolution' ? `at least ${q.atLeast.text}` : q.metric === 'meanTimeToResolve' ? `at most ${describeDuration(q.atMost)}` : `at most ${q.atMost.text}`,
        ]),
      },
      {
        caption: 'Availability',
        columns: ['Target', 'Service', 'At least', 'Longest outage'],
        rows: (sla.availability ?? []).map((a) => [a.id, a.service, `${a.target.text} (${a.calendar} calendar)`, a.maxSingleOutage ? describeDuration(a.maxSingleOutage) : '—']),
      },
      { caption: 'Service credits (percent of the month\'s fees)', columns: ['When', 'Credit'], rows: (sla.credits ?? []).map((c) => [describeCreditCondition(c.when), c.credit.text]) },
      { caption: 'Performance bonuses', columns: ['When', 'Bonus'], rows: (sla.incentives ?? []).map((i) => [describeIncentiveCondition(i.when), i.bonus.text]) },
    ],
  );
}
