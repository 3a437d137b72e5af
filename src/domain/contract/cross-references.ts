import { isSupportPactError, type FieldPath, type Problem } from '../errors/supportpact-error.js';
import { validateCalendarSpec } from '../calendar/calendar-spec.js';
import { suggestClosest } from './did-you-mean.js';
import type { Contract } from './schema/contract-schema.js';

function reference(
  problems: Problem[],
  kind: string,
  name: string,
  known: readonly string[],
  path: FieldPath,
  whereDefined: string,
): void {
  if (known.includes(name)) return;
  const suggestion = suggestClosest(name, known);
  problems.push({
    message: `${kind} "${name}" is not defined${known.length > 0 ? ` (defined: ${known.join(', ')})` : ` (${whereDefined} defines none)`}`,
    path,
    expected: `the name of a ${kind} defined under ${whereDefined}`,
    ...(suggestion ? { hint: `did you mean "${suggestion}"?` } : {}),
  });
}

function duplicates(problems: Problem[], kind: string, items: readonly { id: string }[] | undefined, basePath: FieldPath): void {
  const seen = new Map<string, number>();
  items?.forEach((item, index) => {
    const first = seen.get(item.id);
    if (first !== undefined) {
      problems.push({ message: `${kind} id "${item.id}" is used twice (first at index ${first}); ids must be unique`, path: [...basePath, index, 'id'] });
    } else seen.set(item.id, index);
  });
}

/**
 * Checks that every name a contract uses is defined: calendars named by targets and
 * channels, priorities named by service levels and prices, service levels, quality
 * measures and availability targets named by credits and bonuses, and unique ids.
 * Returns one problem per dangling or duplicate name, each with its field path.
 */
export function checkCrossReferences(contract: Contract): Problem[] {
  const problems: Problem[] = [];
  // Each calendar as the engine will compile it: overlapping ranges, a day named twice, unknown
  // holiday regions, no open hours at all.
  for (const [name, spec] of Object.entries(contract.calendars ?? {})) {
    try {
      validateCalendarSpec({ timezone: spec.timezone, hours: spec.hours, ...(spec.holidays ? { holidays: spec.holidays } : {}), ...(spec.closures ? { closures: spec.closures } : {}) });
    } catch (error) {
      if (!isSupportPactError(error)) throw error;
      for (const problem of error.problems) problems.push({ ...problem, path: ['calendars', name, ...(problem.path ?? [])] });
    }
  }
  const calendars = Object.keys(contract.calendars ?? {});
  const calendar = (name: string, path: FieldPath): void => reference(problems, 'calendar', name, calendars, path, 'calendars');
  const sla = contract.sla;
  const priorities = Object.keys(sla?.priorities ?? {});
  const priority = (name: string, path: FieldPath): void => reference(problems, 'priority', name, priorities, path, 'sla.priorities');

  for (const [channel, spec] of Object.entries(contract.scope?.channels ?? {})) if (spec.coverage) calendar(spec.coverage, ['scope', 'channels', channel, 'coverage']);

  if (sla) {
    // A raw source priority may map to one priority only.
    const rawOwners = new Map<string, string>();
    for (const [name, spec] of Object.entries(sla.priorities)) {
      spec.mapFrom?.forEach((raw, index) => {
        const key = raw.trim().toLowerCase();
        const owner = rawOwners.get(key);
        if (owner !== undefined && owner !== name) {
          problems.push({ message: `raw priority "${raw}" is mapped to both ${owner} and ${name}; each source value may map to one priority`, path: ['sla', 'priorities', name, 'mapFrom', index] });
        } else rawOwners.set(key, name);
      });
    }
    for (const metric of ['firstResponse', 'resolution'] as const) {
      for (const [name, target] of Object.entries(sla.targets?.[metric] ?? {})) {
        priority(name, ['sla', 'targets', metric, name]);
        calendar(target.calendar, ['sla', 'targets', metric, name, 'calendar']);
      }
    }
    duplicates(problems, 'service level', sla.serviceLevels, ['sla', 'serviceLevels']);
    duplicates(problems, 'quality measure', sla.quality, ['sla', 'quality']);
    duplicates(problems, 'availability target', sla.availability, ['sla', 'availability']);
    sla.serviceLevels?.forEach((level, i) => level.priorities.forEach((p, j) => priority(p, ['sla', 'serviceLevels', i, 'priorities', j])));
    sla.quality?.forEach((measure, i) => {
      measure.priorities?.forEach((p, j) => priority(p, ['sla', 'quality', i, 'priorities', j]));
      if (measure.metric === 'meanTimeToResolve') calendar(measure.calendar, ['sla', 'quality', i, 'calendar']);
    });
    sla.availability?.forEach((target, i) => calendar(target.calendar, ['sla', 'availability', i, 'calendar']));
    const report = sla.reporting?.vendorReport;
    if (report?.calendar) calendar(report.calendar, ['sla', 'reporting', 'vendorReport', 'calendar']);
    else if (report && report.dueWithin.unit === 'bd') {
      problems.push({ message: `dueWithin ${report.dueWithin.text} counts business days, so the report needs a calendar`, path: ['sla', 'reporting', 'vendorReport', 'calendar'], expected: 'calendar: <name of a calendar>' });
    }
    const audit = sla.reporting?.independentAudit;
    if (audit?.calendar) calendar(audit.calendar, ['sla', 'reporting', 'independentAudit', 'calendar']);

    const levelIds = sla.serviceLevels?.map((l) => l.id) ?? [];
    const qualityIds = sla.quality?.map((q) => q.id) ?? [];
    const availabilityIds = sla.availability?.map((a) => a.id) ?? [];
    sla.credits?.forEach((rule, i) => {
      const when = rule.when;
      const path: FieldPath = ['sla', 'credits', i, 'when'];
      if (when.measure === 'serviceLevel') reference(problems, 'service level', when.id, levelIds, [...path, 'serviceLevel'], 'sla.serviceLevels');
      if (when.measure === 'quality') reference(problems, 'quality measure', when.id, qualityIds, [...path, 'quality'], 'sla.quality');
      if (when.measure === 'availability') reference(problems, 'availability target', when.id, availabilityIds, [...path, 'availability'], 'sla.availability');
      if (when.measure === 'vendorReport' && !sla.reporting?.vendorReport) {
        problems.push({ message: 'this credit is for a late vendor report, but sla.reporting.vendorReport does not say when reports are due', path: [...path, 'vendorReport'] });
      }
    });
    sla.incentives?.forEach((rule, i) => {
      const when = rule.when;
      const path: FieldPath = ['sla', 'incentives', i, 'when'];
      if (when.measure === 'serviceLevel') reference(problems, 'service level', when.id, levelIds, [...path, 'serviceLevel'], 'sla.serviceLevels');
      if (when.measure === 'quality') reference(problems, 'quality measure', when.id, qualityIds, [...path, 'quality'], 'sla.quality');
    });
  }

  const pricing = contract.pricing;
  if (pricing) {
    for (const name of Object.keys(pricing.perIncident?.byPriority ?? {})) priority(name, ['pricing', 'perIncident', 'byPriority', name]);
    duplicates(problems, 'extra', pricing.extras, ['pricing', 'extras']);
    pricing.extras?.forEach((extra, i) => {
      if (extra.when.priority) priority(extra.when.priority, ['pricing', 'extras', i, 'when', 'priority']);
      if (extra.when.outsideCalendar) calendar(extra.when.outsideCalendar, ['pricing', 'extras', i, 'when', 'outsideCalendar']);
      if (extra.when.channel) reference(problems, 'channel', extra.when.channel, Object.keys(contract.scope?.channels ?? {}), ['pricing', 'extras', i, 'when', 'channel'], 'scope.channels');
    });
    if (pricing.invoicing?.calendar) calendar(pricing.invoicing.calendar, ['pricing', 'invoicing', 'calendar']);
    else if (pricing.invoicing?.issueOn === 'first-business-day') {
      problems.push({ message: 'issueOn: first-business-day needs a calendar to know which days are business days', path: ['pricing', 'invoicing', 'calendar'], expected: 'calendar: <name of a calendar>' });
    }
    checkBands(problems, pricing.tiers?.bands, ['pricing', 'tiers', 'bands']);
    checkBands(problems, pricing.perIncident?.volumeDiscount?.bands, ['pricing', 'perIncident', 'volumeDiscount', 'bands']);
    if (pricing.tiers?.mode === 'package') {
      if (pricing.tiers.packageSize === undefined) problems.push({ message: 'package pricing needs packageSize (tickets per block)', path: ['pricing', 'tiers', 'packageSize'] });
      if (pricing.tiers.packagePrice === undefined) problems.push({ message: 'package pricing needs packagePrice (price of one block)', path: ['pricing', 'tiers', 'packagePrice'] });
    } else if (pricing.tiers && (pricing.tiers.bands ?? []).length === 0) {
      problems.push({ message: `${pricing.tiers.mode} pricing needs bands`, path: ['pricing', 'tiers', 'bands'] });
    }
  }

  duplicates(problems, 'service', contract.scope?.services, ['scope', 'services']);
  duplicates(problems, 'excluded service', contract.scope?.excluded, ['scope', 'excluded']);
  const inScope = new Set(contract.scope?.services?.map((s) => s.id));
  contract.scope?.excluded?.forEach((service, index) => {
    if (inScope.has(service.id)) problems.push({ message: `"${service.id}" is listed both as a service and as excluded; keep it in one list`, path: ['scope', 'excluded', index, 'id'] });
  });
  return problems;
}

/** Bands ascend by `upTo`; only the last is open-ended. */
function checkBands(problems: Problem[], bands: readonly { upTo?: number | undefined }[] | undefined, path: FieldPath): void {
  if (!bands) return;
  let previous = 0;
  bands.forEach((band, index) => {
    const last = index === bands.length - 1;
    if (band.upTo === undefined && !last) {
      problems.push({ message: 'only the last band may be open-ended; give this band an upTo', path: [...path, index, 'upTo'] });
    } else if (band.upTo !== undefined) {
      if (band.upTo <= previous) problems.push({ message: `upTo ${band.upTo} must be above the previous band's ${previous}`, path: [...path, index, 'upTo'] });
      previous = band.upTo;
      if (last) problems.push({ message: 'the last band has no upTo so that every quantity is priced; remove upTo or add a band after it', path: [...path, index, 'upTo'] });
    }
  });
}
