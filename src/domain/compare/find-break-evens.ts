/**
 * Where the ranking of proposals changes with the monthly volume. Cost is piecewise linear in
 * the volume between band edges (and a binding minimum), so two proposals cross at most once
 * per piece: the search evaluates a grid of 1,000 volumes plus every band edge and its
 * neighbours, then every whole volume between two grid points whose rankings differ.
 */
import type { CostModel } from './compile-cost-model.js';
import type { ForecastModel } from './forecast-types.js';
import { forecastMix, steadyMonthCost } from './steady-month-cost.js';
import { volumeLadder } from './spread-whole.js';

/** Proposal ids cheapest first; ids in one inner list cost the same. */
export type Ranking = readonly (readonly string[])[];

export interface RankingSegment {
  readonly fromVolume: number;
  /** Inclusive; the last segment ends at the search's `maxVolume`. */
  readonly toVolume: number;
  readonly ranking: Ranking;
}

export interface BreakEven {
  /** The first volume (tickets a month) with the new ranking. */
  readonly volume: number;
  readonly before: Ranking;
  readonly after: Ranking;
  /** Monthly cost of each proposal (in the order given) at `volume - 1` and `volume`. */
  readonly costsBeforeMinor: readonly number[];
  readonly costsAtMinor: readonly number[];
}

export interface BreakEvenAnalysis {
  readonly maxVolume: number;
  /** Volumes for a chart (about 150, with every break-even), and each proposal's monthly cost at them. */
  readonly chartVolumes: readonly number[];
  readonly chartCostsMinor: readonly (readonly number[])[];
  readonly segments: readonly RankingSegment[];
  readonly breakEvens: readonly BreakEven[];
}

const gridSize = 1000;

function bandEdges(model: CostModel): number[] {
  const pricing = model.proposal.pricingContract.pricing;
  const included = pricing?.base?.includedTickets ?? 0;
  const edges = [included];
  for (const band of pricing?.tiers?.bands ?? []) if (band.upTo !== undefined) edges.push(included + band.upTo);
  if (pricing?.tiers?.packageSize !== undefined) edges.push(included + (pricing.tiers.freeUnits ?? 0));
  for (const band of pricing?.perIncident?.volumeDiscount?.bands ?? []) if (band.upTo !== undefined) edges.push(band.upTo);
  return edges;
}

/** A round upper end for the search, twice the busiest forecast month or a quarter past the highest band edge: northstar (edge 1,500) with 150 tickets a month searches to 1,900. */
export function breakEvenMaxVolume(models: readonly CostModel[], forecast: ForecastModel): number {
  const busiest = Math.max(0, ...forecast.expected.map((row) => row.reduce((a, b) => a + b, 0)));
  const edge = Math.max(0, ...models.flatMap(bandEdges));
  const raw = Math.max(10, 2 * busiest, Math.ceil(1.25 * edge));
  const step = 10 ** Math.max(0, Math.floor(Math.log10(raw)) - 1);
  return Math.ceil(raw / step) * step;
}

function rankingOf(ids: readonly string[], costs: readonly number[]): Ranking {
  const order = ids.map((id, i) => ({ id, cost: costs[i]! })).sort((a, b) => a.cost - b.cost || a.id.localeCompare(b.id));
  const groups: string[][] = [];
  let last: number | undefined;
  for (const { id, cost } of order) {
    if (cost === last) groups[groups.length - 1]!.push(id);
    else groups.push([id]);
    last = cost;
  }
  return groups;
}

const keyOf = (ranking: Ranking): string => ranking.map((g) => g.join('=')).join('<');

/**
 * Two proposals, A graduated (to 100 at 10.00, then 8.00) and B volume (to 100 at 10.00,
 * then all at 9.00): equal to 100 tickets, B cheaper from 101 to 199, equal at 200 (1,800.00
 * each), A cheaper from 201; break-evens at 101, 200 and 201.
 */
export function findBreakEvens(models: readonly CostModel[], forecast: ForecastModel, options: { maxVolume?: number } = {}): BreakEvenAnalysis {
  const ids = models.map((m) => m.proposal.contract.id);
  const maxVolume = options.maxVolume ?? breakEvenMaxVolume(models, forecast);
  const ladder = volumeLadder(forecastMix(forecast), maxVolume);
  const costOf = models.map((m) => steadyMonthCost(m, forecast, ladder));
  const memo = new Map<number, number[]>();
  const costsAt = (v: number): number[] => {
    let costs = memo.get(v);
    if (!costs) {
      costs = costOf.map((f) => f(v));
      memo.set(v, costs);
    }
    return costs;
  };
  const grid = new Set<number>();
  for (let i = 0; i <= gridSize; i++) grid.add(Math.round((i * maxVolume) / gridSize));
  for (const edge of models.flatMap(bandEdges)) for (const v of [edge - 1, edge, edge + 1]) if (v >= 0 && v <= maxVolume) grid.add(v);
  const points = [...grid].sort((a, b) => a - b);

  // Every whole volume between grid points whose rankings differ.
  const volumes = new Set(points);
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!];
    if (keyOf(rankingOf(ids, costsAt(a))) !== keyOf(rankingOf(ids, costsAt(b)))) for (let v = a + 1; v < b; v++) volumes.add(v);
  }
  const scanned = [...volumes].sort((a, b) => a - b);

  const segments: RankingSegment[] = [];
  const breakEvens: BreakEven[] = [];
  let previous: { volume: number; ranking: Ranking; key: string } | undefined;
  for (const v of scanned) {
    const ranking = rankingOf(ids, costsAt(v));
    const key = keyOf(ranking);
    if (!previous || previous.key !== key) {
      if (previous) {
        segments.push({ ...segments.pop()!, toVolume: v - 1 });
        breakEvens.push({ volume: v, before: previous.ranking, after: ranking, costsBeforeMinor: costsAt(v - 1), costsAtMinor: costsAt(v) });
      }
      segments.push({ fromVolume: v, toVolume: maxVolume, ranking });
    }
    previous = { volume: v, ranking, key };
  }

  const chart = new Set<number>();
  for (let i = 0; i <= 150; i++) chart.add(Math.round((i * maxVolume) / 150));
  for (const b of breakEvens) chart.add(b.volume);
  const chartVolumes = [...chart].sort((a, b) => a - b);
  return { maxVolume, chartVolumes, chartCostsMinor: models.map((_, i) => chartVolumes.map((v) => costsAt(v)[i]!)), segments, breakEvens };
}
