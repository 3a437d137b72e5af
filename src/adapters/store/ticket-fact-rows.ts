/**
 * Rows of `ticket_facts` as COPY text, and what inserted rows add to the read model beside
 * them: the per-month counters, the breached and pending clocks, and the unbounded lists.
 *
 * Inserted rows are counted here, in JavaScript, while the store writes them (migration 006
 * dropped the insert trigger that did it in SQL: it scanned each batch of rows fourteen times
 * and took over half of a facts write). Deleted rows are still subtracted by the delete trigger
 * with `ticketFactContributions` (migration 005), and aggregateMonth subtracts rows that do not
 * hold at an as-of with it, so `factContributions` below must count exactly what that SQL
 * counts: the shared store suite checks the two against each other on both backends.
 */
import type { StoredTicketFacts } from '../../app/ports/index.js';
import type { BulkTable } from './bulk-insert.js';
import { encodeCopyValue } from './copy-payload.js';

export const ticketFactColumns = [
  'contract_id', 'ticket', 'contract_version', 'last_event_at', 'running', 'live', 'created_month', 'first_solved_month', 'solved_month',
  'priority', 'raw_priority', 'out_of_scope', 'channel', 'outside_coverage', 'extras', 'fcr', 'reopened', 'mttr',
  'clock_metric', 'clock_cycle', 'clock_priority', 'clock_met', 'clock_month',
  'pending_metric', 'pending_cycle', 'pending_priority', 'pending_month', 'pending_at',
] as const;

/** `ticket_facts` as COPY loads it (`ticketFactCopyLine` writes its lines). */
export const ticketFactsTable: BulkTable = { table: 'ticket_facts', columns: ticketFactColumns };

/** A PostgreSQL array literal: `{"a","b"}`, `{1,NULL}`, `{t,f}` (strings always quoted, `\\` and `"` escaped). */
function pgArray(values: readonly (string | number | boolean | null)[]): string {
  if (values.length === 0) return '{}';
  let text = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (i > 0) text += ',';
    if (v === null) text += 'NULL';
    else if (typeof v === 'boolean') text += v ? 't' : 'f';
    else if (typeof v === 'number') text += String(v);
    else text += `"${arrayEscape.test(v) ? v.replace(/[\\"]/g, '\\$&') : v}"`;
  }
  return text + '}';
}

const arrayEscape = /[\\"]/;

/** One `ticket_facts` row as a COPY-text line, in `ticketFactColumns` order. */
export function ticketFactCopyLine(contractId: string, row: StoredTicketFacts): string {
  const f = row.facts;
  const pending = row.pendingClocks;
  const cells: (string | number | null)[] = [
    contractId,
    f.ticket,
    row.contractVersion,
    row.lastEventAt,
    f.running ? 't' : 'f',
    row.live ? 't' : 'f',
    row.createdMonth,
    row.firstSolvedMonth ?? null,
    row.solvedMonth ?? null,
    f.priority ?? null,
    f.rawPriority,
    f.outOfScope ?? null,
    f.channel ?? null,
    f.outsideCoverage ? 't' : 'f',
    pgArray(f.extras),
    f.firstContactResolved ? 't' : 'f',
    f.reopened ? 't' : 'f',
    pgArray(f.mttrSeconds),
    pgArray(f.settledClocks.map((c) => c.metric)),
    pgArray(f.settledClocks.map((c) => c.cycle)),
    pgArray(f.settledClocks.map((c) => c.priority)),
    pgArray(f.settledClocks.map((c) => c.met)),
    pgArray(row.clockMonths),
    pgArray(pending.map((c) => c.metric)),
    pgArray(pending.map((c) => c.cycle)),
    pgArray(pending.map((c) => c.priority)),
    pgArray(pending.map((c) => c.month)),
    pgArray(pending.map((c) => c.breachAt)),
  ];
  return cells.map(encodeCopyValue).join('\t');
}

/** What a set of inserted facts rows adds beside them, as parallel columns ready for `unnest`. */
export interface FactRowsDerived {
  /** Counter deltas, one per (month, key), summed over the rows. */
  readonly counts: { readonly month: number[]; readonly key: string[]; readonly n: number[] };
  /** In-scope settled clocks that missed. */
  readonly breaches: { readonly month: number[]; readonly metric: string[]; readonly priority: string[]; readonly ticket: string[]; readonly cycle: number[] };
  /** In-scope clocks running at the ticket's last event, with the instant each breaches. */
  readonly pending: { readonly month: number[]; readonly metric: string[]; readonly priority: string[]; readonly ticket: string[]; readonly cycle: number[]; readonly at: number[] };
  /** Out-of-scope tickets (with their reason) and tickets per extra, by month created. */
  readonly lists: { readonly month: number[]; readonly list: string[]; readonly key: string[]; readonly ticket: string[]; readonly detail: (string | null)[] };
}

/**
 * The counter keys and side rows of `rows`, as migration 005's `ticketFactContributions` and
 * its insert trigger define them (see the key list at the top of that migration).
 */
export function deriveFactRows(rows: readonly StoredTicketFacts[]): FactRowsDerived {
  const counts = new Map<string, { month: number; key: string; n: number }>();
  const add = (month: number, key: string, n = 1): void => {
    const id = `${month}\u0000${key}`;
    const entry = counts.get(id);
    if (entry) entry.n += n;
    else counts.set(id, { month, key, n });
  };
  const breaches: FactRowsDerived['breaches'] = { month: [], metric: [], priority: [], ticket: [], cycle: [] };
  const pending: FactRowsDerived['pending'] = { month: [], metric: [], priority: [], ticket: [], cycle: [], at: [] };
  const lists: FactRowsDerived['lists'] = { month: [], list: [], key: [], ticket: [], detail: [] };
  for (const row of rows) {
    const f = row.facts;
    const inScope = f.outOfScope === undefined;
    add(0, 'facts');
    add(0, `facts-version:${row.contractVersion}`);
    if (f.priority === undefined) add(row.createdMonth, `unmapped:${f.rawPriority}`);
    if (!inScope) {
      lists.month.push(row.createdMonth);
      lists.list.push('out-of-scope');
      lists.key.push('');
      lists.ticket.push(f.ticket);
      lists.detail.push(f.outOfScope!);
      continue;
    }
    f.settledClocks.forEach((clock, i) => {
      const month = row.clockMonths[i]!;
      add(month, `clock-settled:${clock.metric}:${clock.priority}`);
      if (clock.met) add(month, `clock-met:${clock.metric}:${clock.priority}`);
      else {
        breaches.month.push(month);
        breaches.metric.push(clock.metric);
        breaches.priority.push(clock.priority);
        breaches.ticket.push(f.ticket);
        breaches.cycle.push(clock.cycle);
      }
    });
    for (const clock of row.pendingClocks) {
      pending.month.push(clock.month);
      pending.metric.push(clock.metric);
      pending.priority.push(clock.priority);
      pending.ticket.push(f.ticket);
      pending.cycle.push(clock.cycle);
      pending.at.push(clock.breachAt);
    }
    for (const id of new Set(f.extras)) {
      lists.month.push(row.createdMonth);
      lists.list.push('extra');
      lists.key.push(id);
      lists.ticket.push(f.ticket);
      lists.detail.push(null);
    }
    add(row.createdMonth, f.priority === undefined ? 'created-unmapped' : `created:${f.priority}`);
    if (f.channel !== undefined) {
      add(row.createdMonth, `coverage-created:${f.channel}`);
      if (f.outsideCoverage) add(row.createdMonth, `coverage-outside:${f.channel}`);
    }
    if (row.firstSolvedMonth !== undefined && f.priority !== undefined) add(row.firstSolvedMonth, `resolved:${f.priority}`);
    if (row.solvedMonth !== undefined) {
      add(row.solvedMonth, 'solved');
      if (f.firstContactResolved) add(row.solvedMonth, 'fcr');
      if (f.reopened) add(row.solvedMonth, 'reopened');
      f.mttrSeconds.forEach((seconds, i) => {
        if (seconds === null) return;
        add(row.solvedMonth!, `mttr-sum:${i + 1}`, seconds);
        add(row.solvedMonth!, `mttr-count:${i + 1}`);
      });
    }
  }
  const columns: FactRowsDerived['counts'] = { month: [], key: [], n: [] };
  for (const { month, key, n } of counts.values()) {
    columns.month.push(month);
    columns.key.push(key);
    columns.n.push(n);
  }
  return { counts: columns, breaches, pending, lists };
}
