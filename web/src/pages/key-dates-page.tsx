import { useId, useState } from 'react';
import type { InstantDeadline, KeyDate, KeyDatesJson } from '../api/api-types.js';
import { contractPath } from '../api/api-client.js';
import { useApi } from '../api/use-api.js';
import { ContractKicker } from '../components/contract-kicker.js';
import { DataTable } from '../components/data-table.js';
import { DownloadButton } from '../components/download-button.js';
import { LoadState } from '../components/load-state.js';
import { PageHeader } from '../components/page-header.js';
import { StatusBadge } from '../components/status-badge.js';
import { formatDate, formatInstant } from '../format/format.js';
import { navigate, pathOf, useLocation, withQuery } from '../router/router.js';
import { TerminationRights } from './termination-rights.js';

/** `invoice-issue` as `Invoice issue`. */
function kindWords(kind: string): string {
  const words = kind.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isDate(text: string | null): text is string {
  return text !== null && /^\d{4}-\d{2}-\d{2}$/.test(text);
}

function RangeForm({ from, to, onChange }: { readonly from: string; readonly to: string; readonly onChange: (from: string, to: string) => void }) {
  const fromId = useId();
  const toId = useId();
  return (
    <span className="toolbar">
      <span className="field-inline">
        <label htmlFor={fromId}>From</label>
        <input id={fromId} type="date" value={from} onChange={(e) => isDate(e.target.value) && onChange(e.target.value, to)} />
      </span>
      <span className="field-inline">
        <label htmlFor={toId}>To</label>
        <input id={toId} type="date" value={to} onChange={(e) => isDate(e.target.value) && onChange(from, e.target.value)} />
      </span>
    </span>
  );
}

function Dates({ contractId, data }: { readonly contractId: string; readonly data: KeyDatesJson }) {
  const location = useLocation();
  const base = pathOf('contracts', contractId, 'dates');
  const kindId = useId();
  const [kind, setKind] = useState('');
  const kinds = [...new Set(data.dates.map((d) => d.kind))].sort();
  const shown = kind ? data.dates.filter((d) => d.kind === kind) : data.dates;
  return (
    <>
      <div className="toolbar">
        <RangeForm from={data.from} to={data.to} onChange={(from, to) => navigate(withQuery(base, { from, to }), { replace: true })} />
        <span className="field-inline">
          <label htmlFor={kindId}>Kind</label>
          <select id={kindId} value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">Every kind ({data.dates.length})</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {kindWords(k)} ({data.dates.filter((d) => d.kind === k).length})
              </option>
            ))}
          </select>
        </span>
        {location.search.get('from') || location.search.get('to') ? (
          <button type="button" className="button-quiet" onClick={() => navigate(base, { replace: true })}>
            Next twelve months
          </button>
        ) : null}
      </div>
      {data.deadlines.length > 0 ? (
        <section aria-labelledby="deadlines-heading" className="section">
          <h2 id="deadlines-heading">Breach-notice deadlines</h2>
          <DataTable<InstantDeadline>
            caption="Breach-notice deadlines"
            rows={data.deadlines}
            rowKey={(d) => d.key}
            columns={[
              { key: 'at', header: 'Due by', nowrap: true, rowHeader: true, render: (d) => formatInstant(d.at, data.zone) },
              { key: 'label', header: 'What', render: (d) => d.label },
              { key: 'status', header: 'Status', render: (d) => <StatusBadge status={d.status} /> },
              { key: 'reason', header: 'How it was computed', render: (d) => (<>{d.reason}<code className="muted small block">{d.clause}</code></>) },
            ]}
          />
        </section>
      ) : null}
      <section aria-labelledby="dates-heading" className="section">
        <h2 id="dates-heading">
          Dates from {formatDate(data.from)} to {formatDate(data.to)}
        </h2>
        <DataTable<KeyDate>
          caption={`Key dates from ${data.from} to ${data.to}`}
          testId="key-dates-table"
          rows={shown}
          rowKey={(d) => `${d.on}|${d.kind}|${d.label}`}
          empty="No key date falls in this range."
          columns={[
            { key: 'on', header: 'Date', nowrap: true, rowHeader: true, render: (d) => formatDate(d.on), sortValue: (d) => d.on },
            { key: 'label', header: 'What', render: (d) => (<>{d.label}{d.note ? <span className="text-warn small block">{d.note}</span> : null}</>), sortValue: (d) => d.label },
            { key: 'kind', header: 'Kind', render: (d) => kindWords(d.kind), sortValue: (d) => d.kind },
            { key: 'reason', header: 'How it was computed', render: (d) => (<>{d.reason}<code className="muted small block">{d.clause}</code></>) },
          ]}
        />
        {data.notes.length > 0 ? (
          <ul className="notes">
            {data.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        ) : null}
      </section>
    </>
  );
}

/** Key dates, breach-notice deadlines, the calendar feed, and termination rights. */
export default function KeyDatesPage({ params }: { readonly params: Record<string, string> }) {
  const contractId = params.id ?? '';
  const location = useLocation();
  const from = location.search.get('from');
  const to = location.search.get('to');
  const range = { from: isDate(from) ? from : undefined, to: isDate(to) ? to : undefined };
  const dates = useApi<KeyDatesJson>(withQuery(contractPath(contractId, 'key-dates'), range));
  const feedPath = `/api/v1${contractPath(contractId, 'key-dates.ics')}`;
  return (
    <>
      <PageHeader
        title="Key dates"
        kicker={<ContractKicker contractId={contractId} />}
        actions={<DownloadButton path={withQuery(contractPath(contractId, 'key-dates.ics'), range)} fileName={`${contractId}-key-dates.ics`} accept="text/calendar" label="Download .ics" testId="download-ics" />}
      >
        <p>Every deadline the contract creates, computed on its own calendars. Times and dates are the contract’s own.</p>
      </PageHeader>
      <details className="panel feed-help">
        <summary>Subscribe from a calendar app</summary>
        <p>
          Calendar apps cannot send a token header, so the feed takes one in its address: <code>{`${window.location.origin}${feedPath}?token=<feed token>`}</code>. Make a token for the feed alone (auditor role, this contract only) and revoke it to stop the feed; the address holds it, so do not use your own.
        </p>
      </details>
      <LoadState load={dates} what="Key dates" route="GET /api/v1/contracts/{id}/key-dates">
        {(data) => <Dates contractId={contractId} data={data} />}
      </LoadState>
      <section aria-labelledby="rights-heading" className="section">
        <h2 id="rights-heading">Termination rights</h2>
        <TerminationRights contractId={contractId} />
      </section>
    </>
  );
}
