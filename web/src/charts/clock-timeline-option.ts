import type { EChartsCoreOption } from 'echarts/core';
import type { ClockStep, ExplainedClock } from '../api/api-types.js';
import { formatDuration, formatInstantShort, niceAxisTop, wallClockMs } from '../format/format.js';
import { palette } from './chart-theme.js';

/** The intervals a resolution clock was paused: from each `paused` step to the next step that ends it. */
export function pausedIntervals(clock: ExplainedClock): { fromAt: string; toAt: string }[] {
  const intervals: { fromAt: string; toAt: string }[] = [];
  let start: string | undefined;
  for (const step of clock.steps) {
    if (step.kind === 'paused' && start === undefined) start = step.at;
    else if (start !== undefined && ['resumed', 'solved', 'closed', 'canceled', 'as-of', 'reopened'].includes(step.kind)) {
      intervals.push({ fromAt: start, toAt: step.at });
      start = undefined;
    }
  }
  if (start !== undefined) intervals.push({ fromAt: start, toAt: clock.stoppedAt ?? clock.steps[clock.steps.length - 1]?.at ?? start });
  return intervals;
}

interface TimelinePoint {
  readonly at: string;
  readonly elapsedSeconds: number;
  readonly note: string;
  readonly addedSeconds?: number;
}

/**
 * The points of the line: every step, plus the due instant (elapsed time equals the target
 * there, by definition) when the clock ran past it, so the line crosses the target where the
 * clock did. Between points the line is straight; the clock itself only counts open time.
 */
export function timelinePoints(clock: ExplainedClock): TimelinePoint[] {
  const points: TimelinePoint[] = clock.steps.map((s: ClockStep) => ({ at: s.at, elapsedSeconds: s.elapsedSeconds, note: s.note, addedSeconds: s.addedSeconds }));
  if (clock.dueAt && clock.elapsedSeconds >= clock.targetSeconds) {
    const due = Date.parse(clock.dueAt);
    const index = points.findIndex((p) => Date.parse(p.at) > due);
    const point = { at: clock.dueAt, elapsedSeconds: clock.targetSeconds, note: `target of ${clock.targetText} used up` };
    if (index > 0) points.splice(index, 0, point);
  }
  return points;
}

/**
 * Elapsed business time over the ticket's life in the contract's wall-clock time: one point
 * per step, pauses shaded, the target as a horizontal line, the due instant as a vertical one,
 * and the breach marked where it came.
 */
export function clockTimelineOption(clock: ExplainedClock, zone: string): EChartsCoreOption {
  // Minutes for short targets (15m, 1h), hours otherwise: the axis reads in the target's unit.
  const inMinutes = clock.targetSeconds <= 2 * 3600;
  const scale = inMinutes ? 60 : 3600;
  const unit = inMinutes ? 'min' : 'h';
  const value = (seconds: number): number => Math.round((seconds / scale) * 1000) / 1000;
  const x = (at: string): number => wallClockMs(at, zone);
  const points = timelinePoints(clock);
  const times = [clock.startedAt, ...points.map((p) => p.at), ...(clock.dueAt ? [clock.dueAt] : [])].map(x);
  const first = Math.min(...times);
  const last = Math.max(...times);
  const margin = Math.max(60_000, (last - first) * 0.04);
  const target = value(clock.targetSeconds);
  const axis = niceAxisTop(Math.max(target, value(clock.elapsedSeconds)) * 1.08);
  const markLines: object[] = [{ yAxis: target, name: 'target', label: { formatter: `target ${clock.targetText}`, position: 'insideStartTop', color: palette.ink }, lineStyle: { color: palette.target, type: 'dashed', width: 1.5 } }];
  if (clock.dueAt) markLines.push({ xAxis: x(clock.dueAt), name: 'due', label: { formatter: `due ${formatInstantShort(clock.dueAt, zone)}`, position: 'end', color: palette.breached }, lineStyle: { color: palette.breached, type: 'solid', width: 1.5 } });
  return {
    // Wall-clock milliseconds read as UTC: ticks fall on the contract zone's hours and midnights.
    useUTC: true,
    grid: { top: 56, left: 56, right: 48, bottom: 24, containLabel: true },
    legend: { data: ['Elapsed business time', 'Paused'], top: 0, right: 0 },
    xAxis: {
      type: 'time',
      min: first - margin,
      max: last + margin,
      axisLabel: { hideOverlap: true, formatter: { year: '{yyyy}', month: '{MMM} {yyyy}', day: '{dd} {MMM}', hour: '{HH}:{mm}', minute: '{HH}:{mm}', second: '{HH}:{mm}:{ss}' } },
      splitLine: { show: false },
    },
    yAxis: { type: 'value', min: 0, max: axis.top, interval: axis.step, name: `business ${unit === 'h' ? 'hours' : 'minutes'}`, nameTextStyle: { color: palette.muted }, axisLabel: { formatter: `{value} ${unit}` }, splitLine: { lineStyle: { color: palette.grid } } },
    tooltip: {
      trigger: 'item',
      formatter: (p: { data?: { point?: TimelinePoint } }) => {
        const point = p.data?.point;
        if (!point) return '';
        const added = point.addedSeconds !== undefined ? `+${formatDuration(point.addedSeconds)} → ` : '';
        return `${formatInstantShort(point.at, zone)}<br/>${point.note.replace(/</g, '&lt;')}<br/>${added}${formatDuration(point.elapsedSeconds)}`;
      },
    },
    series: [
      {
        name: 'Elapsed business time',
        type: 'line',
        symbol: 'circle',
        symbolSize: 7,
        lineStyle: { width: 2.5, color: palette.accent },
        itemStyle: { color: palette.accent },
        data: points.map((p) => ({ value: [x(p.at), value(p.elapsedSeconds)], point: p })),
        markLine: { symbol: 'none', silent: true, data: markLines },
        markArea: {
          silent: true,
          itemStyle: { color: palette.pause },
          label: { show: true, position: 'insideTop', color: palette.muted, formatter: 'paused' },
          data: pausedIntervals(clock).map((p) => [{ xAxis: x(p.fromAt) }, { xAxis: x(p.toAt) }]),
        },
        markPoint: clock.breachedAt && clock.dueAt
          ? { symbol: 'pin', symbolSize: 36, itemStyle: { color: palette.breached }, label: { formatter: '!', color: '#fff' }, data: [{ name: 'breached', coord: [x(clock.dueAt), target], value: 'breached' }] }
          : undefined,
      },
      // Legend entry for the shaded pauses.
      { name: 'Paused', type: 'line', data: [], itemStyle: { color: 'rgba(91, 102, 117, 0.35)' }, lineStyle: { width: 8, color: 'rgba(91, 102, 117, 0.35)' }, symbol: 'none' },
    ],
  };
}
