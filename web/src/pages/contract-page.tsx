import { useId } from 'react';
import type { CheckFinding, CheckResult, ContractVersionInfo } from '../api/api-types.js';
import { contractPath } from '../api/api-client.js';
import { useApi } from '../api/use-api.js';
import { ContractKicker } from '../components/contract-kicker.js';
import { DataTable } from '../components/data-table.js';
import { LoadState } from '../components/load-state.js';
import { PageHeader } from '../components/page-header.js';
import { SegmentedLinks } from '../components/segmented-links.js';
import { StatusBadge } from '../components/status-badge.js';
import { formatDate, formatInstant, plural } from '../format/format.js';
import { navigate, pathOf, useLocation, withQuery } from '../router/router.js';
import { VersionsAndDiff } from './contract-versions.js';

const tabs = [
  { value: 'terms', label: 'Terms' },
  { value: 'findings', label: 'Check findings' },
  { value: 'versions', label: 'Versions and changes' },
] as const;

const severityOrder = { error: 0, warning: 1, info: 2 } as const;

function RenderedTerms({ contractId, version }: { readonly contractId: string; readonly version: string | undefined }) {
  const html = useApi<string>(withQuery(contractPath(contractId, 'render'), { version }), 'text');
  return (
    <LoadState load={html} what="Contract terms" route="GET /api/v1/contracts/{id}/render">
      {(page) => (
        // The server's self-contained rendering, sandboxed: no scripts, no access to this page.
        <iframe className="rendered-contract" title="The contract's terms as a readable schedule" srcDoc={page} sandbox="" data-testid="rendered-contract" />
      )}
    </LoadState>
  );
}

function Findings({ contractId, version }: { readonly contractId: string; readonly version: string | undefined }) {
  const check = useApi<CheckResult>(withQuery(contractPath(contractId, 'check'), { version }));
  return (
    <LoadState load={check} what="Check findings" route="GET /api/v1/contracts/{id}/check">
      {(data) => (
        <>
          <p className="section-lead">
            Version {data.version}: <strong>{data.counts.error}</strong> errors, <strong>{data.counts.warning}</strong> warnings, <strong>{data.counts.info}</strong> notes. Each finding names where it is in the file and why it matters.
          </p>
          <DataTable<CheckFinding>
            caption={`Findings of version ${data.version}`}
            testId="findings-table"
            rows={[...data.findings].sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity])}
            rowKey={(f) => `${f.rule}|${f.path}|${f.message}`}
            empty="No findings: the check found nothing missing or risky."
            pageSize={100}
            columns={[
              { key: 'severity', header: 'Severity', render: (f) => <StatusBadge status={f.severity} />, sortValue: (f) => severityOrder[f.severity] },
              { key: 'message', header: 'Finding', rowHeader: true, render: (f) => (<><span>{f.message}</span><span className="muted small block">{f.why}</span></>) },
              { key: 'part', header: 'Part', render: (f) => f.part, sortValue: (f) => f.part },
              { key: 'where', header: 'Where', render: (f) => (<><code>{f.path || '(file)'}</code>{f.line !== null ? <span className="muted small block">line {f.line}{f.column !== null ? `, column ${f.column}` : ''}</span> : null}</>), sortValue: (f) => f.line ?? 0 },
              { key: 'rule', header: 'Rule', render: (f) => <code className="small">{f.rule}</code>, sortValue: (f) => f.rule },
            ]}
          />
        </>
      )}
    </LoadState>
  );
}

function VersionPicker({ versions, value, onChange }: { readonly versions: readonly ContractVersionInfo[]; readonly value: string; readonly onChange: (v: string) => void }) {
  const id = useId();
  return (
    <span className="field-inline">
      <label htmlFor={id}>Version</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Latest</option>
        {[...versions].reverse().map((v) => (
          <option key={v.version} value={String(v.version)}>
            v{v.version}, in force from {formatDate(v.effectiveOn)}
          </option>
        ))}
      </select>
    </span>
  );
}

/** The contract: its terms rendered, what the check found, its versions and what changed between them. */
export default function ContractPage({ params }: { readonly params: Record<string, string> }) {
  const contractId = params.id ?? '';
  const location = useLocation();
  const tab = tabs.find((t) => t.value === location.search.get('tab'))?.value ?? 'terms';
  const version = location.search.get('version') ?? undefined;
  const base = pathOf('contracts', contractId, 'terms');
  const versions = useApi<{ versions: readonly ContractVersionInfo[] }>(contractPath(contractId, 'versions'));
  const latest = versions.status === 'ok' ? versions.data.versions[versions.data.versions.length - 1] : undefined;
  return (
    <>
      <PageHeader
        title="Contract"
        kicker={<ContractKicker contractId={contractId} />}
        actions={versions.status === 'ok' && tab !== 'versions' ? <VersionPicker versions={versions.data.versions} value={version ?? ''} onChange={(v) => navigate(withQuery(base, { tab, version: v || undefined }), { replace: true })} /> : null}
      >
        {latest ? (
          <p>
            <code>{contractId}</code> · {plural(versions.status === 'ok' ? versions.data.versions.length : 0, 'version')} · latest v{latest.version} in force from {formatDate(latest.effectiveOn)}, added {formatInstant(latest.addedAt, 'UTC')}
          </p>
        ) : null}
      </PageHeader>
      <SegmentedLinks label="Contract views" current={tab} options={tabs.map((t) => ({ value: t.value, label: t.label, to: withQuery(base, { tab: t.value, version: t.value === 'versions' ? undefined : version }) }))} />
      {versions.status === 'error' ? (
        <LoadState load={versions} what="Contract" route="GET /api/v1/contracts/{id}/versions">
          {() => null}
        </LoadState>
      ) : tab === 'terms' ? (
        <RenderedTerms contractId={contractId} version={version} />
      ) : tab === 'findings' ? (
        <Findings contractId={contractId} version={version} />
      ) : (
        <LoadState load={versions} what="Versions" route="GET /api/v1/contracts/{id}/versions">
          {(data) => <VersionsAndDiff contractId={contractId} versions={data.versions} />}
        </LoadState>
      )}
    </>
  );
}
