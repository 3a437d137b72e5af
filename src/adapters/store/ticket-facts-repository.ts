import { sql } from 'kysely';
import type { StoredTicketFacts, TicketFactsStatus, TicketFactsStore } from '../../app/ports/index.js';
import type { ClockMetric } from '../../domain/contract/schema/sla.js';
import type { MonthAggregate } from '../../domain/measures/index.js';
import { copyIn, encodeCopyValue, joinCopyLines } from './copy-payload.js';
import type { StoreContext } from './store-context.js';

const columns = [
  'contract_id', 'ticket', 'contract_version', 'last_event_at', 'running', 'created_month', 'first_solved_month', 'solved_month', 'months',
  'priority', 'raw_priority', 'out_of_scope', 'channel', 'outside_coverage', 'extras', 'fcr', 'reopened', 'mttr',
  'clock_metric', 'clock_cycle', 'clock_priority', 'clock_met', 'clock_month',
] as const;

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

function rowOf(contractId: string, row: StoredTicketFacts): string {
  const f = row.facts;
  const months = new Set<number>([row.createdMonth, ...row.clockMonths]);
  if (row.firstSolvedMonth !== undefined) months.add(row.firstSolvedMonth);
  if (row.solvedMonth !== undefined) months.add(row.solvedMonth);
  const cells: (string | number | null)[] = [
    contractId,
    f.ticket,
    row.contractVersion,
    row.lastEventAt,
    f.running ? 't' : 'f',
    row.createdMonth,
    row.firstSolvedMonth ?? null,
    row.solvedMonth ?? null,
    pgArray([...months]),
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
  ];
  return cells.map(encodeCopyValue).join('\t');
}

const clocks = sql`unnest(f.clock_metric, f.clock_priority, f.clock_met, f.clock_month, f.clock_cycle) AS c(metric, priority, met, month, cycle)`;

export class TicketFactsRepository implements TicketFactsStore {
  constructor(private readonly ctx: StoreContext) {}

  replaceTicketFacts(contractId: string, rows: readonly StoredTicketFacts[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    return this.ctx.withTransaction(async (tx) => {
      const db = tx.db();
      await db.deleteFrom('ticket_facts').where('contract_id', '=', contractId).where('ticket', 'in', rows.map((r) => r.facts.ticket)).execute();
      await copyIn(db, 'ticket_facts', columns, joinCopyLines(rows.map((r) => rowOf(contractId, r))));
    });
  }

  insertTicketFacts(contractId: string, rows: readonly StoredTicketFacts[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    return this.ctx.withTransaction(async (tx) => {
      await copyIn(tx.db(), 'ticket_facts', columns, joinCopyLines(rows.map((r) => rowOf(contractId, r))));
    });
  }

  async aggregateMonth(contractId: string, month: number, options: { readonly qualityCount: number; readonly listLimit: number; readonly asOf: number }): Promise<MonthAggregate> {
    const db = this.ctx.db();
    const limit = options.listLimit;
    const inMonth = sql`f.contract_id = ${contractId} AND f.months @> ARRAY[${month}]::integer[] AND NOT f.running AND f.last_event_at <= ${options.asOf}`;
    const inScope = sql`${inMonth} AND f.out_of_scope IS NULL`;
    const run = async <T>(query: ReturnType<typeof sql>): Promise<T[]> => (await query.execute(db)).rows as T[];

    const clockGroups = await run<{ metric: ClockMetric; priority: string; settled: number; met: number }>(
      sql`SELECT c.metric, c.priority, count(*)::integer AS settled, (count(*) FILTER (WHERE c.met))::integer AS met FROM ticket_facts f, ${clocks} WHERE ${inScope} AND c.month = ${month} GROUP BY c.metric, c.priority`,
    );
    const breached = await run<{ metric: string; priority: string; label: string }>(
      sql`SELECT metric, priority, label FROM (SELECT c.metric, c.priority, CASE WHEN c.cycle > 1 THEN f.ticket || '#' || c.cycle ELSE f.ticket END AS label,
            row_number() OVER (PARTITION BY c.metric, c.priority ORDER BY f.ticket, c.cycle) AS rn
          FROM ticket_facts f, ${clocks} WHERE ${inScope} AND c.month = ${month} AND NOT c.met) x WHERE rn <= ${limit}`,
    );
    const unmapped = await run<{ raw: string; n: number }>(sql`SELECT f.raw_priority AS raw, count(*)::integer AS n FROM ticket_facts f WHERE ${inMonth} AND f.created_month = ${month} AND f.priority IS NULL GROUP BY f.raw_priority`);
    const outOfScope = await run<{ ticket: string; reason: string }>(sql`SELECT f.ticket, f.out_of_scope AS reason FROM ticket_facts f WHERE ${inMonth} AND f.created_month = ${month} AND f.out_of_scope IS NOT NULL ORDER BY f.ticket`);
    const created = await run<{ priority: string | null; n: number }>(sql`SELECT f.priority, count(*)::integer AS n FROM ticket_facts f WHERE ${inScope} AND f.created_month = ${month} GROUP BY f.priority`);
    const coverage = await run<{ channel: string; created: number; outside: number }>(
      sql`SELECT f.channel, count(*)::integer AS created, (count(*) FILTER (WHERE f.outside_coverage))::integer AS outside FROM ticket_facts f WHERE ${inScope} AND f.created_month = ${month} AND f.channel IS NOT NULL GROUP BY f.channel`,
    );
    const outside = await run<{ channel: string; ticket: string }>(
      sql`SELECT channel, ticket FROM (SELECT f.channel, f.ticket, row_number() OVER (PARTITION BY f.channel ORDER BY f.ticket) AS rn FROM ticket_facts f WHERE ${inScope} AND f.created_month = ${month} AND f.outside_coverage) x WHERE rn <= ${limit}`,
    );
    const extras = await run<{ id: string; ticket: string }>(sql`SELECT e.id, f.ticket FROM ticket_facts f, unnest(f.extras) AS e(id) WHERE ${inScope} AND f.created_month = ${month} ORDER BY e.id, f.ticket`);
    const resolved = await run<{ priority: string; n: number }>(sql`SELECT f.priority, count(*)::integer AS n FROM ticket_facts f WHERE ${inScope} AND f.first_solved_month = ${month} AND f.priority IS NOT NULL GROUP BY f.priority`);
    const solvedRow = (
      await run<{ solved: number; fcr: number; reopened: number }>(
        sql`SELECT count(*)::integer AS solved, (count(*) FILTER (WHERE f.fcr))::integer AS fcr, (count(*) FILTER (WHERE f.reopened))::integer AS reopened FROM ticket_facts f WHERE ${inScope} AND f.solved_month = ${month}`,
      )
    )[0] ?? { solved: 0, fcr: 0, reopened: 0 };
    const notFcr = await run<{ ticket: string }>(sql`SELECT f.ticket FROM ticket_facts f WHERE ${inScope} AND f.solved_month = ${month} AND NOT f.fcr ORDER BY f.ticket LIMIT ${limit}`);
    const reopened = await run<{ ticket: string }>(sql`SELECT f.ticket FROM ticket_facts f WHERE ${inScope} AND f.solved_month = ${month} AND f.reopened ORDER BY f.ticket LIMIT ${limit}`);
    const mttr: { sum: number; count: number; slowest: { ticket: string; seconds: number }[] }[] = [];
    for (let i = 1; i <= options.qualityCount; i++) {
      const totals = (await run<{ sum: string | null; count: number }>(sql`SELECT sum(f.mttr[${i}])::text AS sum, count(f.mttr[${i}])::integer AS count FROM ticket_facts f WHERE ${inScope} AND f.solved_month = ${month}`))[0];
      const count = totals?.count ?? 0;
      const slowest =
        count === 0
          ? []
          : (await run<{ ticket: string; seconds: string }>(sql`SELECT f.ticket, f.mttr[${i}]::text AS seconds FROM ticket_facts f WHERE ${inScope} AND f.solved_month = ${month} AND f.mttr[${i}] IS NOT NULL ORDER BY f.mttr[${i}] DESC, f.ticket LIMIT 20`)).map((r) => ({ ticket: r.ticket, seconds: Number(r.seconds) }));
      mttr.push({ sum: Number(totals?.sum ?? 0), count, slowest });
    }

    const byGroup = new Map<string, string[]>();
    for (const b of breached) {
      const key = `${b.metric}\u0000${b.priority}`;
      const list = byGroup.get(key) ?? [];
      list.push(b.label);
      byGroup.set(key, list);
    }
    const outsideBy = new Map<string, string[]>();
    for (const o of outside) outsideBy.set(o.channel, [...(outsideBy.get(o.channel) ?? []), o.ticket]);
    const extrasById: Record<string, string[]> = {};
    for (const e of extras) (extrasById[e.id] ??= []).push(e.ticket);
    const createdByPriority: Record<string, number> = {};
    let createdUnmapped = 0;
    for (const c of created) {
      if (c.priority === null) createdUnmapped += c.n;
      else createdByPriority[c.priority] = c.n;
    }
    return {
      clocks: clockGroups.map((g) => ({ metric: g.metric, priority: g.priority, settled: g.settled, met: g.met, breached: byGroup.get(`${g.metric}\u0000${g.priority}`) ?? [] })),
      outOfScope,
      unmapped: Object.fromEntries(unmapped.map((u) => [u.raw, u.n])),
      createdByPriority,
      createdUnmapped,
      resolvedByPriority: Object.fromEntries(resolved.map((r) => [r.priority, r.n])),
      coverage: coverage.map((c) => ({ channel: c.channel, created: c.created, outside: c.outside, tickets: outsideBy.get(c.channel) ?? [] })),
      extras: extrasById,
      solved: solvedRow.solved,
      firstContactResolved: solvedRow.fcr,
      notFirstContactResolved: notFcr.map((r) => r.ticket),
      reopened: solvedRow.reopened,
      reopenedTickets: reopened.map((r) => r.ticket),
      mttr,
    };
  }

  async listRunningTickets(contractId: string): Promise<string[]> {
    const rows = await this.ctx.db().selectFrom('ticket_facts').select('ticket').where('contract_id', '=', contractId).where('running', '=', true).orderBy('ticket').execute();
    return rows.map((r) => r.ticket);
  }

  async listTicketsToEvaluate(contractId: string, options: { readonly asOf: number; readonly createdMonthUpTo: number }): Promise<string[]> {
    const rows = await sql<{ ticket: string }>`SELECT f.ticket FROM ticket_facts f WHERE f.contract_id = ${contractId} AND (f.running OR f.last_event_at > ${options.asOf}) AND f.created_month <= ${options.createdMonthUpTo} ORDER BY f.ticket`.execute(this.ctx.db());
    return rows.rows.map((r) => r.ticket);
  }

  async factsStatus(contractId: string): Promise<TicketFactsStatus> {
    const db = this.ctx.db();
    const facts = (await sql<{ n: number; last: string | null; versions: number[] | null }>`SELECT count(*)::integer AS n, max(last_event_at)::text AS last, array_agg(DISTINCT contract_version) AS versions FROM ticket_facts WHERE contract_id = ${contractId}`.execute(db)).rows[0];
    const tickets = (await sql<{ n: number }>`SELECT count(*)::integer AS n FROM tickets WHERE contract_id = ${contractId}`.execute(db)).rows[0];
    return {
      ticketsWithFacts: facts?.n ?? 0,
      tickets: tickets?.n ?? 0,
      versions: (facts?.versions ?? []).filter((v) => v !== null).map(Number),
      lastEventAt: facts?.last === null || facts?.last === undefined ? undefined : Number(facts.last),
    };
  }

  async listTicketsWithoutFacts(contractId: string): Promise<string[]> {
    const rows = await sql<{ ticket: string }>`SELECT t.ticket FROM tickets t WHERE t.contract_id = ${contractId} AND NOT EXISTS (SELECT 1 FROM ticket_facts f WHERE f.contract_id = t.contract_id AND f.ticket = t.ticket) ORDER BY t.ticket`.execute(this.ctx.db());
    return rows.rows.map((r) => r.ticket);
  }

  async clearTicketFacts(contractId: string): Promise<void> {
    await this.ctx.db().deleteFrom('ticket_facts').where('contract_id', '=', contractId).execute();
  }
}
