import type { EChartsCoreOption } from 'echarts/core';
import type { Comparison } from '../api/api-types.js';
import { formatMoney, formatMonthShort } from '../format/format.js';
import { palette } from './chart-theme.js';

/**
 * Charts of the vendor comparison and the backtest. Amounts arrive as decimal strings: a point's
 * height is the string read as a number (a position on screen), while every figure a person
 * reads (tooltips, tables) is the string itself, grouped.
 */

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Axis ticks are positions, not amounts from the API: whole currency units, grouped. */
function moneyAxis(currency: string): Record<string, unknown> {
  return { type: 'value', name: currency, nameTextStyle: { color: palette.muted }, axisLabel: { formatter: (v: number) => grouped.format(v) }, splitLine: { lineStyle: { color: palette.grid } } };
}

/** The tooltip of one series shows its own decimal strings, looked up by the point's index. */
function amountTooltip(amounts: readonly (string | null | undefined)[], currency: string): Record<string, unknown> {
  return {
    valueFormatter: (_value: unknown, index: number) => {
      const amount = amounts[index];
      return amount === null || amount === undefined ? 'no figure' : formatMoney({ amount, currency });
    },
  };
}

export interface MoneySeries {
  readonly name: string;
  /** One decimal string per category; null where there is no figure (drawn as a gap, never as 0). */
  readonly amounts: readonly (string | null)[];
}

/** One line (or bar) per series over months: monthly costs of each proposal, invoices of both backtest sides. */
export function monthlyMoneyOption(months: readonly string[], series: readonly MoneySeries[], currency: string, kind: 'line' | 'bar'): EChartsCoreOption {
  return {
    legend: { type: 'scroll', top: 0 },
    grid: { top: 48, left: 56, right: 24, bottom: 32, containLabel: true },
    xAxis: { type: 'category', data: months.map(formatMonthShort), boundaryGap: kind === 'bar' },
    yAxis: moneyAxis(currency),
    tooltip: { trigger: 'axis' },
    series: series.map((s) => ({
      name: s.name,
      type: kind,
      data: s.amounts.map((a) => (a === null ? null : Number(a))),
      tooltip: amountTooltip(s.amounts, currency),
      ...(kind === 'line' ? { symbolSize: 5, lineStyle: { width: 2 } } : { barMaxWidth: 36 }),
    })),
  };
}

/**
 * Each proposal's cost of one steady month as the monthly volume grows (the JSON's curve), a
 * dashed line at each break-even volume, and the band of the forecast's own monthly volumes.
 */
export function costCurveOption(comparison: Comparison): EChartsCoreOption {
  const { curve, breakEvens, maxVolume } = comparison.breakEven;
  const volumes = comparison.forecast.ticketsByMonth;
  const band = volumes.length > 0 ? [Math.min(...volumes), Math.max(...volumes)] : undefined;
  return {
    legend: { type: 'scroll', top: 0 },
    grid: { top: 48, left: 56, right: 32, bottom: 40, containLabel: true },
    xAxis: { type: 'value', name: 'tickets a month', nameLocation: 'middle', nameGap: 28, min: 0, max: maxVolume, splitLine: { show: false } },
    yAxis: moneyAxis(comparison.currency),
    tooltip: { trigger: 'axis', axisPointer: { type: 'line' } },
    series: comparison.proposals.map((p, i) => {
      const amounts = curve.monthlyCost[p.id] ?? [];
      return {
        name: p.id,
        type: 'line',
        showSymbol: false,
        lineStyle: { width: 2 },
        data: curve.volumes.map((v, j) => [v, Number(amounts[j] ?? NaN)]),
        tooltip: amountTooltip(amounts, comparison.currency),
        // The marks once, on the first series: break-evens and the forecast's range.
        ...(i === 0
          ? {
              markLine:
                breakEvens.length > 0
                  ? { symbol: 'none', silent: true, lineStyle: { type: 'dashed', color: palette.ink, width: 1 }, label: { formatter: 'break-even {c}', color: palette.ink }, data: breakEvens.map((b) => ({ xAxis: b.volume })) }
                  : undefined,
              markArea: band ? { silent: true, itemStyle: { color: palette.pause }, label: { show: true, position: 'insideTop', color: palette.muted, formatter: 'forecast months' }, data: [[{ xAxis: band[0] }, { xAxis: band[1] }]] } : undefined,
            }
          : {}),
      };
    }),
  };
}
