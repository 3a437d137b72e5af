import type { AvailabilityResult, QualityResult, Scorecard, ServiceLevelResult } from '../api/api-types.js';
import { DataTable } from '../components/data-table.js';
import { serviceLevelName } from '../components/service-level-meters.js';
import { StatusBadge } from '../components/status-badge.js';
import { TicketLinks } from '../components/ticket-links.js';
import { formatDuration, formatInstant, percentValue } from '../format/format.js';

const qualityNames: Record<QualityResult['metric'], string> = {
  firstContactResolution: 'First-contact resolution',
  meanTimeToResolve: 'Mean time to resolve',
  reopenRate: 'Reopen rate',
};

export function ServiceLevelTable({ card, contractId }: { readonly card: Scorecard; readonly contractId: string }) {
  return (
    <DataTable<ServiceLevelResult>
      caption="Service levels"
      testId="service-level-table"
      rows={card.serviceLevels}
      rowKey={(l) => l.id}
      columns={[
        { key: 'name', header: 'Service level', rowHeader: true, render: (l) => (<><span>{serviceLevelName(l)}</span> <code className="muted small">{l.id}</code></>), sortValue: (l) => serviceLevelName(l) },
        { key: 'target', header: 'Target', align: 'end', render: (l) => `≥ ${l.target}` },
        { key: 'attainment', header: 'Attainment', align: 'end', render: (l) => l.attainment?.percent ?? 'no data', sortValue: (l) => percentValue(l.attainment?.percent) ?? -1 },
        { key: 'counts', header: 'Met / settled', align: 'end', render: (l) => `${l.met.toLocaleString('en-US')} / ${l.settled.toLocaleString('en-US')}` },
        { key: 'result', header: 'Result', render: (l) => <StatusBadge status={l.result} />, sortValue: (l) => l.result },
        { key: 'breached', header: 'Breached tickets', render: (l) => <TicketLinks contractId={contractId} tickets={l.breachedTickets} label={`breached tickets of ${serviceLevelName(l)}`} /> },
      ]}
    />
  );
}

function qualityValue(q: QualityResult): string {
  if (q.share) return `${q.share.percent} (${q.share.numerator.toLocaleString('en-US')} of ${q.share.denominator.toLocaleString('en-US')})`;
  if (q.meanSeconds !== undefined && q.meanSeconds !== null) return `${formatDuration(q.meanSeconds)} over ${q.count.toLocaleString('en-US')} tickets`;
  return 'no data';
}

export function QualityTable({ card }: { readonly card: Scorecard }) {
  return (
    <DataTable<QualityResult>
      caption="Quality measures"
      rows={card.quality}
      rowKey={(q) => q.id}
      empty="The contract sets no quality measures."
      columns={[
        { key: 'name', header: 'Measure', rowHeader: true, render: (q) => (<>{qualityNames[q.metric] ?? q.metric}{q.definition && q.definition !== 'default' ? ` (${q.definition})` : ''} <code className="muted small">{q.id}</code></>) },
        { key: 'target', header: 'Target', render: (q) => q.target },
        { key: 'value', header: 'Measured', align: 'end', render: qualityValue },
        { key: 'result', header: 'Result', render: (q) => <StatusBadge status={q.result} /> },
      ]}
    />
  );
}

export function AvailabilityTable({ card }: { readonly card: Scorecard }) {
  return (
    <DataTable<AvailabilityResult>
      caption="Availability"
      rows={card.availability}
      rowKey={(a) => a.id}
      empty="The contract sets no availability targets."
      columns={[
        { key: 'service', header: 'Service', rowHeader: true, render: (a) => (<>{a.service} <span className="muted small">({a.calendar} calendar)</span></>) },
        { key: 'target', header: 'Target', render: (a) => `≥ ${a.target}${a.maxSingleOutageSeconds ? `, no outage over ${formatDuration(a.maxSingleOutageSeconds)}` : ''}` },
        { key: 'value', header: 'Measured', align: 'end', render: (a) => a.availability?.percent ?? 'no data' },
        { key: 'down', header: 'Down / longest', align: 'end', render: (a) => (<>{formatDuration(a.outageSeconds)} / <span className={a.longestOutageTooLong ? 'text-bad' : undefined}>{formatDuration(a.longestOutageSeconds)}</span></>) },
        { key: 'result', header: 'Result', render: (a) => <StatusBadge status={a.result} /> },
        { key: 'outages', header: 'Outages', render: (a) => (a.outages.length > 0 ? a.outages.join(', ') : <span className="muted">none</span>) },
      ]}
    />
  );
}

export function VolumesAndReport({ card }: { readonly card: Scorecard }) {
  const report = card.vendorReport;
  const priorities = Object.keys({ ...card.volumes.createdByPriority, ...card.volumes.resolvedByPriority }).sort();
  return (
    <div className="facts-grid">
      <div className="fact">
        <p className="fact-label">Tickets created</p>
        <p className="fact-value">{card.volumes.created.toLocaleString('en-US')}</p>
      </div>
      <div className="fact">
        <p className="fact-label">Tickets solved</p>
        <p className="fact-value">{card.volumes.solved.toLocaleString('en-US')}</p>
      </div>
      <div className="fact">
        <p className="fact-label">Solved by priority</p>
        <p className="fact-value small">{priorities.map((p) => `${p} ${(card.volumes.resolvedByPriority[p] ?? 0).toLocaleString('en-US')}`).join(' · ') || '—'}</p>
      </div>
      <div className="fact">
        <p className="fact-label">Vendor report</p>
        <p className="fact-value small">
          {report ? (
            <>
              <StatusBadge status={report.result} /> due {formatInstant(report.dueAt, card.zone)}
              {report.deliveredAt ? `, delivered ${formatInstant(report.deliveredAt, card.zone)}` : ''}
            </>
          ) : (
            'not required by the contract'
          )}
        </p>
      </div>
      <div className="fact">
        <p className="fact-label">Out of scope</p>
        <p className="fact-value small">{card.outOfScope.length === 0 ? 'none' : `${card.outOfScope.length} tickets (not in the service levels)`}</p>
      </div>
    </div>
  );
}
