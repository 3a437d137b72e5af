import { useMemo } from 'react';
import type { Scorecard } from '../api/api-types.js';
import { useScorecardSeries } from '../api/use-scorecard-series.js';
import { attainmentTrendOption, measureTrendOption } from '../charts/scorecard-options.js';
import { Chart } from '../components/chart.js';
import { LoadState } from '../components/load-state.js';
import { serviceLevelName } from '../components/service-level-meters.js';
import { formatDuration, formatMonth, percentValue } from '../format/format.js';

function TrendCharts({ cards }: { readonly cards: readonly Scorecard[] }) {
  const months = cards.map((c) => c.month);
  const last = cards[cards.length - 1];
  const levels = last?.serviceLevels ?? [];
  const attainment = useMemo(() => attainmentTrendOption(cards), [cards]);
  const quality = last?.quality ?? [];
  const availability = last?.availability ?? [];
  const partial = last && last.asOf < last.period.end ? ` (${formatMonth(last.month)} to date)` : '';

  const measureCharts = useMemo(() => {
    const charts: { id: string; title: string; option: ReturnType<typeof measureTrendOption>; rows: string[][] }[] = [];
    for (const q of quality) {
      const percent = q.metric !== 'meanTimeToResolve';
      const values = cards.map((c) => {
        const found = c.quality.find((x) => x.id === q.id);
        if (!found) return null;
        if (percent) return percentValue(found.share?.percent) ?? null;
        return found.meanSeconds === null || found.meanSeconds === undefined ? null : Math.round((found.meanSeconds / 3600) * 100) / 100;
      });
      const name = q.metric === 'firstContactResolution' ? 'First-contact resolution' : q.metric === 'reopenRate' ? 'Reopen rate' : `Mean time to resolve (${q.id})`;
      charts.push({
        id: q.id,
        title: `${name} by month, target ${q.target}`,
        option: measureTrendOption(months, name, values, q.target, percent ? 'percent' : 'hours', cards.map((c) => c.quality.find((x) => x.id === q.id)?.result ?? 'no-data')),
        rows: cards.map((c) => {
          const found = c.quality.find((x) => x.id === q.id);
          const value = found?.share?.percent ?? (found?.meanSeconds !== undefined && found.meanSeconds !== null ? formatDuration(found.meanSeconds) : 'no data');
          return [formatMonth(c.month), value, found?.result ?? 'no-data'];
        }),
      });
    }
    for (const a of availability) {
      const values = cards.map((c) => percentValue(c.availability.find((x) => x.id === a.id)?.availability?.percent) ?? null);
      charts.push({
        id: a.id,
        title: `Availability of the ${a.service} by month, target ${a.target}`,
        option: measureTrendOption(months, `Availability (${a.service})`, values, a.target, 'percent', cards.map((c) => c.availability.find((x) => x.id === a.id)?.result ?? 'no-data')),
        rows: cards.map((c) => {
          const found = c.availability.find((x) => x.id === a.id);
          return [formatMonth(c.month), found?.availability?.percent ?? 'no data', found?.result ?? 'no-data'];
        }),
      });
    }
    return charts;
  }, [cards, months, quality, availability]);

  if (cards.length === 0) return <p className="empty">No month has tickets yet.</p>;
  return (
    <>
      <Chart
        title={`Service-level attainment by month against each target${partial}`}
        description="Dashed lines are the targets, in the colour of their service level."
        option={attainment}
        heightPx={320}
        testId="trend-attainment"
        table={{
          columns: ['Month', ...levels.map((l) => `${serviceLevelName(l)} (≥ ${l.target})`)],
          rows: cards.map((c) => [formatMonth(c.month), ...levels.map((l) => c.serviceLevels.find((x) => x.id === l.id)?.attainment?.percent ?? 'no data')]),
        }}
      />
      <div className="chart-grid">
        {measureCharts.map((chart) => (
          <Chart key={chart.id} title={chart.title} option={chart.option} heightPx={240} table={{ columns: ['Month', 'Measured', 'Result'], rows: chart.rows }} />
        ))}
      </div>
    </>
  );
}

/** Month-by-month charts from the scorecards of the last twelve months up to `month`. */
export function ScorecardTrends({ contractId, month }: { readonly contractId: string; readonly month: string }) {
  const series = useScorecardSeries(contractId, month);
  return (
    <LoadState load={series} what="Monthly trends" route="GET /api/v1/contracts/{id}/scorecards/{month}">
      {(cards) => <TrendCharts cards={cards} />}
    </LoadState>
  );
}
