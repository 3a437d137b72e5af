import { addMonthsToMonth } from '../time/local-date.js';
import { cumulativeShares, spreadWhole } from './spread-whole.js';
import type { Forecast, ForecastCell, ForecastModel } from './forecast-types.js';

/** Assumption stated in every comparison: how created tickets become billable units. */
export const resolvedEqualsCreated = 'Every forecast ticket is counted in the month it is created and is assumed resolved in that month, so resolved-ticket and created-ticket prices count the same tickets.';

function percentText(fraction: string): string {
  return `${Number((Number(fraction) * 100).toFixed(4))}%`;
}

/** Each month's expected counts: the month's total rounded half-up once, spread over the cells by cumulative rounding. */
function wholeMonth(means: readonly number[]): number[] {
  const total = Math.round(means.reduce((a, b) => a + b, 0));
  return [...spreadWhole(total, cumulativeShares(means))];
}

/**
 * The forecast as monthly cells: with 1,000 tickets a month at the start, growth "12%" per
 * year and seasonality jan 1.10, month 13 (the next January) expects 1,000 × 1.12 × 1.10 =
 * 1,232 tickets, spread over (priority, channel) cells in the start's proportions.
 */
export function expandForecast(forecast: Forecast, file: string): ForecastModel {
  const cells: ForecastCell[] = [];
  const base: number[] = [];
  for (const [priority, byChannel] of Object.entries(forecast.volumes)) {
    for (const [channel, count] of Object.entries(byChannel)) {
      cells.push({ priority, channel });
      base.push(count);
    }
  }
  const months: string[] = [];
  const expected: number[][] = [];
  const rate = forecast.growth ? Number(forecast.growth.fraction) : 0;
  const startMonthIndex = Number(forecast.startMonth.slice(5, 7)) - 1;
  for (let m = 0; m < forecast.months; m++) {
    months.push(addMonthsToMonth(forecast.startMonth, m));
    // Volumes are counts, not money: floats are fine here, and each month is rounded to whole tickets once.
    const growth = forecast.growth?.per === 'month' ? (1 + rate) ** m : (1 + rate) ** (m / 12);
    const season = forecast.seasonality[(startMonthIndex + m) % 12] ?? 1;
    expected.push(wholeMonth(base.map((b) => b * growth * season)));
  }
  const assumptions = [resolvedEqualsCreated];
  if (forecast.growth) assumptions.push(`Volumes grow ${percentText(forecast.growth.fraction)} per ${forecast.growth.per}, compounded monthly from ${forecast.startMonth}.`);
  else assumptions.push('No growth: the forecast gives none.');
  if (forecast.seasonality.some((s) => s !== 1)) assumptions.push('Seasonality multiplies each calendar month by its factor in the forecast.');
  const levelCv = Number(forecast.uncertainty.levelFraction);
  const monthlyCv = Number(forecast.uncertainty.monthlyFraction);
  return {
    title: forecast.title ?? `Forecast from ${file}`,
    basis: `forecast file ${file}`,
    months,
    cells,
    expected,
    levelCv,
    monthlyCv,
    arrivals: forecast.arrivals,
    performance: forecast.performance,
    assumptions,
  };
}

/** What a stored history contributes: tickets created per month in (raw priority, channel) cells. */
export interface HistoryVolumes {
  readonly contractId: string;
  readonly months: readonly string[];
  readonly cells: readonly ForecastCell[];
  readonly counts: readonly (readonly number[])[];
}

/**
 * A forecast that repeats history: the months and counts as they were. The monthly spread for
 * `--simulate` is the history's own coefficient of variation of monthly totals (three months of
 * 8,995, 7,934 and 7,508 tickets: about 9.5%); no level uncertainty is added.
 */
export function forecastFromHistory(history: HistoryVolumes): ForecastModel {
  const totals = history.counts.map((row) => row.reduce((a, b) => a + b, 0));
  const mean = totals.reduce((a, b) => a + b, 0) / Math.max(1, totals.length);
  const variance = totals.length > 1 ? totals.reduce((a, t) => a + (t - mean) ** 2, 0) / (totals.length - 1) : 0;
  const monthlyCv = mean > 0 ? Math.sqrt(variance) / mean : 0;
  const span = history.months.length > 0 ? `${history.months[0]} to ${history.months[history.months.length - 1]}` : 'no months';
  return {
    title: `Ticket history of ${history.contractId}`,
    basis: `stored tickets of ${history.contractId}`,
    months: history.months,
    cells: history.cells,
    expected: history.counts,
    levelCv: 0,
    monthlyCv,
    arrivals: undefined,
    performance: undefined,
    assumptions: [
      resolvedEqualsCreated,
      `Volumes are the tickets created in each month of ${span}, by the raw priority last set on each ticket and its channel under the contract's names.`,
      `For --simulate, each month strays from history by the history's own spread (coefficient of variation ${(monthlyCv * 100).toFixed(1)}% of monthly totals).`,
    ],
  };
}
