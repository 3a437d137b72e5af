/**
 * Expected credits and bonuses as a fraction of the month's fees, exactly: the distribution
 * of the summed percents over every combination of independent outcomes, each sum cut by the
 * monthly cap, then averaged. (The expectation of a capped sum is not the capped sum of
 * expectations: two 10% credits each missed half the time under a 15% cap expect 8.75%, not 10%.)
 */
import { ExactDecimal, toExact, type Exact } from '../money/index.js';
import type { BonusGroup, PerformanceModel } from './performance-model.js';

/** One group's outcomes: a percent (as a fraction) earned with a probability; the rest of the time nothing. */
export interface GroupOutcome {
  readonly fraction: Exact;
  readonly probability: Exact;
}

/**
 * `expectedCappedFraction([[{0.10, 0.5}], [{0.10, 0.5}]], '0.15')` is 0.0875: both apply a
 * quarter of the time (0.20 capped to 0.15), one alone half the time (0.10), none a quarter.
 */
export function expectedCappedFraction(groups: readonly (readonly GroupOutcome[])[], capFraction: string | undefined): Exact {
  let distribution = new Map<string, { sum: Exact; probability: Exact }>([['0', { sum: toExact(0), probability: toExact(1) }]]);
  for (const outcomes of groups) {
    const next = new Map<string, { sum: Exact; probability: Exact }>();
    const add = (sum: Exact, probability: Exact): void => {
      if (probability.isZero()) return;
      const key = sum.toFixed();
      const entry = next.get(key);
      next.set(key, { sum, probability: entry ? entry.probability.plus(probability) : probability });
    };
    const none = outcomes.reduce((rest, o) => rest.minus(o.probability), toExact(1));
    for (const { sum, probability } of distribution.values()) {
      add(sum, probability.times(none));
      for (const o of outcomes) add(sum.plus(o.fraction), probability.times(o.probability));
    }
    distribution = next;
  }
  const cap = capFraction === undefined ? undefined : new ExactDecimal(capFraction);
  let expected = toExact(0);
  for (const { sum, probability } of distribution.values()) expected = expected.plus((cap && sum.greaterThan(cap) ? cap : sum).times(probability));
  return expected;
}

/** The chance that every service level is met in a month, the product of (1 - miss) over them: 0.95^5 ≈ 0.774 for northstar's five levels at 5%. */
export function allMetProbability(model: PerformanceModel): Exact {
  return model.serviceLevelMeasures.reduce((p, i) => p.times(toExact(1).minus(new ExactDecimal(model.measures[i]!.missFraction))), toExact(1));
}

/**
 * The expected credit fraction of a month: northstar with every measure at 5% earns each of
 * its 9 credit groups 5% of the time, summed under the 15% monthly cap.
 */
export function expectedCreditFraction(model: PerformanceModel): Exact {
  const groups = model.credits.map((g) => [{ fraction: new ExactDecimal(g.percentFraction), probability: new ExactDecimal(model.measures[g.measureIndex]!.missFraction) }]);
  return expectedCappedFraction(groups, model.creditCap.monthlyFraction);
}

/** A bonus group's outcomes in month `monthIndex` (0 = the first forecast month; no run before it). */
function bonusOutcomes(group: BonusGroup, monthProbability: Exact, monthIndex: number): GroupOutcome[] {
  const atLeast = (k: number): Exact => (monthIndex >= k - 1 ? monthProbability.pow(k) : toExact(0));
  // The band with the longest run that holds counts: P(exactly this band) = P(run >= k) - P(run >= next k).
  return group.bands.map((band, j) => {
    const next = group.bands[j + 1];
    const probability = atLeast(band.consecutiveMonths).minus(next ? atLeast(next.consecutiveMonths) : toExact(0));
    return { fraction: new ExactDecimal(band.percentFraction), probability };
  });
}

/**
 * The expected bonus fraction in month `monthIndex`: northstar's "all service levels met 3
 * months running" (3%) with 5 service levels at 5% each is 0 in the first two months, then
 * 3% × 0.95^15 ≈ 1.39% from the third.
 */
export function expectedBonusFraction(model: PerformanceModel, monthIndex: number): Exact {
  const allMet = allMetProbability(model);
  const groups = model.bonuses.map((g) => bonusOutcomes(g, g.kind === 'allServiceLevelsMet' ? allMet : new ExactDecimal(g.reachFraction), monthIndex));
  return expectedCappedFraction(groups, model.bonusCap.monthlyFraction);
}
