/**
 * A proposal's cost for one steady month at a given volume, for cost curves and break-even
 * search: the forecast's mix of cells over its whole horizon, fees from the compiled model,
 * expected credits and bonuses at their long-run level (every consecutive-months bonus
 * eligible, the rolling cap allowing its monthly share), and tax.
 */
import type { CostModel } from './compile-cost-model.js';
import { expectedBonusFraction, expectedCreditFraction } from './expected-adjustments.js';
import type { ForecastModel } from './forecast-types.js';
import { multiplierOf } from './fraction-multiplier.js';
import type { Cap } from './performance-model.js';

export interface SteadyMonthCost {
  /** The month's total cost in minor units at `volume` tickets. */
  (volume: number): number;
}

/** Cell counts by volume: `volumeLadder(forecastMix(forecast), maxVolume)`. */
export interface CellLadder {
  countsAt(volume: number): Int32Array;
}

/** The forecast's cell mix, each cell's tickets over all forecast months (weights for `volumeLadder`): two months of [10, 30] give [20, 60]. */
export function forecastMix(forecast: ForecastModel): number[] {
  return forecast.cells.map((_, k) => forecast.expected.reduce((sum, row) => sum + (row[k] ?? 0), 0));
}

function steadyCap(cap: Cap): (amount: number, fees: number) => number {
  const monthly = cap.monthlyFraction !== undefined ? multiplierOf(cap.monthlyFraction, 'down') : undefined;
  // In a steady state every month earns the same, so the rolling cap allows its rate of each month's fees.
  const rolling = cap.rollingFraction !== undefined ? multiplierOf(cap.rollingFraction, 'down') : undefined;
  return (amount, fees) => {
    let result = amount;
    if (monthly) result = Math.min(result, monthly(fees));
    if (rolling) result = Math.min(result, rolling(fees));
    return result;
  };
}

/**
 * `steadyMonthCost(model, forecast, ladder)(1200)` is northstar's cost of a month with 1,200
 * tickets in the forecast's mix: 23,500.00 fees plus the long-run expected bonus, less
 * expected credits.
 */
export function steadyMonthCost(model: CostModel, forecast: ForecastModel, ladder: CellLadder): SteadyMonthCost {
  const proposal = model.proposal;
  const mix = forecastMix(forecast);
  // Each extra's share of a cell's tickets, averaged over the months by that cell's volume.
  const extraFactors = proposal.extras.map((extra) =>
    mix.map((cellTotal, k) => (cellTotal === 0 ? 0 : forecast.expected.reduce((sum, row, m) => sum + (row[k] ?? 0) * (extra.factor[m]?.[k] ?? 0), 0) / cellTotal)),
  );
  const rounding = proposal.rounding;
  const credit = multiplierOf(expectedCreditFraction(proposal.performance).toFixed(), rounding);
  const bonus = multiplierOf(expectedBonusFraction(proposal.performance, 1_000_000).toFixed(), rounding);
  const capCredit = steadyCap(proposal.performance.creditCap);
  const capBonus = steadyCap(proposal.performance.bonusCap);
  const priorityCounts = new Float64Array(proposal.priorities.length);
  const extraCounts = new Float64Array(proposal.extras.length);
  return (volume: number): number => {
    const cells = ladder.countsAt(volume);
    priorityCounts.fill(0);
    for (let k = 0; k < cells.length; k++) {
      const p = model.priorityIndexOfCell[k]!;
      if (p >= 0) priorityCounts[p]! += cells[k]!;
    }
    for (let e = 0; e < extraFactors.length; e++) {
      let expected = 0;
      for (let k = 0; k < cells.length; k++) expected += cells[k]! * extraFactors[e]![k]!;
      extraCounts[e] = Math.round(expected);
    }
    const fees = model.feesMinor(priorityCounts, extraCounts);
    const taxable = fees - capCredit(credit(fees), fees) + capBonus(bonus(fees), fees);
    return taxable + model.taxMinor(taxable);
  };
}
