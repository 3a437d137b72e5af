import { useId, useState } from 'react';
import type { ContractChange, ContractDiff, ContractVersionInfo } from '../api/api-types.js';
import { contractPath } from '../api/api-client.js';
import { useApi } from '../api/use-api.js';
import { DataTable } from '../components/data-table.js';
import { LoadState } from '../components/load-state.js';
import { formatDate, formatInstant } from '../format/format.js';
import { withQuery } from '../router/router.js';

function Diff({ contractId, from, to }: { readonly contractId: string; readonly from: number; readonly to: number }) {
  const diff = useApi<ContractDiff>(withQuery(contractPath(contractId, 'diff'), { from: String(from), to: String(to) }));
  return (
    <LoadState load={diff} what="Changes" route="GET /api/v1/contracts/{id}/diff">
      {(data) => (
        <DataTable<ContractChange>
          caption={`Changes from version ${data.from} to version ${data.to}`}
          captionVisible
          testId="diff-table"
          rows={data.changes}
          rowKey={(c) => `${c.path}|${c.kind}`}
          empty={`Versions ${data.from} and ${data.to} have the same terms.`}
          columns={[
            { key: 'section', header: 'Section', render: (c) => c.section, sortValue: (c) => c.section },
            { key: 'label', header: 'Term', rowHeader: true, render: (c) => (<>{c.label}<code className="muted small block">{c.path}</code></>) },
            { key: 'kind', header: 'Change', render: (c) => c.kind },
            { key: 'old', header: 'Before', render: (c) => c.old ?? <span className="muted">—</span> },
            { key: 'new', header: 'After', render: (c) => c.new ?? <span className="muted">—</span> },
            { key: 'summary', header: 'In words', render: (c) => (<>{c.summary}{c.favours ? <span className="muted small block">favours the {c.favours}</span> : null}</>) },
          ]}
        />
      )}
    </LoadState>
  );
}

/** The versions, oldest first, and a comparison of any two. */
export function VersionsAndDiff({ contractId, versions }: { readonly contractId: string; readonly versions: readonly ContractVersionInfo[] }) {
  const latest = versions[versions.length - 1]?.version ?? 1;
  const [from, setFrom] = useState(Math.max(1, latest - 1));
  const [to, setTo] = useState(latest);
  const fromId = useId();
  const toId = useId();
  return (
    <>
      <DataTable<ContractVersionInfo>
        caption="Versions"
        captionVisible
        rows={versions}
        rowKey={(v) => String(v.version)}
        columns={[
          { key: 'version', header: 'Version', rowHeader: true, render: (v) => `v${v.version}` },
          { key: 'effective', header: 'In force from', render: (v) => formatDate(v.effectiveOn) },
          { key: 'added', header: 'Added', render: (v) => formatInstant(v.addedAt, 'UTC') },
          { key: 'sha', header: 'SHA-256 of the file', render: (v) => <code className="small">{v.sha256.slice(0, 16)}…</code> },
        ]}
      />
      <h2>Compare two versions</h2>
      {versions.length < 2 ? (
        <p className="empty">There is only one version: upload a new version of this contract to compare.</p>
      ) : (
        <>
          <div className="toolbar">
            <span className="field-inline">
              <label htmlFor={fromId}>From</label>
              <select id={fromId} value={from} onChange={(e) => setFrom(Number(e.target.value))}>
                {versions.map((v) => (
                  <option key={v.version} value={v.version}>
                    v{v.version}
                  </option>
                ))}
              </select>
            </span>
            <span className="field-inline">
              <label htmlFor={toId}>To</label>
              <select id={toId} value={to} onChange={(e) => setTo(Number(e.target.value))}>
                {versions.map((v) => (
                  <option key={v.version} value={v.version}>
                    v{v.version}
                  </option>
                ))}
              </select>
            </span>
          </div>
          {from === to ? <p className="empty">Choose two different versions.</p> : <Diff contractId={contractId} from={from} to={to} />}
        </>
      )}
    </>
  );
}
