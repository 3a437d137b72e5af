import { useMemo } from 'react';
import type { ComparedProposal, Comparison, ComparisonTermsRow, CostParts, Ranking } from '../api/api-types.js';
import { costCurveOption, monthlyMoneyOption } from '../charts/compare-options.js';
import { Chart } from '../components/chart.js';
import { OpenReportButton } from '../components/open-report-button.js';
import { SideBySideTable, type SideBySideRow } from '../components/side-by-side-table.js';
import { StatusBadge } from '../components/status-badge.js';
import { formatMoney, formatMonth, plural } from '../format/format.js';

const topicHeadings: Readonly<Record<ComparisonTermsRow['topic'], string>> = {
  pricing: 'Prices',
  targets: 'Targets by priority',
  coverage: 'Coverage hours by channel',
  credits: 'Credits and bonuses',
  term: 'Term and notice',
  exit: 'Exit duties',
  check: 'Check findings',
};

const costRows: readonly { readonly key: keyof CostParts; readonly label: string; readonly deducted?: boolean; readonly total?: boolean }[] = [
  { key: 'base', label: 'Base fees' },
  { key: 'usage', label: 'Usage' },
  { key: 'extras', label: 'Extras' },
  { key: 'minimumTrueUp', label: 'Minimum-commitment true-up' },
  { key: 'fees', label: 'Fees' },
  { key: 'expectedCredits', label: 'Expected credits (deducted)', deducted: true },
  { key: 'expectedBonuses', label: 'Expected bonuses' },
  { key: 'tax', label: 'Tax' },
  { key: 'total', label: 'Total', total: true },
];

/** `[['a'], ['b', 'c']]` as "a, then b = c". */
export function rankingWords(ranking: Ranking): string {
  return ranking.map((tie) => tie.join(' = ')).join(', then ');
}

const percentOf = (share: number): string => `${(share * 100).toFixed(1)}%`;

function ProposalName({ proposal }: { readonly proposal: ComparedProposal }) {
  return (
    <>
      <span className="block">{proposal.id}</span>
      <span className="muted small block">{proposal.vendor}</span>
    </>
  );
}

/** The comparison's answer: the ranking, costs side by side, monthly and by-volume charts, break-evens, the simulation, the terms. */
export function ComparisonView({ comparison, report }: { readonly comparison: Comparison; readonly report: { readonly path: string; readonly body: unknown } }) {
  const { forecast, proposals, breakEven, simulation, currency } = comparison;
  const money = (amount: string | null | undefined): string => formatMoney(amount === null || amount === undefined ? undefined : { amount, currency });
  const byId = new Map(proposals.map((p) => [p.id, p]));
  const simulatedById = new Map((simulation?.proposals ?? []).map((s) => [s.id, s]));
  const first = forecast.months[0];
  const last = forecast.months[forecast.months.length - 1];
  const monthlyOption = useMemo(() => monthlyMoneyOption(forecast.months, proposals.map((p) => ({ name: p.id, amounts: p.months.map((m) => m.total) })), currency, 'line'), [forecast.months, proposals, currency]);
  const curveOption = useMemo(() => costCurveOption(comparison), [comparison]);

  const costTable: SideBySideRow[] = [
    ...costRows.map((row) => ({
      label: row.label,
      numeric: true,
      className: row.total ? 'total-row' : undefined,
      // Credits lower the cost: shown with a minus, from the string (a zero stays unsigned).
      values: proposals.map((p) => money(row.deducted && !/^0(\.0+)?$/.test(p.totals[row.key]) ? `-${p.totals[row.key]}` : p.totals[row.key])),
    })),
    { label: 'Tickets', numeric: true, values: proposals.map((p) => p.tickets.toLocaleString('en-US')) },
    { label: 'Cost per ticket', numeric: true, values: proposals.map((p) => money(p.costPerTicket)) },
  ];
  const termsTable: SideBySideRow[] = [];
  let topic: string | undefined;
  for (const row of comparison.terms) {
    if (row.topic !== topic) termsTable.push({ heading: topicHeadings[row.topic] ?? row.topic });
    topic = row.topic;
    termsTable.push({ label: row.label, values: row.values });
  }

  return (
    <>
      <div className="result-meta">
        <p>
          {forecast.basis} · {first && last ? `${formatMonth(first)} to ${formatMonth(last)}` : 'no months'} ({plural(forecast.months.length, 'month')}) · {plural(forecast.totalTickets, 'ticket')} · amounts in {currency}
        </p>
        <OpenReportButton path={report.path} body={report.body} label="Open the full report (HTML) in a new tab" testId="open-report" />
      </div>

      <section className="section" aria-labelledby="ranking-heading">
        <h3 id="ranking-heading" className="subheading">
          Cheapest first, over the whole forecast
        </h3>
        <ol className="ranking" data-testid="compare-ranking">
          {comparison.ranking.map((tie, rank) => (
            <li key={tie.join(' ')}>
              {tie.map((id) => {
                const p = byId.get(id);
                const simulated = simulatedById.get(id);
                return (
                  <div key={id} className="ranking-entry">
                    <p className="ranking-name">
                      {rank === 0 ? <StatusBadge status="met" label={tie.length > 1 ? 'Cheapest (tied)' : 'Cheapest'} /> : <StatusBadge status="neutral" label={`${ordinal(rank + 1)}${tie.length > 1 ? ' (tied)' : ''}`} />} <strong>{p?.title ?? id}</strong> <code className="muted small">{id}</code>
                    </p>
                    <p className="ranking-figures">
                      <span className="big-figure">{money(p?.totals.total)}</span> <span className="muted">in total, {money(p?.costPerTicket)} a ticket · {p?.vendor} · {p?.file}</span>
                      {simulated && simulation ? <span className="muted block">Cheapest in {percentOf(simulated.probabilityCheapest)} of {simulation.paths.toLocaleString('en-US')} simulated futures.</span> : null}
                    </p>
                  </div>
                );
              })}
            </li>
          ))}
        </ol>
      </section>

      <section className="section" aria-labelledby="cost-heading">
        <h3 id="cost-heading" className="subheading">
          Cost over the forecast
        </h3>
        <SideBySideTable caption="Cost over the forecast, by part" corner="Part" columns={proposals.map((p) => <ProposalName key={p.id} proposal={p} />)} rows={costTable} numeric testId="compare-costs" />
      </section>

      <Chart
        title="Monthly cost of each proposal"
        description={`Each month's total (fees, less expected credits, plus expected bonuses and tax) for the forecast's tickets, ${currency}.`}
        option={monthlyOption}
        testId="monthly-cost-chart"
        table={{
          columns: ['Month', 'Forecast tickets', ...proposals.map((p) => p.id)],
          rows: forecast.months.map((month, i) => [formatMonth(month), (forecast.ticketsByMonth[i] ?? 0).toLocaleString('en-US'), ...proposals.map((p) => money(p.months[i]?.total))]),
        }}
      />

      <section className="section" aria-labelledby="break-even-heading">
        <h3 id="break-even-heading" className="subheading">
          Break-even volumes
        </h3>
        <p>One steady month, tickets added one at a time in the forecast's mix, from 0 to {breakEven.maxVolume.toLocaleString('en-US')} tickets a month:</p>
        <ul className="compact-list segment-list" data-testid="break-even-segments">
          {breakEven.segments.map((s) => (
            <li key={s.fromVolume}>
              <strong>
                {s.fromVolume.toLocaleString('en-US')}–{s.toVolume.toLocaleString('en-US')} tickets a month:
              </strong>{' '}
              {rankingWords(s.ranking)}
            </li>
          ))}
        </ul>
        {breakEven.breakEvens.length === 0 ? <p className="muted">The ranking does not change over these volumes.</p> : null}
        <Chart
          title="Cost of one month by volume"
          description={`Each proposal's monthly cost as the volume grows; dashed lines at the break-even volumes, the shaded band spans the forecast's own months (${Math.min(...forecast.ticketsByMonth).toLocaleString('en-US')} to ${Math.max(...forecast.ticketsByMonth).toLocaleString('en-US')} tickets).`}
          option={curveOption}
          heightPx={340}
          testId="cost-curve-chart"
          table={{
            columns: ['Tickets a month', ...proposals.map((p) => `${p.id} (${currency})`)],
            rows: breakEven.curve.volumes.map((v, i) => [v.toLocaleString('en-US'), ...proposals.map((p) => money(breakEven.curve.monthlyCost[p.id]?.[i]))]),
          }}
        />
        {breakEven.breakEvens.length > 0 ? (
          <SideBySideTable
            caption="Monthly cost on either side of each break-even volume"
            captionVisible
            corner="From (tickets a month)"
            columns={['Cheapest before', 'Cheapest from then on', ...proposals.map((p) => `${p.id}: monthly cost`)]}
            rows={breakEven.breakEvens.map((b) => ({
              label: b.volume.toLocaleString('en-US'),
              values: [
                rankingWords(b.before),
                rankingWords(b.after),
                ...proposals.map((p) => (
                  <>
                    <span className="block nowrap">{money(b.monthlyCostBefore[p.id])} at {(b.volume - 1).toLocaleString('en-US')}</span>
                    <span className="block nowrap">{money(b.monthlyCostAt[p.id])} at {b.volume.toLocaleString('en-US')}</span>
                  </>
                )),
              ],
            }))}
            testId="break-even-table"
          />
        ) : null}
      </section>

      {simulation ? (
        <section className="section" aria-labelledby="simulation-heading">
          <h3 id="simulation-heading" className="subheading">
            Simulated futures
          </h3>
          <p className="muted">
            {simulation.paths.toLocaleString('en-US')} futures, seed {simulation.seed} (the same seed gives the same figures); the whole forecast strays by {percentOf(simulation.levelCv)} and each month by {percentOf(simulation.monthlyCv)} (coefficients of variation). Percentiles are simulated totals, never interpolated.
          </p>
          <SideBySideTable
            caption="Total cost in the simulated futures"
            corner="Figure"
            columns={proposals.map((p) => <ProposalName key={p.id} proposal={p} />)}
            testId="simulation-table"
            numeric
            rows={[
              { label: 'P10 (1 future in 10 costs less)', numeric: true, values: proposals.map((p) => money(simulatedById.get(p.id)?.p10)) },
              { label: 'P50 (median)', numeric: true, values: proposals.map((p) => money(simulatedById.get(p.id)?.p50)) },
              { label: 'P90 (1 future in 10 costs more)', numeric: true, values: proposals.map((p) => money(simulatedById.get(p.id)?.p90)) },
              { label: 'Mean', numeric: true, values: proposals.map((p) => money(simulatedById.get(p.id)?.mean)) },
              { label: 'Cheapest in', numeric: true, values: proposals.map((p) => { const s = simulatedById.get(p.id); return s ? percentOf(s.probabilityCheapest) : '—'; }) },
            ]}
          />
        </section>
      ) : null}

      <section className="section" aria-labelledby="terms-heading">
        <h3 id="terms-heading" className="subheading">
          Terms side by side
        </h3>
        <SideBySideTable caption="Terms side by side" corner="Term" columns={proposals.map((p) => <ProposalName key={p.id} proposal={p} />)} rows={termsTable} testId="compare-terms" />
      </section>

      <section className="section" aria-labelledby="assumptions-heading">
        <h3 id="assumptions-heading" className="subheading">
          What the figures assume
        </h3>
        <ul className="notes">
          {forecast.assumptions.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
        {proposals.map((p) => (
          <div key={p.id}>
            <p className="small">
              <strong>{p.id}</strong> · {p.title}
            </p>
            <ul className="notes">
              {p.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </>
  );
}

/** 2 as "2nd", 3 as "3rd", 11 as "11th". */
function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}
