/**
 * Seeded simulation of each proposal's total cost: every simulated future draws a level
 * error once and each month's deviation (log-normal, mean 1, the forecast's coefficients of
 * variation), spreads the month's tickets over the cells by largest remainder, and draws each
 * measure's miss with its stated probability. All proposals see the same futures, so "the
 * cheapest" is compared on equal volumes.
 */
import { SupportPactError } from '../errors/index.js';
import { cumulativeShares, spreadWhole } from './spread-whole.js';
import type { CostModel } from './compile-cost-model.js';
import type { ForecastModel } from './forecast-types.js';
import { percentileOfSorted } from './percentile.js';
import { createRandomSource } from './random-source.js';
import { createSettlementRun } from './simulate-settlement.js';

export interface SimulationOptions {
  /** Simulated futures, 1 to 1,000,000. */
  readonly paths: number;
  /** Any whole number; the same seed gives the same results. */
  readonly seed: number;
}

export interface SimulatedCost {
  readonly contractId: string;
  /** Total cost over the forecast months, minor units (nearest-rank percentiles). */
  readonly p10Minor: number;
  readonly p50Minor: number;
  readonly p90Minor: number;
  readonly meanMinor: number;
  /** Share of futures in which it is the cheapest (a tie shares the future equally). */
  readonly probabilityCheapest: number;
}

export interface SimulationResult {
  readonly paths: number;
  readonly seed: number;
  readonly levelCv: number;
  readonly monthlyCv: number;
  readonly proposals: readonly SimulatedCost[];
}

export const maxSimulationPaths = 1_000_000;

/**
 * `simulateCosts([northstar, bayline, draft], forecast, { paths: 10000, seed: 1 })` gives each
 * proposal's P10/P50/P90 total and how often it is the cheapest; with both coefficients of
 * variation and every miss probability at 0, every future equals the deterministic projection.
 */
export function simulateCosts(models: readonly CostModel[], forecast: ForecastModel, options: SimulationOptions): SimulationResult {
  const { paths, seed } = options;
  if (!Number.isSafeInteger(paths) || paths < 1 || paths > maxSimulationPaths) {
    throw new SupportPactError('USAGE', `--simulate ${paths} is not a number of futures from 1 to ${maxSimulationPaths.toLocaleString('en-US')}`, { problems: [{ message: `"${paths}" simulated futures`, path: ['--simulate'], hint: 'try --simulate 10000' }] });
  }
  if (!Number.isSafeInteger(seed)) throw new SupportPactError('USAGE', `--seed ${seed} is not a whole number`, { problems: [{ message: `"${seed}" is not a whole number`, path: ['--seed'], hint: 'write --seed 42' }] });
  const random = createRandomSource(seed);
  const monthCount = forecast.months.length;
  const cellCount = forecast.cells.length;
  const means = forecast.expected.map((row) => row.reduce((a, b) => a + b, 0));
  const runs = models.map((model) => createSettlementRun(model, forecast, () => random.next()));
  const totals = models.map(() => new Float64Array(paths));
  const cellCounts = new Float64Array(cellCount);
  const shares = forecast.expected.map((row) => cumulativeShares(row));

  for (let path = 0; path < paths; path++) {
    const level = random.multiplier(forecast.levelCv);
    for (const run of runs) run.startFuture();
    for (let m = 0; m < monthCount; m++) {
      const total = Math.round(level * random.multiplier(forecast.monthlyCv) * means[m]!);
      // Without spread the month is the forecast itself; otherwise its total is spread like the forecast's cells.
      if (total === means[m]) cellCounts.set(forecast.expected[m]!);
      else spreadWhole(total, shares[m]!, cellCounts);
      for (const run of runs) run.addMonth(m, cellCounts);
    }
    runs.forEach((run, i) => (totals[i]![path] = run.totalMinor()));
  }

  const cheapest = models.map(() => 0);
  for (let path = 0; path < paths; path++) {
    let min = Infinity;
    for (const t of totals) min = Math.min(min, t[path]!);
    const winners = totals.filter((t) => t[path] === min).length;
    totals.forEach((t, i) => {
      if (t[path] === min) cheapest[i]! += 1 / winners;
    });
  }
  return {
    paths,
    seed,
    levelCv: forecast.levelCv,
    monthlyCv: forecast.monthlyCv,
    proposals: models.map((model, i) => {
      const values = totals[i]!;
      let sum = 0;
      for (const v of values) sum += v;
      const sorted = Float64Array.from(values).sort();
      return {
        contractId: model.proposal.contract.id,
        p10Minor: percentileOfSorted(sorted, 0.1),
        p50Minor: percentileOfSorted(sorted, 0.5),
        p90Minor: percentileOfSorted(sorted, 0.9),
        meanMinor: Math.round(sum / paths),
        probabilityCheapest: cheapest[i]! / paths,
      };
    }),
  };
}
