import type { AccessFinding, AccessFindingsJson, BreachDeadline, BreachesJson, InsuranceJson } from '../api/api-types.js';
import { contractPath } from '../api/api-client.js';
import { useApi } from '../api/use-api.js';
import { ContractKicker } from '../components/contract-kicker.js';
import { DataTable } from '../components/data-table.js';
import { LoadState } from '../components/load-state.js';
import { PageHeader } from '../components/page-header.js';
import { StatusBadge } from '../components/status-badge.js';
import { formatDate, formatInstant, formatInstantCompact, formatMoney, formatMonth } from '../format/format.js';
import { Link, pathOf } from '../router/router.js';

const deadlineWords: Record<string, string> = {
  'vendor-to-client': 'Vendor notifies the client',
  individuals: 'Notify affected California residents',
  'attorney-general': 'Sample notice to the California Attorney General',
};

function Breaches({ data }: { readonly data: BreachesJson }) {
  if (data.incidents.length === 0) return <p className="empty">No breach incident is recorded.</p>;
  return (
    <>
      <p className="section-lead">
        {data.overdue > 0 ? <StatusBadge status="overdue" label={`${data.overdue} overdue`} /> : <StatusBadge status="met" label="Nothing overdue" />} As of {formatInstant(data.asOf, data.zone)}.
      </p>
      {data.incidents.map(({ incident, result }) => (
        <article key={incident.id} className="card incident" aria-labelledby={`incident-${incident.id}`} data-testid={`incident-${incident.id}`}>
          <header className="card-header">
            <h3 id={`incident-${incident.id}`} className="incident-title">
              {incident.id} {result.overdue ? <StatusBadge status="overdue" /> : null}
            </h3>
            <p className="muted small">
              Discovered {formatInstant(incident.discoveredAt, data.zone)}; {incident.clientDataInvolved ? 'client data involved' : 'no client data involved'}
              {incident.recordsAffected !== undefined ? `; ${incident.recordsAffected.toLocaleString('en-US')} records` : ''}
              {incident.californiaResidentsAffected !== undefined ? `, ${incident.californiaResidentsAffected.toLocaleString('en-US')} California residents` : ''}
              {incident.dataCategories && incident.dataCategories.length > 0 ? ` (${incident.dataCategories.join(', ')})` : ''}.
            </p>
          </header>
          <DataTable<BreachDeadline>
            caption={`Notice deadlines of ${incident.id}`}
            rows={result.deadlines}
            rowKey={(d) => d.kind}
            columns={[
              { key: 'kind', header: 'Notice', rowHeader: true, render: (d) => deadlineWords[d.kind] ?? d.kind },
              { key: 'due', header: 'Due by', render: (d) => (d.dueAt ? formatInstantCompact(d.dueAt, data.zone) : (d.note ?? '—')) },
              { key: 'done', header: 'Done', nowrap: true, render: (d) => (d.doneAt ? formatInstantCompact(d.doneAt, data.zone) : <span className="muted">not yet</span>) },
              { key: 'status', header: 'Status', render: (d) => <StatusBadge status={d.status} /> },
              { key: 'rule', header: 'Rule', render: (d) => (<>{d.rule}<details className="basis"><summary>Legal basis</summary>{d.basis}</details><code className="muted small block">{d.clause}</code></>) },
            ]}
          />
        </article>
      ))}
    </>
  );
}

function Insurance({ data }: { readonly data: InsuranceJson }) {
  const severityOrder: Record<string, number> = { high: 0, medium: 1, low: 2 };
  return (
    <>
      <DataTable
        caption="Certificates on file against the contract's minimums"
        captionVisible
        rows={data.requirements}
        rowKey={(r) => r.type}
        columns={[
          { key: 'type', header: 'Cover', rowHeader: true, render: (r) => r.type },
          { key: 'minimum', header: 'Contract minimum', align: 'end', render: (r) => formatMoney({ amount: r.minimum, currency: data.currency }) },
          { key: 'coverage', header: 'Certificate', align: 'end', render: (r) => {
            const certificate = data.certificates.find((c) => c.type === r.type);
            return certificate ? formatMoney({ amount: certificate.amount, currency: certificate.currency }) : <span className="text-bad">none on file</span>;
          } },
          { key: 'expires', header: 'Expires', nowrap: true, render: (r) => formatDate(data.certificates.find((c) => c.type === r.type)?.expiresOn ?? r.certificateExpires) },
          { key: 'insurer', header: 'Insurer', render: (r) => data.certificates.find((c) => c.type === r.type)?.insurer ?? '—' },
        ]}
      />
      <DataTable
        caption={`Insurance findings on ${formatDate(data.asOf)}`}
        captionVisible
        testId="insurance-findings"
        rows={[...data.findings].sort((a, b) => (severityOrder[a.severity] ?? 3) - (severityOrder[b.severity] ?? 3))}
        rowKey={(f) => `${f.kind}|${f.type}|${f.clause}`}
        empty="No insurance finding."
        columns={[
          { key: 'severity', header: 'Severity', render: (f) => <StatusBadge status={f.severity} /> },
          { key: 'message', header: 'Finding', rowHeader: true, render: (f) => (<>{f.message}<code className="muted small block">{f.clause}</code></>) },
        ]}
      />
    </>
  );
}

function Access({ contractId, data }: { readonly contractId: string; readonly data: AccessFindingsJson }) {
  return (
    <>
      <p className="section-lead">
        {data.findingsTotal} findings in {data.events.toLocaleString('en-US')} recorded data accesses.
      </p>
      <DataTable
        caption="Data access by month"
        captionVisible
        rows={data.months}
        rowKey={(m) => m.month}
        columns={[
          { key: 'month', header: 'Month', rowHeader: true, render: (m) => formatMonth(m.month) },
          { key: 'events', header: 'Accesses', align: 'end', render: (m) => m.events.toLocaleString('en-US') },
          { key: 'accounts', header: 'Accounts', align: 'end', render: (m) => m.accounts },
          { key: 'with', header: 'Accesses with findings', align: 'end', render: (m) => (m.eventsWithFindings > 0 ? <strong className="text-bad">{m.eventsWithFindings}</strong> : 0) },
          { key: 'kinds', header: 'Findings', render: (m) => Object.entries(m.findings).filter(([, n]) => n > 0).map(([k, n]) => `${k.replace(/-/g, ' ')} ${n}`).join(', ') || 'none' },
        ]}
      />
      <DataTable<AccessFinding>
        caption="Data-access findings"
        captionVisible
        testId="access-findings"
        rows={data.findings}
        rowKey={(f) => `${f.event}|${f.kind}|${f.safeguard ?? ''}`}
        empty="No access touched a prohibited category or lacked a required safeguard."
        initialSort={{ key: 'at', direction: 'descending' }}
        columns={[
          { key: 'at', header: 'When', nowrap: true, rowHeader: true, render: (f) => formatInstantCompact(f.at, data.zone), sortValue: (f) => f.at },
          { key: 'account', header: 'Account', render: (f) => f.account, sortValue: (f) => f.account },
          { key: 'what', header: 'Access', render: (f) => `${f.action} ${f.dataCategory}` },
          { key: 'ticket', header: 'Ticket', nowrap: true, render: (f) => (f.ticket ? <Link to={pathOf('contracts', contractId, 'tickets', f.ticket)}>{f.ticket}</Link> : '—') },
          { key: 'message', header: 'Finding', render: (f) => (<>{f.message}<code className="muted small block">{f.clause}</code></>) },
        ]}
      />
    </>
  );
}

/** The risk registers: breach-notice deadlines, insurance against the contract, data-access findings. */
export default function RiskPage({ params }: { readonly params: Record<string, string> }) {
  const contractId = params.id ?? '';
  const breaches = useApi<BreachesJson>(contractPath(contractId, 'breaches'));
  const insurance = useApi<InsuranceJson>(contractPath(contractId, 'insurance'));
  const access = useApi<AccessFindingsJson>(contractPath(contractId, 'access-findings'));
  return (
    <>
      <PageHeader title="Risk" kicker={<ContractKicker contractId={contractId} />}>
        <p>Data-breach notices and their deadlines, insurance cover, and who touched which data.</p>
      </PageHeader>
      <section aria-labelledby="breaches-heading" className="section">
        <h2 id="breaches-heading">Data-breach register</h2>
        <LoadState load={breaches} what="Breach register" route="GET /api/v1/contracts/{id}/breaches">
          {(data) => <Breaches data={data} />}
        </LoadState>
      </section>
      <section aria-labelledby="insurance-heading" className="section">
        <h2 id="insurance-heading">Insurance</h2>
        <LoadState load={insurance} what="Insurance" route="GET /api/v1/contracts/{id}/insurance">
          {(data) => <Insurance data={data} />}
        </LoadState>
      </section>
      <section aria-labelledby="access-heading" className="section">
        <h2 id="access-heading">Data access</h2>
        <LoadState load={access} what="Access findings" route="GET /api/v1/contracts/{id}/access-findings">
          {(data) => <Access contractId={contractId} data={data} />}
        </LoadState>
      </section>
    </>
  );
}
