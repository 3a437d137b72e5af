import { useMemo } from 'react';
import type { Scorecard } from '../api/api-types.js';
import { contractPath } from '../api/api-client.js';
import { useApi } from '../api/use-api.js';
import { useContractClock } from '../api/use-contract-clock.js';
import { attainmentOption } from '../charts/scorecard-options.js';
import { Chart } from '../components/chart.js';
import { ContractKicker } from '../components/contract-kicker.js';
import { LoadState } from '../components/load-state.js';
import { MonthPicker } from '../components/month-picker.js';
import { PageHeader } from '../components/page-header.js';
import { serviceLevelName } from '../components/service-level-meters.js';
import { StatusBadge } from '../components/status-badge.js';
import { formatInstant, formatMonth } from '../format/format.js';
import { navigate, pathOf, useLocation, withQuery } from '../router/router.js';
import { ResolveTimes } from './resolve-times.js';
import { ScorecardTrends } from './scorecard-trends.js';
import { AvailabilityTable, QualityTable, ServiceLevelTable, VolumesAndReport } from './scorecard-tables.js';

function MonthScorecard({ contractId, card }: { readonly contractId: string; readonly card: Scorecard }) {
  const option = useMemo(() => attainmentOption(card.serviceLevels), [card]);
  return (
    <>
      <section aria-labelledby="sl-heading" className="section">
        <h2 id="sl-heading">Service levels</h2>
        <p className="section-lead">
          {card.allServiceLevelsMet ? <StatusBadge status="met" label="Every service level with data met" /> : <StatusBadge status="missed" label="Not every service level met" />} Measured under contract version {card.contractVersion}, as of {formatInstant(card.asOf, card.zone)}.
        </p>
        <Chart
          title={`Attainment per service level in ${formatMonth(card.month)}, against its target`}
          description="Bars are attainment (green met, red missed); the dark mark on each bar is its target."
          option={option}
          heightPx={280}
          testId="attainment-chart"
          table={{
            columns: ['Service level', 'Target', 'Attainment', 'Result'],
            rows: card.serviceLevels.map((l) => [serviceLevelName(l), l.target, l.attainment?.percent ?? 'no data', l.result]),
          }}
        />
        <ServiceLevelTable card={card} contractId={contractId} />
      </section>
      <section aria-labelledby="quality-heading" className="section">
        <h2 id="quality-heading">Quality</h2>
        <QualityTable card={card} />
      </section>
      <section aria-labelledby="availability-heading" className="section">
        <h2 id="availability-heading">Availability</h2>
        <AvailabilityTable card={card} />
      </section>
      <section aria-labelledby="volumes-heading" className="section">
        <h2 id="volumes-heading">Volumes and vendor report</h2>
        <VolumesAndReport card={card} />
      </section>
    </>
  );
}

function ScorecardFor({ contractId, month, current }: { readonly contractId: string; readonly month: string; readonly current: string }) {
  const card = useApi<Scorecard>(contractPath(contractId, 'scorecards', month));
  return (
    <>
      <PageHeader
        title={`Scorecard · ${formatMonth(month)}`}
        kicker={<ContractKicker contractId={contractId} />}
        actions={<MonthPicker value={month} latest={current} onChange={(m) => navigate(withQuery(pathOf('contracts', contractId, 'scorecard'), { month: m }))} />}
      />
      <LoadState load={card} what="Scorecard" route="GET /api/v1/contracts/{id}/scorecards/{month}">
        {(data) => <MonthScorecard contractId={contractId} card={data} />}
      </LoadState>
      {/* The month's own figures first; the heavier reads start once they are in. */}
      {card.status !== 'loading' ? (
        <>
          <section aria-labelledby="resolve-heading" className="section">
            <h2 id="resolve-heading">Time to resolve</h2>
            <ResolveTimes contractId={contractId} month={month} />
          </section>
          <section aria-labelledby="trends-heading" className="section">
            <h2 id="trends-heading">Monthly trends</h2>
            <ScorecardTrends contractId={contractId} month={month} />
          </section>
        </>
      ) : null}
    </>
  );
}

/** A month's scorecard: attainment against targets, quality, availability, time to resolve, trends. */
export default function ScorecardPage({ params }: { readonly params: Record<string, string> }) {
  const contractId = params.id ?? '';
  const location = useLocation();
  const clock = useContractClock(contractId);
  const asked = location.search.get('month');
  const month = asked && /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) ? asked : clock.status === 'ok' ? clock.data.month : undefined;
  // A month in the address needs no clock: its scorecard is asked for at once.
  if (month) return <ScorecardFor contractId={contractId} month={month} current={clock.status === 'ok' ? clock.data.month : month} />;
  return (
    <>
      <PageHeader title="Scorecard" kicker={<ContractKicker contractId={contractId} />} />
      <LoadState load={clock} what="Scorecard" route="GET /api/v1/contracts/{id}/scorecards/{month}">
        {() => null}
      </LoadState>
    </>
  );
}
