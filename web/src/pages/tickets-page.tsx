import { useId, useMemo, useState } from 'react';
import type { Clock, ClockList, TicketClocks } from '../api/api-types.js';
import { contractPath } from '../api/api-client.js';
import { useApi } from '../api/use-api.js';
import { useContractClock } from '../api/use-contract-clock.js';
import { ContractKicker } from '../components/contract-kicker.js';
import { DataTable } from '../components/data-table.js';
import { LoadState } from '../components/load-state.js';
import { MonthPicker } from '../components/month-picker.js';
import { PageHeader } from '../components/page-header.js';
import { SegmentedLinks } from '../components/segmented-links.js';
import { formatDuration, formatInstant, formatInstantCompact, formatMonth, metricWords } from '../format/format.js';
import { Link, navigate, pathOf, useLocation, withQuery } from '../router/router.js';

const statuses = [
  { value: 'breached', label: 'Breached' },
  { value: 'at-risk', label: 'At risk' },
  { value: 'paused', label: 'Paused' },
  { value: 'running', label: 'Running' },
] as const;
type ListStatus = (typeof statuses)[number]['value'];

interface ClockRow {
  readonly key: string;
  readonly ticket: TicketClocks;
  readonly clock: Clock;
}

/** One row per clock in the asked state (a ticket can have a breached response and resolution). */
function rowsOf(list: ClockList, status: ListStatus): ClockRow[] {
  const rows: ClockRow[] = [];
  for (const ticket of list.tickets) for (const clock of ticket.clocks) if (clock.status === status) rows.push({ key: `${ticket.ticket}/${clock.metric}/${clock.cycle}`, ticket, clock });
  return rows;
}

function ClockTable({ contractId, list, status, zone }: { readonly contractId: string; readonly list: ClockList; readonly status: ListStatus; readonly zone: string }) {
  const [query, setQuery] = useState('');
  const searchId = useId();
  const rows = useMemo(() => rowsOf(list, status), [list, status]);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q ? rows.filter((r) => r.ticket.ticket.toLowerCase().includes(q)) : rows;
  }, [rows, query]);
  const label = statuses.find((s) => s.value === status)?.label ?? status;
  return (
    <>
      <div className="toolbar">
        <span className="field-inline">
          <label htmlFor={searchId}>Find a ticket</label>
          <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="T-12345" />
        </span>
        <p className="muted small">
          {list.total.toLocaleString('en-US')} tickets with {status === 'at-risk' ? 'an' : 'a'} {label.toLowerCase()} clock as of {formatInstant(list.asOf, zone)}
          {list.total > list.tickets.length ? ` (the first ${list.tickets.length.toLocaleString('en-US')} are listed)` : ''}; times in {zone}.
        </p>
      </div>
      <DataTable<ClockRow>
        caption={`${label} clocks`}
        testId="clock-table"
        rows={shown}
        rowKey={(r) => r.key}
        initialSort={{ key: 'created', direction: 'descending' }}
        empty={query ? `No ${label.toLowerCase()} ticket matches “${query}”.` : `No ticket has a ${label.toLowerCase()} clock.`}
        columns={[
          { key: 'ticket', header: 'Ticket', rowHeader: true, render: (r) => <Link to={pathOf('contracts', contractId, 'tickets', r.ticket.ticket)}>{r.ticket.ticket}</Link>, sortValue: (r) => r.ticket.ticket },
          { key: 'priority', header: 'Priority', render: (r) => r.clock.priority, sortValue: (r) => r.clock.priority },
          { key: 'clock', header: 'Clock', nowrap: true, render: (r) => `${metricWords[r.clock.metric] ?? r.clock.metric}${r.clock.cycle > 1 ? ` (cycle ${r.clock.cycle})` : ''}`, sortValue: (r) => r.clock.metric },
          { key: 'created', header: 'Created', nowrap: true, render: (r) => formatInstantCompact(r.ticket.createdAt, zone), sortValue: (r) => r.ticket.createdAt },
          { key: 'target', header: 'Target', nowrap: true, render: (r) => (<>{r.clock.targetText} <span className="muted small">{r.clock.calendarName}</span></>) },
          { key: 'elapsed', header: 'Elapsed', align: 'end', render: (r) => formatDuration(r.clock.elapsedSeconds), sortValue: (r) => r.clock.elapsedSeconds },
          { key: 'share', header: 'Of target', align: 'end', render: (r) => `${Math.round((r.clock.elapsedSeconds / Math.max(1, r.clock.targetSeconds)) * 100)}%`, sortValue: (r) => r.clock.elapsedSeconds / Math.max(1, r.clock.targetSeconds) },
          { key: 'due', header: 'Due', nowrap: true, render: (r) => (r.clock.dueAt ? formatInstantCompact(r.clock.dueAt, zone) : '—'), sortValue: (r) => r.clock.dueAt ?? '' },
          { key: 'stopped', header: 'Stopped', nowrap: true, render: (r) => (r.clock.stoppedAt ? formatInstantCompact(r.clock.stoppedAt, zone) : <span className="muted">running</span>), sortValue: (r) => r.clock.stoppedAt ?? '~' },
        ]}
      />
    </>
  );
}

/** Breached and at-risk lists (and paused or running ones), by the month tickets were created in. */
export default function TicketsPage({ params }: { readonly params: Record<string, string> }) {
  const contractId = params.id ?? '';
  const location = useLocation();
  const clock = useContractClock(contractId);
  const askedStatus = location.search.get('status');
  const status: ListStatus = statuses.some((s) => s.value === askedStatus) ? (askedStatus as ListStatus) : 'breached';
  const month = location.search.get('month') ?? '';
  const base = pathOf('contracts', contractId, 'tickets');
  // Asked at once, beside the clock: the list does not need the zone until it is drawn.
  const list = useApi<ClockList>(withQuery(contractPath(contractId, 'clocks'), { status, month: month || undefined, limit: '5000' }));
  return (
    <>
      <PageHeader
        title="Tickets"
        kicker={<ContractKicker contractId={contractId} />}
        actions={
          clock.status === 'ok' ? (
            <MonthPicker label="Created in" allLabel="Every month" value={month} latest={clock.data.month} onChange={(m) => navigate(withQuery(base, { status, month: m || undefined }), { replace: true })} />
          ) : null
        }
      >
        <p>{month ? `Tickets created in ${formatMonth(month)}.` : 'Tickets of every month.'} Open a ticket for its clock timeline.</p>
      </PageHeader>
      <SegmentedLinks label="Clock state" current={status} options={statuses.map((s) => ({ value: s.value, label: s.label, to: withQuery(base, { status: s.value, month: month || undefined }) }))} />
      <LoadState load={clock} what="Tickets" route="GET /api/v1/contracts/{id}/clock">
        {({ zone }) => (
          <LoadState load={list} what="Tickets" route="GET /api/v1/contracts/{id}/clocks">
            {(data) => <ClockTable key={`${status}|${month}`} contractId={contractId} list={data} status={status} zone={zone} />}
          </LoadState>
        )}
      </LoadState>
    </>
  );
}
