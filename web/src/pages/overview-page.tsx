import type { ContractOverviewJson, OverviewJson } from '../api/api-types.js';
import { useApi } from '../api/use-api.js';
import { ErrorPanel, Loading } from '../components/load-state.js';
import { PageHeader } from '../components/page-header.js';
import { ServiceLevelMeters } from '../components/service-level-meters.js';
import { StatusBadge } from '../components/status-badge.js';
import { formatDate, formatInstant, formatMoney, formatMonth } from '../format/format.js';
import { Link, pathOf } from '../router/router.js';
import { OverviewFallback } from './overview-fallback.js';

function Credits({ summary }: { readonly summary: ContractOverviewJson }) {
  const { credits } = summary;
  if (credits.status === 'outside-service') return <p className="muted">{credits.feesBasis}</p>;
  return (
    <>
      <p className="big-figure" data-testid="credits-accrued">
        {formatMoney(credits.credits)}
      </p>
      <p className="muted small">
        on fees of {formatMoney(credits.fees)} so far{credits.bonuses && credits.bonuses.amount !== '0.00' ? `; bonuses ${formatMoney(credits.bonuses)}` : ''}
        {credits.uncappedCredits && credits.credits && credits.uncappedCredits.amount !== credits.credits.amount ? ` (capped from ${formatMoney(credits.uncappedCredits)})` : ''}.
      </p>
      {credits.lines.length > 0 ? (
        <ul className="compact-list">
          {credits.lines.map((line) => (
            <li key={line.clause}>
              <span>{line.rule}</span>: {line.measured}, {line.percent} → <strong>{formatMoney(line.amount)}</strong>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function NextDates({ summary }: { readonly summary: ContractOverviewJson }) {
  if (summary.nextKeyDates.length === 0) return <p className="muted">No key date ahead.</p>;
  return (
    <ul className="date-list">
      {summary.nextKeyDates.map((d) => (
        <li key={`${d.on}|${d.kind}|${d.label}`}>
          <span className="date-on">{formatDate(d.on)}</span>
          <span>
            {d.label}
            {d.at ? <span className="muted"> (by {formatInstant(d.at, summary.zone).split(', ')[1]})</span> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

function Findings({ summary }: { readonly summary: ContractOverviewJson }) {
  const f = summary.openFindings;
  const id = summary.contractId;
  return (
    <ul className="compact-list">
      <li>
        <Link to={`${pathOf('contracts', id, 'terms')}?tab=findings`}>
          Contract check: <strong className={f.contractErrors > 0 ? 'text-bad' : undefined}>{f.contractErrors}</strong> errors, <strong className={f.contractWarnings > 0 ? 'text-warn' : undefined}>{f.contractWarnings}</strong> warnings
        </Link>
      </li>
      <li>
        <Link to={pathOf('contracts', id, 'risk')}>
          Breach notices overdue: <strong className={f.breachDeadlinesOverdue > 0 ? 'text-bad' : undefined}>{f.breachDeadlinesOverdue}</strong>; insurance: <strong className={f.insurance > 0 ? 'text-warn' : undefined}>{f.insurance}</strong>; data access this month: <strong className={f.accessThisMonth > 0 ? 'text-warn' : undefined}>{f.accessThisMonth}</strong>
        </Link>
      </li>
      <li>
        <Link to={pathOf('contracts', id, 'invoices')}>
          Invoices: {summary.invoices.issued} issued, <strong className={summary.invoices.overdue > 0 ? 'text-bad' : undefined}>{summary.invoices.overdue}</strong> overdue, {formatMoney(summary.invoices.netDue)} due
        </Link>
      </li>
    </ul>
  );
}

function SummaryCard({ summary }: { readonly summary: ContractOverviewJson }) {
  const headingId = `card-${summary.contractId}`;
  const sl = summary.serviceLevels;
  return (
    <article className="card contract-card" aria-labelledby={headingId} data-testid={`overview-${summary.contractId}`}>
      <header className="card-header">
        <h2 id={headingId}>
          <Link to={pathOf('contracts', summary.contractId, 'scorecard')}>{summary.title}</Link>
        </h2>
        <p className="muted small">
          {summary.client} · vendor {summary.vendor} · <code>{summary.contractId}</code> v{summary.contractVersion} · as of {formatInstant(summary.asOf, summary.zone)}
        </p>
      </header>
      <div className="card-grid">
        <section className="card-main" aria-labelledby={`${headingId}-sl`}>
          <h3 id={`${headingId}-sl`}>Service levels, {formatMonth(summary.month)} to date</h3>
          <ServiceLevelMeters levels={sl.serviceLevels} caption={`Service levels of ${formatMonth(summary.month)} so far`} />
          {sl.availability.map((a) => (
            <p key={a.id} className="small">
              Availability of the {a.service}: {a.availability?.percent ?? 'no data'} <span className="muted">of {a.target}</span> <StatusBadge status={a.result} />
            </p>
          ))}
          <p className="muted small">
            {sl.counts.met} met, {sl.counts.missed} missed, {sl.counts.noData} without data.
          </p>
        </section>
        <section className="card-side" aria-labelledby={`${headingId}-money`}>
          <h3 id={`${headingId}-money`}>Credits accrued this month</h3>
          <Credits summary={summary} />
        </section>
        <section className="card-main" aria-labelledby={`${headingId}-findings`}>
          <h3 id={`${headingId}-findings`}>Open findings: {summary.openFindings.total}</h3>
          <Findings summary={summary} />
        </section>
        <section className="card-side" aria-labelledby={`${headingId}-dates`}>
          <h3 id={`${headingId}-dates`}>
            <Link to={pathOf('contracts', summary.contractId, 'dates')}>Next key dates</Link>
          </h3>
          <NextDates summary={summary} />
        </section>
      </div>
      {summary.notes.length > 0 ? (
        <details className="card-notes">
          <summary>How these figures were computed</summary>
          <ul>
            {summary.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
          <p>{summary.credits.feesBasis}</p>
        </details>
      ) : null}
    </article>
  );
}

/** Every contract the token sees: month-to-date service levels, credits accrued, next key dates, open findings. */
export default function OverviewPage() {
  const overview = useApi<OverviewJson>('/overview');
  return (
    <>
      <PageHeader title="Overview" kicker="All contracts" />
      {overview.status === 'loading' ? <Loading label="Loading the overview" /> : null}
      {overview.status === 'error' ? (
        overview.error.status === 403 || overview.error.isMissingRoute ? <OverviewFallback error={overview.error} /> : <ErrorPanel error={overview.error} />
      ) : null}
      {overview.status === 'ok' ? (
        overview.data.contracts.length === 0 ? (
          <div className="panel">
            <p className="panel-title">No contracts yet</p>
            <p>
              <Link to="/contracts/new">Add a contract</Link> to start measuring it.
            </p>
          </div>
        ) : (
          <div className="card-list">
            {overview.data.contracts.map((c) => (
              <SummaryCard key={c.contractId} summary={c} />
            ))}
          </div>
        )
      ) : null}
    </>
  );
}
