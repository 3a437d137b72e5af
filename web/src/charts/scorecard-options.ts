import type { EChartsCoreOption } from 'echarts/core';
import type { Scorecard, ServiceLevelResult } from '../api/api-types.js';
import { durationValueSeconds, formatDuration, formatMonthShort, niceAxisTop, percentValue } from '../format/format.js';
import { palette } from './chart-theme.js';
import { serviceLevelName } from '../components/service-level-meters.js';

/** The lowest value on a percent axis: a little under the lowest figure, so differences of a point show. */
function percentFloor(values: readonly (number | undefined)[]): number {
  const known = values.filter((v): v is number => v !== undefined);
  if (known.length === 0) return 0;
  return Math.max(0, Math.floor((Math.min(...known) - 5) / 5) * 5);
}

const resultColour = { met: palette.met, missed: palette.breached, 'no-data': palette.muted } as const;

/** One bar per service level (its attainment), a dark tick at its target. */
export function attainmentOption(levels: readonly ServiceLevelResult[]): EChartsCoreOption {
  const names = levels.map(serviceLevelName);
  const values = levels.map((l) => percentValue(l.attainment?.percent));
  const targets = levels.map((l) => percentValue(l.target));
  return {
    legend: { data: ['Attainment', 'Target'], top: 0, right: 0 },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, width: 110, overflow: 'break' } },
    yAxis: { type: 'value', min: percentFloor([...values, ...targets]), max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { lineStyle: { color: palette.grid } } },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toFixed(2)}%` : 'no data') },
    series: [
      {
        name: 'Attainment',
        type: 'bar',
        barMaxWidth: 56,
        // The legend's swatch; each bar then takes the colour of its result.
        itemStyle: { color: palette.met },
        data: levels.map((l, i) => ({ value: values[i] ?? null, itemStyle: { color: resultColour[l.result] } })),
        label: { show: true, position: 'insideTop', color: '#fff', formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? `${p.value.toFixed(1)}%` : '') },
      },
      { name: 'Target', type: 'scatter', symbol: 'rect', symbolSize: [64, 3], itemStyle: { color: palette.target }, data: targets.map((t) => t ?? null), z: 5 },
    ],
  };
}

/** One line per service level over the months, each with its target as a dashed line in its colour. */
export function attainmentTrendOption(cards: readonly Scorecard[]): EChartsCoreOption {
  const months = cards.map((c) => formatMonthShort(c.month));
  const levels = cards[cards.length - 1]?.serviceLevels ?? [];
  const all: (number | undefined)[] = [];
  const series = levels.map((level, i) => {
    const data = cards.map((c) => percentValue(c.serviceLevels.find((l) => l.id === level.id)?.attainment?.percent) ?? null);
    const target = percentValue(level.target);
    all.push(...data.map((d) => d ?? undefined), target);
    const colour = palette.series[i % palette.series.length];
    return {
      name: serviceLevelName(level),
      type: 'line',
      data,
      connectNulls: false,
      symbolSize: 7,
      lineStyle: { width: 2, color: colour },
      itemStyle: { color: colour },
      markLine: target === undefined ? undefined : { symbol: 'none', silent: true, label: { show: false }, lineStyle: { type: 'dashed', color: colour, width: 1 }, data: [{ yAxis: target, name: `${serviceLevelName(level)} target` }] },
    };
  });
  return {
    legend: { type: 'scroll', top: 0 },
    grid: { top: 56, left: 56, right: 24, bottom: 32, containLabel: true },
    xAxis: { type: 'category', data: months, boundaryGap: false },
    yAxis: { type: 'value', min: percentFloor(all), max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { lineStyle: { color: palette.grid } } },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toFixed(2)}%` : 'no data') },
    series,
  };
}

/** A measure over the months against its target line: percentages, or durations in hours. */
export function measureTrendOption(months: readonly string[], seriesName: string, values: readonly (number | null)[], targetText: string | undefined, unit: 'percent' | 'hours', results: readonly string[] = []): EChartsCoreOption {
  const target = unit === 'percent' ? percentValue(targetText) : ((durationValueSeconds(targetText) ?? NaN) / 3600 || undefined);
  const known = values.filter((v): v is number => v !== null);
  const formatter = unit === 'percent' ? '{value}%' : '{value} h';
  // "at most" targets (reopen rate, time to resolve) read from zero up; "at least" ones near 100%.
  const atMost = /at most/i.test(targetText ?? '') || unit === 'hours';
  const max = atMost ? niceAxisTop(Math.max(...known, target ?? 0, 1) * 1.25).top : 100;
  const min = atMost ? 0 : percentFloor([...known, target]);
  return {
    legend: { data: [seriesName, 'Target'], top: 0, right: 0 },
    // Room on the right for the target's label at the end of its line.
    grid: { top: 40, left: 48, right: 76, bottom: 28, containLabel: true },
    xAxis: { type: 'category', data: months.map(formatMonthShort), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', min, max, axisLabel: { formatter }, splitLine: { lineStyle: { color: palette.grid } } },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? (unit === 'percent' ? `${v.toFixed(2)}%` : `${v.toFixed(2)} h`) : 'no data') },
    series: [
      {
        name: seriesName,
        type: 'bar',
        barMaxWidth: 40,
        // Each month's bar in the colour of its result: green met, red missed.
        data: values.map((v, i) => ({ value: v, itemStyle: { color: resultColour[(results[i] ?? 'no-data') as keyof typeof resultColour] ?? palette.accent } })),
        // The legend's swatch; the bars take the colour of their result.
        itemStyle: { color: palette.met },
        label: { show: true, position: 'top', color: palette.ink, formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? (unit === 'percent' ? `${p.value.toFixed(1)}%` : `${p.value.toFixed(1)} h`) : '') },
        markLine: target === undefined ? undefined : { symbol: 'none', silent: true, lineStyle: { type: 'dashed', color: palette.target, width: 1.5 }, label: { formatter: `target\n${unit === 'percent' ? `${target}%` : formatDuration((target ?? 0) * 3600)}`, position: 'end', color: palette.ink, lineHeight: 14 }, data: [{ yAxis: target }] },
      },
      // An empty series so the legend shows what the dashed line is.
      { name: 'Target', type: 'line', data: [], lineStyle: { type: 'dashed', color: palette.target }, itemStyle: { color: palette.target }, symbol: 'none' },
    ],
  };
}
