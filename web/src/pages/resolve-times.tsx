import { useMemo } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import type { ClockList } from '../api/api-types.js';
import { contractPath } from '../api/api-client.js';
import { useApi } from '../api/use-api.js';
import { palette } from '../charts/chart-theme.js';
import { Chart } from '../components/chart.js';
import { LoadState } from '../components/load-state.js';
import { formatDuration, formatMonth } from '../format/format.js';

interface PriorityTimes {
  readonly priority: string;
  readonly count: number;
  readonly medianSeconds: number;
  readonly p90Seconds: number;
  readonly met: number;
  /** The target when every clock of the priority had the same one (a `bd` target varies by start day). */
  readonly targetSeconds: number | undefined;
  readonly targetTexts: readonly string[];
}

/** The value at a share of a sorted list (nearest rank): `quantile([1,2,3,4], 0.5)` is 2. */
function quantile(sorted: readonly number[], share: number): number {
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)] ?? 0;
}

/** Stopped first-cycle resolution clocks of the listed tickets, by priority. */
export function resolveTimesByPriority(list: ClockList): PriorityTimes[] {
  const groups = new Map<string, { elapsed: number[]; met: number; targets: Set<number>; texts: Set<string> }>();
  for (const ticket of list.tickets) {
    for (const clock of ticket.clocks) {
      if (clock.metric !== 'resolution' || clock.cycle !== 1 || clock.stoppedAt === null || clock.status === 'canceled') continue;
      const group = groups.get(clock.priority) ?? { elapsed: [], met: 0, targets: new Set<number>(), texts: new Set<string>() };
      group.elapsed.push(clock.elapsedSeconds);
      if (clock.met) group.met++;
      group.targets.add(clock.targetSeconds);
      group.texts.add(clock.targetText);
      groups.set(clock.priority, group);
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([priority, g]) => {
      const sorted = [...g.elapsed].sort((a, b) => a - b);
      return { priority, count: sorted.length, medianSeconds: quantile(sorted, 0.5), p90Seconds: quantile(sorted, 0.9), met: g.met, targetSeconds: g.targets.size === 1 ? [...g.targets][0] : undefined, targetTexts: [...g.texts] };
    });
}

function resolveOption(rows: readonly PriorityTimes[]): EChartsCoreOption {
  const hours = (s: number): number => Math.round((s / 3600) * 100) / 100;
  return {
    legend: { data: ['Median', '90th percentile', 'Target'], top: 0, right: 0 },
    xAxis: { type: 'category', data: rows.map((r) => r.priority) },
    yAxis: { type: 'value', name: 'business hours', nameTextStyle: { color: palette.muted }, axisLabel: { formatter: '{value} h' }, splitLine: { lineStyle: { color: palette.grid } } },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? formatDuration(v * 3600) : '—') },
    series: [
      { name: 'Median', type: 'bar', barMaxWidth: 36, data: rows.map((r) => hours(r.medianSeconds)), itemStyle: { color: palette.accent } },
      { name: '90th percentile', type: 'bar', barMaxWidth: 36, data: rows.map((r) => hours(r.p90Seconds)), itemStyle: { color: palette.accentSoft } },
      { name: 'Target', type: 'scatter', symbol: 'rect', symbolSize: [80, 3], itemStyle: { color: palette.target }, data: rows.map((r) => (r.targetSeconds === undefined ? null : hours(r.targetSeconds))), z: 5 },
    ],
  };
}

/**
 * Time to resolve by priority for tickets created in the month: the median and 90th
 * percentile of resolution business time (pauses excluded), from the tickets' own clocks.
 */
export function ResolveTimes({ contractId, month }: { readonly contractId: string; readonly month: string }) {
  const clocks = useApi<ClockList>(`${contractPath(contractId, 'clocks')}?month=${month}&limit=5000`);
  const rows = useMemo(() => (clocks.status === 'ok' ? resolveTimesByPriority(clocks.data) : []), [clocks]);
  const option = useMemo(() => resolveOption(rows), [rows]);
  return (
    <LoadState load={clocks} what="Resolution times" route="GET /api/v1/contracts/{id}/clocks">
      {(list) =>
        rows.length === 0 ? (
          <p className="empty">No ticket created in {formatMonth(month)} has been resolved yet.</p>
        ) : (
          <>
            {list.total > list.tickets.length ? <p className="notice">Only the first {list.tickets.length.toLocaleString('en-US')} of {list.total.toLocaleString('en-US')} tickets are counted here.</p> : null}
            <Chart
              title={`Time to resolve by priority, tickets created in ${formatMonth(month)} and resolved`}
              description="Business time on each priority's calendar, pauses excluded. A target mark is drawn where all tickets of the priority shared one target (business-day targets vary with the start day)."
              option={option}
              heightPx={280}
              testId="resolve-times"
              table={{
                columns: ['Priority', 'Resolved', 'Median', '90th percentile', 'Within target', 'Target'],
                rows: rows.map((r) => [r.priority, r.count.toLocaleString('en-US'), formatDuration(r.medianSeconds), formatDuration(r.p90Seconds), `${((r.met / r.count) * 100).toFixed(1)}%`, r.targetTexts.join(', ')]),
              }}
            />
          </>
        )
      }
    </LoadState>
  );
}
