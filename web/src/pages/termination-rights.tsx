import type { ForCauseGround, ForConvenienceRight, RightsJson } from '../api/api-types.js';
import { contractPath } from '../api/api-client.js';
import { useApi } from '../api/use-api.js';
import { DataTable } from '../components/data-table.js';
import { LoadState } from '../components/load-state.js';
import { StatusBadge } from '../components/status-badge.js';
import { formatDate, formatMoney } from '../format/format.js';

function words(text: string): string {
  const spaced = text.replace(/-/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function Rights({ data }: { readonly data: RightsJson }) {
  const { period, forCause, forConvenience } = data.rights;
  return (
    <>
      {period ? (
        <p>
          {words(period.kind)} term {formatDate(period.startOn)} to {formatDate(period.endOn)};{' '}
          {period.renewsAfter ? (
            <>
              renews automatically unless notice is given by <strong>{formatDate(period.optOutDeadlineOn)}</strong>.
            </>
          ) : (
            'does not renew by itself.'
          )}{' '}
          Judged on {formatDate(data.rights.asOf)}, under contract version {data.contractVersion}.
        </p>
      ) : null}
      <DataTable<ForCauseGround>
        caption="Termination for cause"
        captionVisible
        testId="for-cause-table"
        rows={forCause}
        rowKey={(g) => g.clause}
        empty="The contract lists no grounds for termination for cause."
        columns={[
          { key: 'ground', header: 'Ground', rowHeader: true, render: (g) => (<>{words(g.ground)}<code className="muted small block">{g.clause}</code></>) },
          { key: 'status', header: 'Status', render: (g) => (<><StatusBadge status={g.status} />{g.openSince ? <span className="small block">since {formatDate(g.openSince)}</span> : null}</>) },
          { key: 'who', header: 'Who may end it', render: (g) => g.mayTerminate.join(', ') },
          { key: 'notice', header: 'Notice', render: (g) => `${g.notice.text}${g.cure ? `, cure ${g.cure.text}` : ''}` },
          { key: 'reason', header: 'Why', render: (g) => (<>{g.reason}{g.earliestEffectiveOn ? <span className="small block">earliest effective {formatDate(g.earliestEffectiveOn)} ({g.effectiveReading})</span> : null}</>) },
        ]}
      />
      <DataTable<ForConvenienceRight>
        caption="Termination for convenience"
        captionVisible
        rows={forConvenience}
        rowKey={(r) => r.clause}
        empty="Neither party may end the contract for convenience."
        columns={[
          { key: 'by', header: 'By', rowHeader: true, render: (r) => (<>{words(r.by)}<code className="muted small block">{r.clause}</code></>) },
          { key: 'notice', header: 'Notice', render: (r) => r.notice.text },
          { key: 'effective', header: 'Notice given today takes effect', render: (r) => (r.effectiveOn ? `${formatDate(r.effectiveOn)} (last day of service ${formatDate(r.lastServiceOn)})` : '—') },
          { key: 'fee', header: 'Fee', render: (r) => (r.fee?.amount ? formatMoney(r.fee.amount) : (r.fee?.basis ?? 'none')) },
        ]}
      />
    </>
  );
}

/** Which termination rights are open today, since when and why, and what notice each needs. */
export function TerminationRights({ contractId }: { readonly contractId: string }) {
  const rights = useApi<RightsJson>(contractPath(contractId, 'rights'));
  return (
    <LoadState load={rights} what="Termination rights" route="GET /api/v1/contracts/{id}/rights">
      {(data) => <Rights data={data} />}
    </LoadState>
  );
}
