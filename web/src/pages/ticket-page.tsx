import { useMemo } from 'react';
import type { ClockStep, ExplainedClock, ExplainedTicket } from '../api/api-types.js';
import { contractPath } from '../api/api-client.js';
import { useApi } from '../api/use-api.js';
import { clockTimelineOption, pausedIntervals } from '../charts/clock-timeline-option.js';
import { Chart } from '../components/chart.js';
import { ContractKicker } from '../components/contract-kicker.js';
import { DataTable } from '../components/data-table.js';
import { LoadState } from '../components/load-state.js';
import { PageHeader } from '../components/page-header.js';
import { StatusBadge } from '../components/status-badge.js';
import { formatDuration, formatInstant, metricWords } from '../format/format.js';
import { Link, pathOf } from '../router/router.js';

const stepWords: Record<string, string> = {
  opened: 'Opened',
  reopened: 'Reopened',
  paused: 'Paused',
  resumed: 'Resumed',
  'priority-changed': 'Priority changed',
  'clock-restarted': 'Clock restarted',
  replied: 'Agent replied',
  'customer-replied': 'Customer replied',
  'internal-note': 'Internal note',
  solved: 'Solved',
  closed: 'Closed',
  canceled: 'Canceled',
  'status-changed': 'Status changed',
  'as-of': 'Now',
};

function ClockPanel({ clock, zone, index }: { readonly clock: ExplainedClock; readonly zone: string; readonly index: number }) {
  const option = useMemo(() => clockTimelineOption(clock, zone), [clock, zone]);
  const name = `${metricWords[clock.metric] ?? clock.metric} clock${clock.cycle > 1 ? `, cycle ${clock.cycle}` : ''}`;
  const headingId = `clock-${index}`;
  const pauses = pausedIntervals(clock);
  return (
    <section className="card clock-card" aria-labelledby={headingId} data-testid={`clock-${clock.metric}-${clock.cycle}`}>
      <header className="card-header clock-header">
        <h2 id={headingId}>{name}</h2>
        <StatusBadge status={clock.status} />
      </header>
      <dl className="facts-inline">
        <div>
          <dt>Target</dt>
          <dd>
            {clock.targetText} on the {clock.calendarName} calendar ({clock.priority})
          </dd>
        </div>
        <div>
          <dt>Elapsed</dt>
          <dd>
            {formatDuration(clock.elapsedSeconds)} of {formatDuration(clock.targetSeconds)}
          </dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd>{formatInstant(clock.dueAt, zone)}</dd>
        </div>
        <div>
          <dt>{clock.stoppedAt ? 'Stopped' : 'Running'}</dt>
          <dd>{clock.stoppedAt ? formatInstant(clock.stoppedAt, zone) : 'still running'}</dd>
        </div>
        {clock.breachedAt ? (
          <div>
            <dt>Breached</dt>
            <dd className="text-bad">{formatInstant(clock.breachedAt, zone)}</dd>
          </div>
        ) : null}
      </dl>
      <Chart
        title={`${name} of the ticket: elapsed business time against the ${clock.targetText} target`}
        description={`Points are the ticket's events; between them the clock counts only open${clock.metric === 'resolution' ? ', unpaused' : ''} time on the ${clock.calendarName} calendar. ${pauses.length > 0 ? `Shaded: ${pauses.length} pause${pauses.length === 1 ? '' : 's'}. ` : ''}The dashed line is the target, the red line the due instant.`}
        option={option}
        heightPx={300}
        testId={`timeline-${clock.metric}-${clock.cycle}`}
        table={{
          columns: ['At', 'Step', 'Added', 'Elapsed'],
          rows: clock.steps.map((s) => [formatInstant(s.at, zone), s.note, formatDuration(s.addedSeconds), formatDuration(s.elapsedSeconds)]),
        }}
      />
      <details className="steps" open={index === 0 || clock.status === 'breached'}>
        <summary>Steps of this clock ({clock.steps.length})</summary>
        <DataTable<ClockStep>
          caption={`Steps of the ${name.toLowerCase()}`}
          rows={clock.steps}
          rowKey={(s) => `${s.at}/${clock.steps.indexOf(s)}`}
          pageSize={100}
          rowClass={(s) => (s.kind === 'paused' ? 'row-paused' : undefined)}
          columns={[
            { key: 'at', header: 'At', rowHeader: true, render: (s) => formatInstant(s.at, zone) },
            { key: 'kind', header: 'Step', render: (s) => stepWords[s.kind] ?? s.kind },
            { key: 'note', header: 'What happened', render: (s) => s.note },
            { key: 'added', header: 'Counted since previous', align: 'end', render: (s) => formatDuration(s.addedSeconds) },
            { key: 'elapsed', header: 'Elapsed', align: 'end', render: (s) => formatDuration(s.elapsedSeconds) },
          ]}
        />
      </details>
    </section>
  );
}

/** One ticket's clocks step by step: what counted, what paused, when it was due. */
export default function TicketPage({ params }: { readonly params: Record<string, string> }) {
  const contractId = params.id ?? '';
  const ticket = params.ticket ?? '';
  const explained = useApi<ExplainedTicket>(contractPath(contractId, 'tickets', ticket, 'explain'));
  return (
    <>
      <PageHeader
        title={`Ticket ${ticket}`}
        kicker={
          <>
            <Link to={pathOf('contracts', contractId, 'tickets')}>Tickets</Link> · <ContractKicker contractId={contractId} />
          </>
        }
      >
        {explained.status === 'ok' ? (
          <p>
            Priority {explained.data.priority ?? 'unmapped'} (raw “{explained.data.rawPriority ?? ''}”), created {formatInstant(explained.data.createdAt, explained.data.zone)}; measured under contract version {explained.data.contractVersion}, times in {explained.data.zone}.
          </p>
        ) : null}
      </PageHeader>
      <LoadState load={explained} what="Ticket timeline" route="GET /api/v1/contracts/{id}/tickets/{ticket}/explain">
        {(data) => (
          <>
            {data.notes.length > 0 ? (
              <ul className="notice-list">
                {data.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            ) : null}
            {data.clocks.length === 0 ? <p className="empty">This ticket has no SLA clocks (its priority maps to none, or it is out of scope).</p> : null}
            {data.clocks.map((c, i) => (
              <ClockPanel key={`${c.metric}/${c.cycle}`} clock={c} zone={data.zone} index={i} />
            ))}
          </>
        )}
      </LoadState>
    </>
  );
}
