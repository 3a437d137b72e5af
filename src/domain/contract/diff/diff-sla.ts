import { describeDuration, type Duration } from '../../time/duration.js';
import { isAroundTheClock } from '../describe/describe-calendar.js';
import { describeStatus } from '../describe/schedule.js';
import type { Contract } from '../schema/contract-schema.js';
import type { QualityMeasureSpecification, ServiceLevel, TargetSpecification } from '../schema/sla.js';
import type { ContractChange, Favours } from './contract-change.js';
import { compareCalendarOpenness } from './diff-general.js';
import { recordChanges, type ChangeRecorder } from './change-recorder.js';
import { diffSlaMoney } from './diff-sla-money.js';
import { matchItems, matchRecords } from './match-items.js';
import { compareDurations, durationKind, listKind, percentKind, setKind, textKind } from './value-kinds.js';

const metricWords = { firstResponse: 'first response', resolution: 'resolution' } as const;
const qualityWords = { firstContactResolution: 'first-contact resolution', meanTimeToResolve: 'mean time to resolve', reopenRate: 'reopen rate' } as const;
const rawPriorityKind = setKind((raw) => raw.trim().toLowerCase());

/** The calendar a target counts on, in words: `extended hours`, `around the clock`, `business calendar` (for business days). */
function targetContext(t: { within: Duration; calendar: string }, contract: Contract): string {
  if (t.within.unit === 'bd') return `${t.calendar} calendar`;
  const calendar = contract.calendars?.[t.calendar];
  if (calendar && isAroundTheClock(calendar)) return 'around the clock';
  return /hours$/.test(t.calendar) ? t.calendar : `${t.calendar} hours`;
}

function targetWords(t: TargetSpecification, contract: Contract): string {
  return `${describeDuration(t.within)} (${targetContext(t, contract)})`;
}

/**
 * Who a changed target favours: a longer target favours the vendor, a calendar with more open
 * hours the client (the target runs out sooner in real time). When the time and the calendar
 * both change, only a change where both point the same way is called.
 */
function targetFavours(o: TargetSpecification, n: TargetSpecification, before: Contract, after: Contract): Favours | undefined {
  const within = compareDurations(o.within, n.within);
  const calendar = o.calendar === n.calendar ? 0 : compareCalendarOpenness(before.calendars?.[o.calendar], after.calendars?.[n.calendar]);
  if (within === undefined || calendar === undefined) return undefined;
  const signals = new Set<Favours>();
  if (within !== 0) signals.add(within < 0 ? 'vendor' : 'client');
  if (calendar !== 0) signals.add(calendar < 0 ? 'client' : 'vendor');
  return signals.size === 1 ? [...signals][0] : undefined;
}

function serviceLevelWords(l: ServiceLevel): string {
  return `${metricWords[l.metric]} of ${l.priorities.join(', ')} tickets, at least ${l.atLeast.text}`;
}

function qualityLimit(q: QualityMeasureSpecification): string {
  return q.metric === 'firstContactResolution' ? `at least ${q.atLeast.text}` : q.metric === 'meanTimeToResolve' ? `at most ${describeDuration(q.atMost)}` : `at most ${q.atMost.text}`;
}

function diffQuality(r: ChangeRecorder, o: QualityMeasureSpecification, n: QualityMeasureSpecification, path: string, label: string, after: Contract): void {
  r.field(`${path}.metric`, `${label} metric`, textKind, qualityWords[o.metric], qualityWords[n.metric]);
  r.field(`${path}.priorities`, `${label} priorities`, listKind, o.priorities ?? [], n.priorities ?? []);
  r.field(`${path}.description`, `${label} description`, textKind, o.description, n.description);
  if (o.metric === 'firstContactResolution' && n.metric === 'firstContactResolution') {
    r.field(`${path}.atLeast`, `${label} target`, percentKind, o.atLeast, n.atLeast, { higher: 'client' });
    r.field(`${path}.definition`, `${label} definition`, textKind, o.definition, n.definition);
  } else if (o.metric === 'meanTimeToResolve' && n.metric === 'meanTimeToResolve') {
    r.field(`${path}.atMost`, `${label} limit`, durationKind, o.atMost, n.atMost, { ...(o.calendar === n.calendar ? { higher: 'vendor' as const } : {}), context: targetContext({ within: n.atMost, calendar: n.calendar }, after) });
    r.field(`${path}.calendar`, `${label} calendar`, textKind, o.calendar, n.calendar);
  } else if (o.metric === 'reopenRate' && n.metric === 'reopenRate') {
    r.field(`${path}.atMost`, `${label} limit`, percentKind, o.atMost, n.atMost, { higher: 'vendor' });
  } else {
    // Different metrics: the limit changes meaning too, so it is shown in words on the measure itself.
    r.field(path, `${label} target`, textKind, qualityLimit(o), qualityLimit(n));
  }
}

/**
 * Priorities, clock rules, targets, service levels, quality measures, availability and
 * reporting; then credits and bonuses. A longer target or a lower level favours the vendor:
 * `Service level p1-response threshold: 95% -> 90%` is for the vendor.
 */
export function diffSla(before: Contract, after: Contract): ContractChange[] {
  const r = recordChanges('sla');
  const [o, n] = [before.sla, after.sla];

  for (const m of matchRecords(o?.priorities, n?.priorities)) {
    const path = `sla.priorities.${m.key}`;
    if (!m.old || !m.new) {
      r.item(path, `Priority ${m.key}`, m.old?.name, m.new?.name);
      continue;
    }
    r.field(`${path}.name`, `${m.key} name`, textKind, m.old.name, m.new.name);
    r.field(`${path}.description`, `${m.key} description`, textKind, m.old.description, m.new.description);
    r.field(`${path}.mapFrom`, `Helpdesk values mapped to ${m.key}`, rawPriorityKind, m.old.mapFrom ?? [], m.new.mapFrom ?? []);
  }

  const [oc, nc] = [o?.clock, n?.clock];
  // More statuses that pause the resolution clock give the vendor more time.
  r.field('sla.clock.pausedIn', 'Statuses that pause the resolution clock', listKind, (oc?.pausedIn ?? []).map(describeStatus), (nc?.pausedIn ?? []).map(describeStatus), { higher: 'vendor' });
  r.field('sla.clock.priorityChange', 'On a priority change', textKind, oc?.priorityChange, nc?.priorityChange);
  r.field('sla.clock.reopen', 'On a reopen', textKind, oc?.reopen, nc?.reopen);
  r.field('sla.clock.dueAtClosingTime', 'A target ending at closing time is due', textKind, oc?.dueAtClosingTime, nc?.dueAtClosingTime);
  r.field('sla.clock.atRiskAt', 'At-risk warning from', percentKind, oc?.atRiskAt, nc?.atRiskAt);

  for (const metric of ['firstResponse', 'resolution'] as const) {
    for (const m of matchRecords(o?.targets?.[metric], n?.targets?.[metric])) {
      const path = `sla.targets.${metric}.${m.key}`;
      const label = `${m.key} ${metricWords[metric]} target`;
      if (!m.old || !m.new) {
        r.item(path, label, m.old && targetWords(m.old, before), m.new && targetWords(m.new, after), 'client');
        continue;
      }
      const favours = targetFavours(m.old, m.new, before, after);
      r.field(`${path}.within`, label, durationKind, m.old.within, m.new.within, { context: targetContext(m.new, after), ...(favours ? { changed: favours } : {}) });
      r.field(`${path}.calendar`, `${label} calendar`, textKind, m.old.calendar, m.new.calendar, favours ? { changed: favours } : {});
    }
  }

  for (const m of matchItems(o?.serviceLevels, n?.serviceLevels, (l) => l.id)) {
    const path = `sla.serviceLevels[${m.key}]`;
    const label = `Service level ${m.key}`;
    if (!m.old || !m.new) {
      r.item(path, label, m.old && serviceLevelWords(m.old), m.new && serviceLevelWords(m.new), 'client');
      continue;
    }
    r.field(`${path}.metric`, `${label} metric`, textKind, metricWords[m.old.metric], metricWords[m.new.metric]);
    r.field(`${path}.priorities`, `${label} priorities`, listKind, m.old.priorities, m.new.priorities);
    r.field(`${path}.atLeast`, `${label} threshold`, percentKind, m.old.atLeast, m.new.atLeast, { higher: 'client' });
    r.field(`${path}.description`, `${label} description`, textKind, m.old.description, m.new.description);
  }

  for (const m of matchItems(o?.quality, n?.quality, (q) => q.id)) {
    const path = `sla.quality[${m.key}]`;
    const label = `Quality measure ${m.key}`;
    const words = (q: QualityMeasureSpecification): string => `${qualityWords[q.metric]}${q.priorities ? ` of ${q.priorities.join(', ')} tickets` : ''}, ${qualityLimit(q)}`;
    if (!m.old || !m.new) r.item(path, label, m.old && words(m.old), m.new && words(m.new), 'client');
    else diffQuality(r, m.old, m.new, path, label, after);
  }

  for (const m of matchItems(o?.availability, n?.availability, (a) => a.id)) {
    const path = `sla.availability[${m.key}]`;
    const label = `Availability ${m.key}`;
    if (!m.old || !m.new) {
      r.item(path, label, m.old && `${m.old.service}, at least ${m.old.target.text}`, m.new && `${m.new.service}, at least ${m.new.target.text}`, 'client');
      continue;
    }
    r.field(`${path}.service`, `${label} service`, textKind, m.old.service, m.new.service);
    r.field(`${path}.target`, `${label} target`, percentKind, m.old.target, m.new.target, { ...(m.old.calendar === m.new.calendar ? { higher: 'client' as const } : {}), context: `${m.new.calendar} calendar` });
    r.field(`${path}.calendar`, `${label} calendar`, textKind, m.old.calendar, m.new.calendar);
    r.field(`${path}.maxSingleOutage`, `${label} longest acceptable outage`, durationKind, m.old.maxSingleOutage, m.new.maxSingleOutage, { higher: 'vendor', added: 'client' });
  }

  const [or, nr] = [o?.reporting, n?.reporting];
  const report = (x: { every: Duration; dueWithin?: Duration; noticeWithin?: Duration } | undefined): string | undefined =>
    x && `every ${describeDuration(x.every)}, ${x.dueWithin ? `due within ${describeDuration(x.dueWithin)}` : `on ${x.noticeWithin ? describeDuration(x.noticeWithin) : ''} notice`}`;
  if (!or?.vendorReport || !nr?.vendorReport) r.item('sla.reporting.vendorReport', 'Monthly vendor report', report(or?.vendorReport), report(nr?.vendorReport), 'client');
  else {
    r.field('sla.reporting.vendorReport.every', 'Vendor report interval', durationKind, or.vendorReport.every, nr.vendorReport.every, { higher: 'vendor' });
    r.field('sla.reporting.vendorReport.dueWithin', 'Vendor report due within', durationKind, or.vendorReport.dueWithin, nr.vendorReport.dueWithin, { higher: 'vendor' });
    r.field('sla.reporting.vendorReport.calendar', 'Vendor report calendar', textKind, or.vendorReport.calendar, nr.vendorReport.calendar);
  }
  if (!or?.independentAudit || !nr?.independentAudit) r.item('sla.reporting.independentAudit', 'Independent audit right', report(or?.independentAudit), report(nr?.independentAudit), 'client');
  else {
    r.field('sla.reporting.independentAudit.every', 'Independent audit interval', durationKind, or.independentAudit.every, nr.independentAudit.every, { higher: 'vendor' });
    r.field('sla.reporting.independentAudit.noticeWithin', 'Independent audit notice', durationKind, or.independentAudit.noticeWithin, nr.independentAudit.noticeWithin, { higher: 'vendor' });
    r.field('sla.reporting.independentAudit.calendar', 'Independent audit calendar', textKind, or.independentAudit.calendar, nr.independentAudit.calendar);
  }
  return [...r.changes, ...diffSlaMoney(before, after)];
}
