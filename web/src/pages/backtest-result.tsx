import { useMemo } from 'react';
import type { Backtest, BacktestMonth, BacktestSide } from '../api/api-types.js';
import { monthlyMoneyOption } from '../charts/compare-options.js';
import { Chart } from '../components/chart.js';
import { SideBySideTable } from '../components/side-by-side-table.js';
import { StatusBadge } from '../components/status-badge.js';
import { formatDuration, formatInstant, formatMoney, formatMonth, plural } from '../format/format.js';

/** The proposal, then the contract in force when there is one. */
function sidesOf(backtest: Backtest): BacktestSide[] {
  return [backtest.proposal, ...(backtest.current ? [backtest.current] : [])];
}

function monthOf(side: BacktestSide, month: string): BacktestMonth | undefined {
  return side.months.find((m) => m.month === month);
}

/** "2 of 3 met", with the missed ones named: a status in words, never colour alone. */
function LevelsSummary({ month }: { readonly month: BacktestMonth | undefined }) {
  if (!month) return <span className="muted">—</span>;
  const levels = month.serviceLevels;
  const missed = levels.filter((l) => l.result === 'missed');
  const met = levels.filter((l) => l.result === 'met').length;
  return (
    <>
      <StatusBadge status={missed.length > 0 ? 'missed' : met > 0 ? 'met' : 'no-data'} label={`${met} of ${levels.length} met`} />
      {missed.length > 0 ? <span className="muted small block">missed: {missed.map((l) => l.id).join(', ')}</span> : null}
    </>
  );
}

/** One side's month in detail: each service level and quality measure, then the credit lines. */
function SideMonth({ side, month }: { readonly side: BacktestSide; readonly month: BacktestMonth | undefined }) {
  const money = (amount: string) => formatMoney({ amount, currency: side.currency });
  if (!month) return <p className="muted">No figures for this month.</p>;
  return (
    <div className="side-month">
      <p className="side-title">
        <strong>{side.contractId}</strong> · {plural(month.created, 'ticket')} created
      </p>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">
            {side.contractId}, {formatMonth(month.month)}: service levels and quality
          </caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">Target</th>
              <th scope="col" className="num">
                Measured
              </th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {month.serviceLevels.map((l) => (
              <tr key={`sl-${l.id}`}>
                <th scope="row">{l.id}</th>
                <td>{l.target}</td>
                <td className="num nowrap">
                  {l.attainment ?? '—'} <span className="muted small">({l.met} of {l.settled})</span>
                </td>
                <td>
                  <StatusBadge status={l.result} />
                </td>
              </tr>
            ))}
            {month.quality.map((q) => (
              <tr key={`q-${q.id}`}>
                <th scope="row">{q.id}</th>
                <td>{q.target}</td>
                <td className="num nowrap">{q.share ?? (q.meanSeconds !== null ? formatDuration(q.meanSeconds) : '—')}</td>
                <td>
                  <StatusBadge status={q.result} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {month.credits.length > 0 ? (
        <ul className="notes">
          {month.credits.map((c) => (
            <li key={c.clause}>
              {c.rule}: {c.percent} → {money(c.amount)} <code className="small">{c.clause}</code>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">No credits earned.</p>
      )}
    </div>
  );
}

/** The backtest's answer: totals side by side, invoices and credits by month in charts, then each month in detail. */
export function BacktestView({ backtest }: { readonly backtest: Backtest }) {
  const sides = sidesOf(backtest);
  const currency = backtest.proposal.currency;
  const money = (amount: string | undefined, cur = currency) => formatMoney(amount === undefined ? undefined : { amount, currency: cur });
  const invoiceOption = useMemo(() => monthlyMoneyOption(backtest.months, sidesOf(backtest).map((s) => ({ name: s.contractId, amounts: backtest.months.map((m) => monthOf(s, m)?.invoice.total ?? null) })), backtest.proposal.currency, 'bar'), [backtest]);
  const creditOption = useMemo(() => monthlyMoneyOption(backtest.months, sidesOf(backtest).map((s) => ({ name: s.contractId, amounts: backtest.months.map((m) => monthOf(s, m)?.creditsEarned ?? null) })), backtest.proposal.currency, 'bar'), [backtest]);
  const first = backtest.months[0];
  const last = backtest.months[backtest.months.length - 1];
  const sideLabel = (s: BacktestSide) => (s === backtest.proposal ? 'Proposal' : 'Current');

  return (
    <>
      <div className="result-meta">
        <p>
          {backtest.basis} · {first && last ? `${formatMonth(first)} to ${formatMonth(last)}` : 'no months'} · {plural(backtest.ticketsRead, 'ticket')} read · running clocks judged as of {formatInstant(backtest.asOf, backtest.zone)}
        </p>
      </div>
      <ul className="notes">
        {[...backtest.notes, ...sides.flatMap((s) => s.notes.map((n) => `${s.contractId}: ${n}`))].map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>

      <SideBySideTable
        caption="Totals over the months, side by side"
        captionVisible
        corner="Over the months"
        columns={sides.map((s) => (
          <span key={s.contractId}>
            <span className="block">
              {sideLabel(s)}: {s.contractId}
            </span>
            <span className="muted small block">{s.title}</span>
          </span>
        ))}
        testId="backtest-totals"
        numeric
        rows={[
          { label: 'Fees', numeric: true, values: sides.map((s) => money(s.totals.fees, s.currency)) },
          { label: 'Credits earned', numeric: true, values: sides.map((s) => money(s.totals.creditsEarned, s.currency)) },
          { label: 'Bonuses earned', numeric: true, values: sides.map((s) => money(s.totals.bonusesEarned, s.currency)) },
          { label: 'Invoiced', numeric: true, className: 'total-row', values: sides.map((s) => money(s.totals.invoiced, s.currency)) },
        ]}
      />

      <div className="chart-grid">
        <Chart
          title="Invoice total by month"
          description="Each month's invoice under each contract (it carries the month before's credits)."
          option={invoiceOption}
          testId="backtest-invoice-chart"
          table={{ columns: ['Month', ...sides.map((s) => `${sideLabel(s)}: ${s.contractId}`)], rows: backtest.months.map((m) => [formatMonth(m), ...sides.map((s) => money(monthOf(s, m)?.invoice.total, s.currency))]) }}
        />
        <Chart
          title="Credits earned by month"
          description="Service credits each month earns under each contract's rules and caps."
          option={creditOption}
          testId="backtest-credit-chart"
          table={{ columns: ['Month', ...sides.map((s) => `${sideLabel(s)}: ${s.contractId}`)], rows: backtest.months.map((m) => [formatMonth(m), ...sides.map((s) => money(monthOf(s, m)?.creditsEarned, s.currency))]) }}
        />
      </div>

      <div className="table-scroll" data-testid="backtest-months">
        <table>
          <caption className="table-caption">Month by month, side by side</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                Month
              </th>
              {sides.map((s) => (
                <th key={s.contractId} scope="colgroup" colSpan={3} className="group-start">
                  {sideLabel(s)}: {s.contractId}
                </th>
              ))}
            </tr>
            <tr>
              {sides.map((s) => [
                <th key={`${s.contractId}-sl`} scope="col" className="group-start">
                  Service levels
                </th>,
                <th key={`${s.contractId}-cr`} scope="col" className="num">
                  Credits earned
                </th>,
                <th key={`${s.contractId}-inv`} scope="col" className="num">
                  Invoice total
                </th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {backtest.months.map((m) => (
              <tr key={m}>
                <th scope="row" className="nowrap">
                  {formatMonth(m)}
                </th>
                {sides.map((s) => {
                  const month = monthOf(s, m);
                  return [
                    <td key={`${s.contractId}-sl`} className="group-start">
                      <LevelsSummary month={month} />
                    </td>,
                    <td key={`${s.contractId}-cr`} className="num nowrap">
                      {money(month?.creditsEarned, s.currency)}
                    </td>,
                    <td key={`${s.contractId}-inv`} className="num nowrap">
                      {money(month?.invoice.total, s.currency)}
                    </td>,
                  ];
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3 className="subheading month-details-heading">Each month in detail</h3>
      {backtest.months.map((m) => (
        <details key={m} className="month-details">
          <summary>{formatMonth(m)}: service levels, quality and credits under each contract</summary>
          <div className="side-grid">
            {sides.map((s) => (
              <SideMonth key={s.contractId} side={s} month={monthOf(s, m)} />
            ))}
          </div>
        </details>
      ))}
    </>
  );
}
