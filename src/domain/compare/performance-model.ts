/**
 * The assumption behind expected credits and bonuses, per proposal: each month every measure
 * (service level, quality measure, availability, longest outage, vendor report) misses on its
 * own, independently, with a stated probability. A missed measure earns its mildest credit
 * band; bonuses follow from the same draws (allServiceLevelsMet) or from `bonusProbability`.
 */
import type { Contract } from '../contract/schema/contract-schema.js';
import { SupportPactError, type Problem } from '../errors/index.js';
import { secondsOf } from '../time/duration.js';
import type { PerformanceAssumption } from './forecast-types.js';

export type MeasureKind = 'serviceLevel' | 'quality' | 'availability' | 'outage' | 'vendorReport';

export interface MeasureRisk {
  /** `serviceLevel:p1-response`, `outage:phone-line`, `vendorReport`. */
  readonly key: string;
  readonly kind: MeasureKind;
  /** The id an assumption names it by: the service level, quality or availability id, or `vendorReport`. */
  readonly id: string;
  /** Monthly chance of a miss, an exact fraction "0.05". */
  readonly missFraction: string;
}

/** One measure's credit: its mildest band, earned when the measure misses. */
export interface CreditGroup {
  readonly measureIndex: number;
  readonly percentFraction: string;
  readonly percentText: string;
  readonly clause: string;
}

/** A bonus band: earned after `consecutiveMonths` months in a row; within a group the longest run that holds counts. */
export interface BonusBand {
  readonly consecutiveMonths: number;
  readonly percentFraction: string;
  readonly clause: string;
}

export interface BonusGroup {
  /** `allServiceLevelsMet` follows the service-level draws; `reached` draws `reachFraction` each month. */
  readonly kind: 'allServiceLevelsMet' | 'reached';
  readonly label: string;
  readonly reachFraction: string;
  /** Sorted by severity: fewer consecutive months first, then smaller percent. */
  readonly bands: readonly BonusBand[];
}

export interface Cap {
  readonly monthlyFraction?: string;
  readonly rollingFraction?: string;
}

export interface PerformanceModel {
  readonly measures: readonly MeasureRisk[];
  /** Indices into `measures` of the contract's service levels (all of them, credited or not). */
  readonly serviceLevelMeasures: readonly number[];
  readonly credits: readonly CreditGroup[];
  readonly creditCap: Cap;
  readonly bonuses: readonly BonusGroup[];
  readonly bonusCap: Cap;
  /** Sentences for the report: the assumption used, and bands it does not cost. */
  readonly notes: readonly string[];
}

const pct = (fraction: string): string => `${Number((Number(fraction) * 100).toFixed(4))}%`;

function capOf(cap: { monthly?: { fraction: string }; rolling12Months?: { fraction: string } } | undefined): Cap {
  return { ...(cap?.monthly ? { monthlyFraction: cap.monthly.fraction } : {}), ...(cap?.rolling12Months ? { rollingFraction: cap.rolling12Months.fraction } : {}) };
}

/**
 * Northstar with `missProbability: "5%"`: measures p1-response ... p3p4-resolution, fcr,
 * availability and outage of phone-line and vendorReport, each at 5%; availability's mildest
 * band (below 99.9%: 5%) is costed and the 15% band below 99.0% is named as not costed.
 * Throws USAGE when the assumption names a measure the proposal does not have.
 */
export function buildPerformanceModel(contract: Contract, assumption: PerformanceAssumption | undefined): PerformanceModel {
  const sla = contract.sla;
  const defaultMiss = assumption?.missFraction ?? '0';
  const overrides = assumption?.byProposal[contract.id] ?? {};
  const measures: MeasureRisk[] = [];
  const indexOf = new Map<string, number>();
  const measure = (kind: MeasureKind, id: string): number => {
    const key = kind === 'vendorReport' ? 'vendorReport' : `${kind}:${id}`;
    const known = indexOf.get(key);
    if (known !== undefined) return known;
    measures.push({ key, kind, id, missFraction: overrides[id] ?? defaultMiss });
    indexOf.set(key, measures.length - 1);
    return measures.length - 1;
  };
  const serviceLevelMeasures = (sla?.serviceLevels ?? []).map((level) => measure('serviceLevel', level.id));
  const notes: string[] = [];

  // Credit rules by measure; the mildest band (the first one crossed) is the one a miss earns.
  const groups = new Map<number, { severity: number; percent: string; text: string; clause: string; others: string[] }>();
  (sla?.credits ?? []).forEach((rule, index) => {
    const when = rule.when;
    let at: number;
    let severity: number; // lower is milder
    switch (when.measure) {
      case 'serviceLevel': {
        at = measure('serviceLevel', when.id);
        const target = sla?.serviceLevels?.find((l) => l.id === when.id)?.atLeast.fraction ?? '1';
        severity = -Number(when.test === 'below' ? when.below.fraction : target);
        break;
      }
      case 'quality':
        at = measure('quality', when.id);
        severity = 0;
        break;
      case 'availability':
        at = when.test === 'below' ? measure('availability', when.id) : measure('outage', when.id);
        severity = when.test === 'below' ? -Number(when.below.fraction) : secondsOf(when.longestOutageOver);
        break;
      case 'vendorReport':
        at = measure('vendorReport', 'vendorReport');
        severity = when.test === 'late' ? 1 : 2;
        break;
    }
    const clause = `sla.credits[${index}]`;
    const current = groups.get(at);
    const milder = !current || severity < current.severity || (severity === current.severity && Number(rule.credit.fraction) > Number(current.percent));
    if (milder) {
      if (current) current.others.push(`${current.clause} (${current.text})`);
      groups.set(at, { severity, percent: rule.credit.fraction, text: rule.credit.text, clause, others: current?.others ?? [] });
    } else current.others.push(`${clause} (${rule.credit.text})`);
  });
  const credits: CreditGroup[] = [...groups.entries()].map(([measureIndex, g]) => {
    if (g.others.length > 0) notes.push(`${measures[measureIndex]!.key}: a miss is costed at its mildest band ${g.clause} (${g.text}); deeper bands ${g.others.join(', ')} are not costed.`);
    return { measureIndex, percentFraction: g.percent, percentText: g.text, clause: g.clause };
  });

  const bonusGroups = new Map<string, { kind: 'allServiceLevelsMet' | 'reached'; label: string; threshold: number; bands: BonusBand[]; others: string[] }>();
  (sla?.incentives ?? []).forEach((rule, index) => {
    const when = rule.when;
    const clause = `sla.incentives[${index}]`;
    const band: BonusBand = { consecutiveMonths: when.consecutiveMonths, percentFraction: rule.bonus.fraction, clause };
    const key = when.measure === 'allServiceLevelsMet' ? 'all' : `${when.measure}:${when.id}`;
    const threshold = when.measure === 'allServiceLevelsMet' ? 0 : Number(when.atLeast.fraction);
    const group = bonusGroups.get(key);
    if (!group) {
      bonusGroups.set(key, { kind: when.measure === 'allServiceLevelsMet' ? 'allServiceLevelsMet' : 'reached', label: when.measure === 'allServiceLevelsMet' ? 'all service levels met' : `${when.measure} ${when.id}`, threshold, bands: [band], others: [] });
    } else if (threshold < group.threshold) {
      group.others.push(...group.bands.map((b) => b.clause));
      group.bands = [band];
      group.threshold = threshold;
    } else if (threshold === group.threshold) group.bands.push(band);
    else group.others.push(clause);
  });
  const bonusFraction = assumption?.bonusFraction ?? '0';
  const bonuses: BonusGroup[] = [...bonusGroups.values()].map((g) => {
    if (g.others.length > 0) notes.push(`${g.label}: only its lowest level is costed; ${g.others.join(', ')} not costed.`);
    const bands = [...g.bands].sort((a, b) => a.consecutiveMonths - b.consecutiveMonths || Number(a.percentFraction) - Number(b.percentFraction));
    return { kind: g.kind, label: g.label, reachFraction: g.kind === 'reached' ? bonusFraction : '0', bands };
  });

  const unknown: Problem[] = Object.keys(overrides)
    .filter((id) => !measures.some((m) => m.id === id))
    .map((id) => ({ message: `${contract.id} has no measure "${id}"`, path: ['performance', 'proposals', contract.id, id], expected: `one of ${[...new Set(measures.map((m) => m.id))].join(', ') || '(no measures)'}` }));
  if (unknown.length > 0) throw new SupportPactError('USAGE', `the performance assumption names measures ${contract.id} does not have`, { problems: unknown });

  const source = assumption ? `from ${assumption.source}` : 'by default: no performance assumption was given';
  const overridden = measures.filter((m) => overrides[m.id] !== undefined).map((m) => `${m.key} ${pct(m.missFraction)}`);
  notes.unshift(`Expected credits assume each measure misses independently in ${pct(defaultMiss)} of months${overridden.length > 0 ? ` (${overridden.join(', ')})` : ''}, ${source}; a missed measure earns its mildest credit band.`);
  if (bonuses.some((b) => b.kind === 'reached')) notes.push(`Bonuses other than "all service levels met" are assumed reached in ${pct(bonusFraction)} of months.`);
  return { measures, serviceLevelMeasures, credits, creditCap: capOf(sla?.creditCap), bonuses, bonusCap: capOf(sla?.incentiveCap), notes };
}
