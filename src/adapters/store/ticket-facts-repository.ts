import { noTurns, type TakeTurn } from '../../app/event-loop-turns.js';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { StoredTicketFacts, TicketFactsStatus, TicketFactsStore } from '../../app/ports/index.js';
import type { ClockMetric } from '../../domain/contract/schema/sla.js';
import type { MonthAggregate } from '../../domain/measures/index.js';
import { copyIn, joinCopyLines } from './copy-payload.js';
import type { Database } from './database.js';
import { ticketFactContributions } from './migrations/005-ticket-facts.js';
import type { StoreContext } from './store-context.js';
import { deriveFactRows, ticketFactCopyLine, ticketFactsTable, type FactRowsDerived } from './ticket-fact-rows.js';

/** Facts rows ready to store: their COPY text and what they add beside them. */
export interface EncodedFactRows {
  readonly tickets: readonly string[];
  readonly text: string;
  readonly derived: FactRowsDerived;
}

export async function encodeFactRows(contractId: string, rows: readonly StoredTicketFacts[], takeTurn: TakeTurn = noTurns): Promise<EncodedFactRows> {
  const lines = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    lines[i] = ticketFactCopyLine(contractId, rows[i]!);
    const turn = (i & 63) === 63 ? takeTurn() : undefined;
    if (turn) await turn;
  }
  return { tickets: rows.map((r) => r.facts.ticket), text: joinCopyLines(lines), derived: deriveFactRows(rows) };
}

/**
 * Copies the rows into `ticket_facts`, then adds what they count (ticket-fact-rows.ts) in one
 * statement: the side tables' rows and the counters' deltas, each set passed as parallel
 * arrays. A row for a ticket that has facts fails the copy (primary key), so nothing is added.
 */
export async function insertFactRows(db: Kysely<Database>, contractId: string, encoded: EncodedFactRows): Promise<void> {
  if (encoded.tickets.length === 0) return;
  await copyIn(db, ticketFactsTable.table, ticketFactsTable.columns, encoded.text);
  await factCountsStatement(contractId, encoded.derived).execute(db);
}

/** The statement that adds what copied facts rows count: side-table rows and counter deltas. */
export function factCountsStatement(contractId: string, derived: FactRowsDerived): RawBuilder<unknown> {
  const { counts, breaches, pending, lists } = derived;
  return sql`
    WITH breaches AS (
      INSERT INTO ticket_fact_breaches (contract_id, month, metric, priority, ticket, cycle)
      SELECT ${contractId}, * FROM unnest(${breaches.month}::integer[], ${breaches.metric}::text[], ${breaches.priority}::text[], ${breaches.ticket}::text[], ${breaches.cycle}::integer[])
    ), pending AS (
      INSERT INTO ticket_fact_pending (contract_id, month, metric, priority, ticket, cycle, at)
      SELECT ${contractId}, * FROM unnest(${pending.month}::integer[], ${pending.metric}::text[], ${pending.priority}::text[], ${pending.ticket}::text[], ${pending.cycle}::integer[], ${pending.at}::bigint[])
    ), lists AS (
      INSERT INTO ticket_fact_lists (contract_id, month, list, key, ticket, detail)
      SELECT ${contractId}, * FROM unnest(${lists.month}::integer[], ${lists.list}::text[], ${lists.key}::text[], ${lists.ticket}::text[], ${lists.detail}::text[])
    )
    INSERT INTO ticket_fact_counts (contract_id, month, key, n)
    SELECT ${contractId}, * FROM unnest(${counts.month}::integer[], ${counts.key}::text[], ${counts.n}::bigint[])
    ON CONFLICT (contract_id, month, key) DO UPDATE SET n = ticket_fact_counts.n + excluded.n`;
}

export class TicketFactsRepository implements TicketFactsStore {
  constructor(private readonly ctx: StoreContext) {}

  replaceTicketFacts(contractId: string, rows: readonly StoredTicketFacts[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    return this.ctx.withTransaction(async (tx) => {
      const db = tx.db();
      await db.deleteFrom('ticket_facts').where('contract_id', '=', contractId).where('ticket', 'in', rows.map((r) => r.facts.ticket)).execute();
      await insertFactRows(db, contractId, await encodeFactRows(contractId, rows));
    });
  }

  insertTicketFacts(contractId: string, rows: readonly StoredTicketFacts[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    return this.ctx.withTransaction(async (tx) => insertFactRows(tx.db(), contractId, await encodeFactRows(contractId, rows)));
  }

  async aggregateMonth(contractId: string, month: number, options: { readonly qualityCount: number; readonly listLimit: number; readonly asOf: number }): Promise<MonthAggregate> {
    const db = this.ctx.db();
    const { asOf, listLimit: limit } = options;
    const run = async <T>(query: ReturnType<typeof sql>): Promise<T[]> => (await query.execute(db)).rows as T[];

    // 1. Counts: the month's counters, less what rows that do not hold at as-of counted.
    const counters = await run<{ key: string; n: string }>(sql`SELECT key, n::text AS n FROM ticket_fact_counts WHERE contract_id = ${contractId} AND month = ${month} AND n <> 0`);
    const notHolding = await run<{ key: string; n: string }>(
      sql`WITH not_holding AS (SELECT * FROM ticket_facts WHERE contract_id = ${contractId} AND (last_event_at > ${asOf} OR live))
          SELECT key, sum(n)::text AS n FROM (${sql.raw(ticketFactContributions('not_holding'))}) x WHERE month = ${month} GROUP BY key`,
    );
    const counts = new Map<string, number>();
    for (const c of counters) counts.set(c.key, Number(c.n));
    for (const c of notHolding) counts.set(c.key, (counts.get(c.key) ?? 0) - Number(c.n));
    // The lists leave these tickets out: each capped list is read that many rows longer, then filtered.
    const leftOut = new Set((await run<{ ticket: string }>(sql`SELECT ticket FROM ticket_facts WHERE contract_id = ${contractId} AND (last_event_at > ${asOf} OR live)`)).map((r) => r.ticket));
    const cap = limit + leftOut.size;
    const holding = <T extends { ticket: string }>(rows: readonly T[], max = limit): T[] => rows.filter((r) => !leftOut.has(r.ticket)).slice(0, max);
    const label = (r: { ticket: string; cycle: number }): string => (r.cycle > 1 ? `${r.ticket}#${r.cycle}` : r.ticket);

    // 2. Clocks still running at their ticket's last event that breach by as-of, in this month.
    //    A pending clock breaches after its ticket's last event, so one due by as-of belongs to a
    //    row that holds (live rows store none).
    const pendingAll = await run<{ metric: ClockMetric; priority: string; n: number }>(
      sql`SELECT metric, priority, count(*)::integer AS n FROM ticket_fact_pending WHERE contract_id = ${contractId} AND month = ${month} AND at <= ${asOf} GROUP BY metric, priority`,
    );
    const pendingCounts = new Map<string, { metric: ClockMetric; priority: string; n: number }>();
    for (const r of pendingAll) pendingCounts.set(`${r.metric}:${r.priority}`, { ...r });
    const pendingBreached: { metric: string; priority: string; label: string }[] = [];
    for (const { metric, priority, n } of pendingCounts.values()) {
      if (n === 0) continue;
      const rows = await run<{ ticket: string; cycle: number }>(
        sql`SELECT ticket, cycle FROM ticket_fact_pending WHERE contract_id = ${contractId} AND month = ${month} AND metric = ${metric} AND priority = ${priority} AND at <= ${asOf} ORDER BY ticket, cycle LIMIT ${limit}`,
      );
      for (const r of rows) pendingBreached.push({ metric, priority, label: label(r) });
    }

    // 3. The lists, each read in ticket order from a narrow table or a partial index, up to its cap.
    const breached: { metric: string; priority: string; label: string }[] = [];
    for (const key of counts.keys()) {
      if (!key.startsWith('clock-settled:')) continue;
      const rest = key.slice('clock-settled:'.length);
      const metric = rest.slice(0, rest.indexOf(':'));
      const priority = rest.slice(rest.indexOf(':') + 1);
      const rows = await run<{ ticket: string; cycle: number }>(
        sql`SELECT ticket, cycle FROM ticket_fact_breaches WHERE contract_id = ${contractId} AND month = ${month} AND metric = ${metric} AND priority = ${priority} ORDER BY ticket, cycle LIMIT ${cap}`,
      );
      for (const r of holding(rows)) breached.push({ metric, priority, label: label(r) });
    }
    const outOfScope = holding(
      await run<{ ticket: string; reason: string }>(
        sql`SELECT ticket, detail AS reason FROM ticket_fact_lists WHERE contract_id = ${contractId} AND month = ${month} AND list = 'out-of-scope' AND key = '' ORDER BY ticket`,
      ),
      Infinity,
    );
    const channels = [...counts.keys()].filter((k) => k.startsWith('coverage-created:')).map((k) => k.slice('coverage-created:'.length));
    const outsideBy = new Map<string, string[]>();
    for (const channel of channels) {
      const rows = await run<{ ticket: string }>(
        sql`SELECT f.ticket FROM ticket_facts f WHERE f.contract_id = ${contractId} AND f.created_month = ${month} AND f.channel = ${channel} AND f.outside_coverage AND f.out_of_scope IS NULL ORDER BY f.ticket LIMIT ${cap}`,
      );
      outsideBy.set(channel, holding(rows).map((r) => r.ticket));
    }
    const extras = holding(
      await run<{ id: string; ticket: string }>(sql`SELECT key AS id, ticket FROM ticket_fact_lists WHERE contract_id = ${contractId} AND month = ${month} AND list = 'extra' ORDER BY key, ticket`),
      Infinity,
    );
    const notFcr = holding(
      await run<{ ticket: string }>(sql`SELECT f.ticket FROM ticket_facts f WHERE f.contract_id = ${contractId} AND f.solved_month = ${month} AND NOT f.fcr AND f.out_of_scope IS NULL ORDER BY f.ticket LIMIT ${cap}`),
    );
    const reopened = holding(
      await run<{ ticket: string }>(sql`SELECT f.ticket FROM ticket_facts f WHERE f.contract_id = ${contractId} AND f.solved_month = ${month} AND f.reopened AND f.out_of_scope IS NULL ORDER BY f.ticket LIMIT ${cap}`),
    );
    const mttr: { sum: number; count: number; slowest: { ticket: string; seconds: number }[] }[] = [];
    for (let i = 1; i <= options.qualityCount; i++) {
      const count = counts.get(`mttr-count:${i}`) ?? 0;
      // mttr[i] spelled out so the expression indexes on mttr[1..4] apply.
      const seconds = sql.raw(`f.mttr[${i}]`);
      const slowest =
        count === 0
          ? []
          : holding(
              await run<{ ticket: string; seconds: string }>(
                sql`SELECT f.ticket, ${seconds}::text AS seconds FROM ticket_facts f WHERE f.contract_id = ${contractId} AND f.solved_month = ${month} AND ${seconds} IS NOT NULL AND f.out_of_scope IS NULL ORDER BY ${seconds} DESC, f.ticket LIMIT ${20 + leftOut.size}`,
              ),
              20,
            ).map((r) => ({ ticket: r.ticket, seconds: Number(r.seconds) }));
      mttr.push({ sum: counts.get(`mttr-sum:${i}`) ?? 0, count, slowest });
    }

    // 4. Into the aggregate.
    const clockGroups = new Map<string, { metric: ClockMetric; priority: string; settled: number; met: number; breached: string[] }>();
    const group = (metric: string, priority: string) => {
      const key = `${metric}:${priority}`;
      let g = clockGroups.get(key);
      if (!g) clockGroups.set(key, (g = { metric: metric as ClockMetric, priority, settled: 0, met: 0, breached: [] }));
      return g;
    };
    const byPrefix = (prefix: string): [string, number][] => [...counts].filter(([k]) => k.startsWith(prefix)).map(([k, n]) => [k.slice(prefix.length), n]);
    for (const [rest, n] of byPrefix('clock-settled:')) {
      const at = rest.indexOf(':');
      group(rest.slice(0, at), rest.slice(at + 1)).settled += n;
    }
    for (const [rest, n] of byPrefix('clock-met:')) {
      const at = rest.indexOf(':');
      group(rest.slice(0, at), rest.slice(at + 1)).met += n;
    }
    for (const p of pendingCounts.values()) group(p.metric, p.priority).settled += p.n;
    for (const b of [...breached, ...pendingBreached]) group(b.metric, b.priority).breached.push(b.label);
    const extrasById: Record<string, string[]> = {};
    for (const e of extras) (extrasById[e.id] ??= []).push(e.ticket);
    const nonZero = (entries: [string, number][]): Record<string, number> => Object.fromEntries(entries.filter(([, n]) => n !== 0));
    return {
      clocks: [...clockGroups.values()].filter((g) => g.settled !== 0 || g.breached.length > 0),
      outOfScope,
      unmapped: nonZero(byPrefix('unmapped:')),
      createdByPriority: nonZero(byPrefix('created:')),
      createdUnmapped: counts.get('created-unmapped') ?? 0,
      resolvedByPriority: nonZero(byPrefix('resolved:')),
      coverage: channels
        .map((channel) => ({ channel, created: counts.get(`coverage-created:${channel}`) ?? 0, outside: counts.get(`coverage-outside:${channel}`) ?? 0, tickets: outsideBy.get(channel) ?? [] }))
        .filter((c) => c.created !== 0),
      extras: extrasById,
      solved: counts.get('solved') ?? 0,
      firstContactResolved: counts.get('fcr') ?? 0,
      notFirstContactResolved: notFcr.map((r) => r.ticket),
      reopened: counts.get('reopened') ?? 0,
      reopenedTickets: reopened.map((r) => r.ticket),
      mttr,
    };
  }

  async listTicketsToEvaluate(contractId: string, options: { readonly asOf: number; readonly createdMonthUpTo: number }): Promise<string[]> {
    const rows = await sql<{ ticket: string }>`SELECT f.ticket FROM ticket_facts f WHERE f.contract_id = ${contractId} AND (f.live OR f.last_event_at > ${options.asOf}) AND f.created_month <= ${options.createdMonthUpTo} ORDER BY f.ticket`.execute(this.ctx.db());
    return rows.rows.map((r) => r.ticket);
  }

  async listRunningTickets(contractId: string): Promise<string[]> {
    const rows = await this.ctx.db().selectFrom('ticket_facts').select('ticket').where('contract_id', '=', contractId).where('running', '=', true).orderBy('ticket').execute();
    return rows.map((r) => r.ticket);
  }

  async factsStatus(contractId: string): Promise<TicketFactsStatus> {
    const db = this.ctx.db();
    // Month 0 of the counters: rows of tickets and of facts, and facts per contract version.
    const counters = await db.selectFrom('ticket_fact_counts').select(['key', sql<string>`n::text`.as('n')]).where('contract_id', '=', contractId).where('month', '=', 0).where('n', '<>', 0).execute();
    const count = (key: string): number => Number(counters.find((c) => c.key === key)?.n ?? 0);
    const last = (await sql<{ last: string | null }>`SELECT max(last_event_at)::text AS last FROM ticket_facts WHERE contract_id = ${contractId}`.execute(db)).rows[0]?.last;
    return {
      ticketsWithFacts: count('facts'),
      tickets: count('tickets'),
      versions: counters
        .filter((c) => c.key.startsWith('facts-version:'))
        .map((c) => Number(c.key.slice('facts-version:'.length)))
        .sort((a, b) => a - b),
      lastEventAt: last === null || last === undefined ? undefined : Number(last),
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
