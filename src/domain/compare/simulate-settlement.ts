/**
 * One proposal's months in one simulated future, in integer minor units: fees from the
 * compiled cost model, each measure's miss drawn, credits and bonuses per rule rounded with
 * the contract's rounding, cut by the monthly cap and the rolling 12-month cap (rounded down,
 * as settlement does), then tax on fees - credits + bonuses.
 */
import type { CostModel } from './compile-cost-model.js';
import type { ForecastModel } from './forecast-types.js';
import { multiplierOf, type MinorTimesFraction } from './fraction-multiplier.js';
import type { Cap } from './performance-model.js';

export interface SettlementRun {
  /** Resets the run for a new simulated future. */
  startFuture(): void;
  /** Adds month `monthIndex` with these tickets per forecast cell. */
  addMonth(monthIndex: number, cellCounts: ArrayLike<number>): void;
  /** The future's total so far, minor units. */
  totalMinor(): number;
}

interface CapRule {
  readonly monthly: MinorTimesFraction | undefined;
  readonly rolling: MinorTimesFraction | undefined;
}

interface BonusRule {
  readonly allServiceLevels: boolean;
  readonly reachChance: number;
  readonly months: Int32Array;
  readonly amounts: readonly MinorTimesFraction[];
}

function capRule(cap: Cap): CapRule {
  return {
    monthly: cap.monthlyFraction !== undefined ? multiplierOf(cap.monthlyFraction, 'down') : undefined,
    rolling: cap.rollingFraction !== undefined ? multiplierOf(cap.rollingFraction, 'down') : undefined,
  };
}

/** Applies the monthly cap, then the rolling cap over this month and the 11 before it. */
function capped(amount: number, fees: Float64Array, granted: Float64Array, m: number, rule: CapRule): number {
  let result = amount;
  if (rule.monthly) result = Math.min(result, rule.monthly(fees[m]!));
  if (rule.rolling) {
    let feesWindow = 0;
    let grantedWindow = 0;
    for (let i = Math.max(0, m - 11); i <= m; i++) feesWindow += fees[i]!;
    for (let i = Math.max(0, m - 11); i < m; i++) grantedWindow += granted[i]!;
    result = Math.min(result, Math.max(0, rule.rolling(feesWindow) - grantedWindow));
  }
  return result;
}

/** A class, not a closure: V8 keeps its number fields in place, where a closure's changing number would be reboxed on every write. */
class Run implements SettlementRun {
  private total = 0;
  private readonly missChance: Float64Array;
  private readonly creditMeasures: Int32Array;
  private readonly creditAmounts: readonly MinorTimesFraction[];
  private readonly bonuses: readonly BonusRule[];
  private readonly creditCap: CapRule;
  private readonly bonusCap: CapRule;
  private readonly serviceLevels: Int32Array;
  private readonly cellPriority: Int32Array;
  private readonly extraFactors: readonly (readonly Float64Array[])[];
  private readonly priorityCounts: Float64Array;
  private readonly extraCounts: Float64Array;
  private readonly missed: Uint8Array;
  private readonly streaks: Int32Array;
  private readonly fees: Float64Array;
  private readonly creditsGranted: Float64Array;
  private readonly bonusesGranted: Float64Array;

  constructor(private readonly model: CostModel, monthCount: number, private readonly uniform: () => number) {
    const proposal = model.proposal;
    const performance = proposal.performance;
    const rounding = proposal.rounding;
    this.missChance = Float64Array.from(performance.measures, (m) => Number(m.missFraction));
    this.creditMeasures = Int32Array.from(performance.credits, (g) => g.measureIndex);
    this.creditAmounts = performance.credits.map((g) => multiplierOf(g.percentFraction, rounding));
    this.bonuses = performance.bonuses.map((g) => ({
      allServiceLevels: g.kind === 'allServiceLevelsMet',
      reachChance: Number(g.reachFraction),
      months: Int32Array.from(g.bands, (b) => b.consecutiveMonths),
      amounts: g.bands.map((b) => multiplierOf(b.percentFraction, rounding)),
    }));
    this.creditCap = capRule(performance.creditCap);
    this.bonusCap = capRule(performance.bonusCap);
    this.serviceLevels = Int32Array.from(performance.serviceLevelMeasures);
    this.cellPriority = model.priorityIndexOfCell;
    this.extraFactors = proposal.extras.map((e) => e.factor.map((row) => Float64Array.from(row)));
    this.priorityCounts = new Float64Array(proposal.priorities.length);
    this.extraCounts = new Float64Array(proposal.extras.length);
    this.missed = new Uint8Array(this.missChance.length);
    this.streaks = new Int32Array(this.bonuses.length);
    this.fees = new Float64Array(monthCount);
    this.creditsGranted = new Float64Array(monthCount);
    this.bonusesGranted = new Float64Array(monthCount);
  }

  startFuture(): void {
    this.total = 0;
    this.streaks.fill(0);
  }

  addMonth(m: number, cellCounts: ArrayLike<number>): void {
    const { priorityCounts, extraCounts, missed, streaks } = this;
    priorityCounts.fill(0);
    for (let k = 0; k < cellCounts.length; k++) {
      const p = this.cellPriority[k]!;
      if (p >= 0) priorityCounts[p]! += cellCounts[k]!;
    }
    for (let e = 0; e < this.extraFactors.length; e++) {
      const row = this.extraFactors[e]![m]!;
      let expected = 0;
      for (let k = 0; k < cellCounts.length; k++) expected += cellCounts[k]! * row[k]!;
      extraCounts[e] = Math.round(expected);
    }
    const fees = this.model.feesMinor(priorityCounts, extraCounts);
    this.fees[m] = fees;
    for (let j = 0; j < missed.length; j++) missed[j] = this.uniform() < this.missChance[j]! ? 1 : 0;

    let credit = 0;
    for (let i = 0; i < this.creditMeasures.length; i++) if (missed[this.creditMeasures[i]!] === 1) credit += this.creditAmounts[i]!(fees);
    credit = capped(credit, this.fees, this.creditsGranted, m, this.creditCap);
    this.creditsGranted[m] = credit;

    let allMet = true;
    for (let i = 0; i < this.serviceLevels.length; i++) if (missed[this.serviceLevels[i]!] === 1) allMet = false;
    let bonus = 0;
    for (let i = 0; i < this.bonuses.length; i++) {
      const g = this.bonuses[i]!;
      const reached = g.allServiceLevels ? allMet : this.uniform() < g.reachChance;
      streaks[i] = reached ? streaks[i]! + 1 : 0;
      // The longest run that holds counts (bands are sorted by months, then percent).
      let earned = -1;
      for (let b = 0; b < g.months.length; b++) if (streaks[i]! >= g.months[b]!) earned = b;
      if (earned >= 0) bonus += g.amounts[earned]!(fees);
    }
    bonus = capped(bonus, this.fees, this.bonusesGranted, m, this.bonusCap);
    this.bonusesGranted[m] = bonus;

    const taxable = fees - credit + bonus;
    this.total += taxable + this.model.taxMinor(taxable);
  }

  totalMinor(): number {
    return this.total;
  }
}

/**
 * `createSettlementRun(model, forecast, () => random.next())`: the draws, uniform in [0, 1),
 * decide each measure's miss (a miss when the draw is below its probability), so a
 * probability of 0 never misses and 1 always does.
 */
export function createSettlementRun(model: CostModel, forecast: ForecastModel, uniform: () => number): SettlementRun {
  return new Run(model, forecast.months.length, uniform);
}
