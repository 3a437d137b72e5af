/**
 * Migration 005: materialised ticket facts, one row per ticket, and per-month counters kept
 * from them by triggers, so a month's scorecard reads counters and a few indexed lists instead
 * of a stream of every event. Months are YYYYMM numbers in the contract's zone. Settled clocks
 * are parallel arrays; `pending_*` arrays hold clocks still running at the ticket's last event
 * with the instant they breach unless another event comes (`pending_at`), counted at read time
 * for the as-of. Frozen once released.
 *
 * Counters (`ticket_fact_counts`) are what the facts add up to per month and key. Rows of
 * `ticket_facts` are only inserted and deleted (never updated): statement triggers add what
 * inserted rows count and subtract what deleted rows counted, so the counters always equal an
 * aggregate over the rows, whatever path wrote them (import, ingestion, invalidation, refresh).
 * Breached in-scope settled clocks are also kept one per row in `ticket_fact_breaches`, and
 * in-scope pending clocks in `ticket_fact_pending` (by month, metric and priority, in ticket
 * order), for the scorecard's lists and its as-of counts; the unbounded lists (out-of-scope
 * tickets with their reason, tickets per extra) in `ticket_fact_lists`, by month created. Month 0 holds
 * installation facts: `tickets` (rows of `tickets`, kept by a trigger there), `facts` and
 * `facts-version:<n>` (rows of `ticket_facts`, and per contract version).
 * Keys: `clock-settled:<metric>:<priority>`, `clock-met:<metric>:<priority>` (in-scope settled
 * clocks, month settled); `created:<priority>`, `created-unmapped`, `coverage-created:<channel>`,
 * `coverage-outside:<channel>` (in scope, month created); `unmapped:<raw priority>` (any scope,
 * month created); `resolved:<priority>` (in scope, month first solved); `solved`, `fcr`,
 * `reopened`, `mttr-sum:<n>`, `mttr-count:<n>` (in scope, month of the last solve).
 */
import { sql, type Kysely } from 'kysely';

/**
 * What each row of `rows` (a table or CTE shaped like `ticket_facts`) counts: one
 * `(contract_id, month, key, n)` row per contribution, ungrouped. The triggers below sum it;
 * the store subtracts it, at read time, for rows that do not hold at an as-of.
 */
export function ticketFactContributions(rows: string): string {
  const inScope = 'r.out_of_scope IS NULL';
  return `
      SELECT r.contract_id, c.month, 'clock-settled:' || c.metric || ':' || c.priority AS key, 1::bigint AS n
        FROM ${rows} r, unnest(r.clock_metric, r.clock_priority, r.clock_month) AS c(metric, priority, month) WHERE ${inScope}
      UNION ALL
      SELECT r.contract_id, c.month, 'clock-met:' || c.metric || ':' || c.priority, 1
        FROM ${rows} r, unnest(r.clock_metric, r.clock_priority, r.clock_month, r.clock_met) AS c(metric, priority, month, met) WHERE ${inScope} AND c.met
      UNION ALL
      SELECT r.contract_id, r.created_month, CASE WHEN r.priority IS NULL THEN 'created-unmapped' ELSE 'created:' || r.priority END, 1 FROM ${rows} r WHERE ${inScope}
      UNION ALL
      SELECT r.contract_id, r.created_month, 'unmapped:' || r.raw_priority, 1 FROM ${rows} r WHERE r.priority IS NULL
      UNION ALL
      SELECT r.contract_id, r.created_month, 'coverage-created:' || r.channel, 1 FROM ${rows} r WHERE ${inScope} AND r.channel IS NOT NULL
      UNION ALL
      SELECT r.contract_id, r.created_month, 'coverage-outside:' || r.channel, 1 FROM ${rows} r WHERE ${inScope} AND r.channel IS NOT NULL AND r.outside_coverage
      UNION ALL
      SELECT r.contract_id, r.first_solved_month, 'resolved:' || r.priority, 1 FROM ${rows} r WHERE ${inScope} AND r.first_solved_month IS NOT NULL AND r.priority IS NOT NULL
      UNION ALL
      SELECT r.contract_id, r.solved_month, 'solved', 1 FROM ${rows} r WHERE ${inScope} AND r.solved_month IS NOT NULL
      UNION ALL
      SELECT r.contract_id, r.solved_month, 'fcr', 1 FROM ${rows} r WHERE ${inScope} AND r.solved_month IS NOT NULL AND r.fcr
      UNION ALL
      SELECT r.contract_id, r.solved_month, 'reopened', 1 FROM ${rows} r WHERE ${inScope} AND r.solved_month IS NOT NULL AND r.reopened
      UNION ALL
      SELECT r.contract_id, r.solved_month, 'mttr-sum:' || m.i, m.seconds
        FROM ${rows} r, unnest(r.mttr) WITH ORDINALITY AS m(seconds, i) WHERE ${inScope} AND r.solved_month IS NOT NULL AND m.seconds IS NOT NULL
      UNION ALL
      SELECT r.contract_id, r.solved_month, 'mttr-count:' || m.i, 1
        FROM ${rows} r, unnest(r.mttr) WITH ORDINALITY AS m(seconds, i) WHERE ${inScope} AND r.solved_month IS NOT NULL AND m.seconds IS NOT NULL
      UNION ALL
      SELECT r.contract_id, 0, 'facts', 1 FROM ${rows} r
      UNION ALL
      SELECT r.contract_id, 0, 'facts-version:' || r.contract_version, 1 FROM ${rows} r`;
}

/** Adds what rows of `table` count, times `sign`, to the counters. */
function countsOf(table: string, sign: 1 | -1): string {
  return `
    ${sign === 1 ? `INSERT INTO ticket_fact_breaches (contract_id, month, metric, priority, ticket, cycle)
      SELECT r.contract_id, c.month, c.metric, c.priority, r.ticket, c.cycle
        FROM ${table} r, unnest(r.clock_metric, r.clock_priority, r.clock_month, r.clock_met, r.clock_cycle) AS c(metric, priority, month, met, cycle)
        WHERE r.out_of_scope IS NULL AND NOT c.met;
      INSERT INTO ticket_fact_pending (contract_id, month, metric, priority, ticket, cycle, at)
      SELECT r.contract_id, p.month, p.metric, p.priority, r.ticket, p.cycle, p.at
        FROM ${table} r, unnest(r.pending_metric, r.pending_priority, r.pending_month, r.pending_cycle, r.pending_at) AS p(metric, priority, month, cycle, at)
        WHERE r.out_of_scope IS NULL;
      INSERT INTO ticket_fact_lists (contract_id, month, list, key, ticket, detail)
      SELECT r.contract_id, r.created_month, 'out-of-scope', '', r.ticket, r.out_of_scope FROM ${table} r WHERE r.out_of_scope IS NOT NULL
      UNION ALL
      SELECT DISTINCT r.contract_id, r.created_month, 'extra', e.id, r.ticket, NULL FROM ${table} r, unnest(r.extras) AS e(id) WHERE r.out_of_scope IS NULL` : `DELETE FROM ticket_fact_breaches b USING ${table} d WHERE b.contract_id = d.contract_id AND b.ticket = d.ticket;
      DELETE FROM ticket_fact_pending p USING ${table} d WHERE p.contract_id = d.contract_id AND p.ticket = d.ticket;
      DELETE FROM ticket_fact_lists l USING ${table} d WHERE l.contract_id = d.contract_id AND l.ticket = d.ticket`};
    INSERT INTO ticket_fact_counts (contract_id, month, key, n)
    SELECT contract_id, month, key, ${sign} * sum(n) FROM (${ticketFactContributions(table)}) x GROUP BY contract_id, month, key
    ON CONFLICT (contract_id, month, key) DO UPDATE SET n = ticket_fact_counts.n + excluded.n`;
}

const statements = [
  `CREATE TABLE ticket_facts (
    contract_id text COLLATE "C" NOT NULL,
    ticket text COLLATE "C" NOT NULL,
    contract_version integer NOT NULL,
    last_event_at bigint NOT NULL,
    running boolean NOT NULL,
    live boolean NOT NULL,
    created_month integer NOT NULL,
    first_solved_month integer,
    solved_month integer,
    priority text COLLATE "C",
    raw_priority text NOT NULL,
    out_of_scope text,
    channel text COLLATE "C",
    outside_coverage boolean NOT NULL,
    extras text[] NOT NULL,
    fcr boolean NOT NULL,
    reopened boolean NOT NULL,
    mttr bigint[] NOT NULL,
    clock_metric text[] NOT NULL,
    clock_cycle integer[] NOT NULL,
    clock_priority text[] NOT NULL,
    clock_met boolean[] NOT NULL,
    clock_month integer[] NOT NULL,
    pending_metric text[] NOT NULL,
    pending_cycle integer[] NOT NULL,
    pending_priority text[] NOT NULL,
    pending_month integer[] NOT NULL,
    pending_at bigint[] NOT NULL,
    PRIMARY KEY (contract_id, ticket)
  )`,
  // Tickets whose facts do not hold at an earlier as-of, or must be evaluated at read time.
  `CREATE INDEX ticket_facts_last_event ON ticket_facts (contract_id, last_event_at)`,
  `CREATE INDEX ticket_facts_live ON ticket_facts (contract_id) WHERE live`,
  `CREATE INDEX ticket_facts_running ON ticket_facts (contract_id) WHERE running`,
  // The scorecard's ticket lists, each read in ticket order up to its cap.
  `CREATE INDEX ticket_facts_outside ON ticket_facts (contract_id, created_month, channel, ticket) WHERE outside_coverage AND out_of_scope IS NULL`,
  `CREATE INDEX ticket_facts_not_fcr ON ticket_facts (contract_id, solved_month, ticket) WHERE NOT fcr AND out_of_scope IS NULL`,
  `CREATE INDEX ticket_facts_reopened ON ticket_facts (contract_id, solved_month, ticket) WHERE reopened AND out_of_scope IS NULL`,
  ...[1, 2, 3, 4].map((i) => `CREATE INDEX ticket_facts_mttr_${i} ON ticket_facts (contract_id, solved_month, (mttr[${i}]) DESC, ticket) WHERE mttr[${i}] IS NOT NULL AND out_of_scope IS NULL`),
  `CREATE TABLE ticket_fact_breaches (
    contract_id text COLLATE "C" NOT NULL,
    month integer NOT NULL,
    metric text COLLATE "C" NOT NULL,
    priority text COLLATE "C" NOT NULL,
    ticket text COLLATE "C" NOT NULL,
    cycle integer NOT NULL,
    PRIMARY KEY (contract_id, month, metric, priority, ticket, cycle)
  )`,
  `CREATE INDEX ticket_fact_breaches_ticket ON ticket_fact_breaches (contract_id, ticket)`,
  `CREATE TABLE ticket_fact_pending (
    contract_id text COLLATE "C" NOT NULL,
    month integer NOT NULL,
    metric text COLLATE "C" NOT NULL,
    priority text COLLATE "C" NOT NULL,
    ticket text COLLATE "C" NOT NULL,
    cycle integer NOT NULL,
    at bigint NOT NULL,
    PRIMARY KEY (contract_id, month, metric, priority, ticket, cycle)
  )`,
  `CREATE INDEX ticket_fact_pending_ticket ON ticket_fact_pending (contract_id, ticket)`,
  `CREATE TABLE ticket_fact_lists (
    contract_id text COLLATE "C" NOT NULL,
    month integer NOT NULL,
    list text COLLATE "C" NOT NULL,
    key text COLLATE "C" NOT NULL,
    ticket text COLLATE "C" NOT NULL,
    detail text,
    PRIMARY KEY (contract_id, month, list, key, ticket)
  )`,
  `CREATE INDEX ticket_fact_lists_ticket ON ticket_fact_lists (contract_id, ticket)`,
  `CREATE TABLE ticket_fact_counts (
    contract_id text COLLATE "C" NOT NULL,
    month integer NOT NULL,
    key text COLLATE "C" NOT NULL,
    n bigint NOT NULL,
    PRIMARY KEY (contract_id, month, key)
  )`,
  `CREATE FUNCTION ticket_facts_count_inserted() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${countsOf('inserted_rows', 1)}; RETURN NULL; END $$`,
  `CREATE FUNCTION ticket_facts_count_deleted() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${countsOf('deleted_rows', -1)}; RETURN NULL; END $$`,
  `CREATE FUNCTION ticket_facts_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'ticket_facts rows are replaced (deleted and inserted), never updated: the counters follow inserts and deletes'; END $$`,
  `CREATE TRIGGER ticket_facts_counts_insert AFTER INSERT ON ticket_facts REFERENCING NEW TABLE AS inserted_rows FOR EACH STATEMENT EXECUTE FUNCTION ticket_facts_count_inserted()`,
  `CREATE TRIGGER ticket_facts_counts_delete AFTER DELETE ON ticket_facts REFERENCING OLD TABLE AS deleted_rows FOR EACH STATEMENT EXECUTE FUNCTION ticket_facts_count_deleted()`,
  `INSERT INTO ticket_fact_counts (contract_id, month, key, n) SELECT contract_id, 0, 'tickets', count(*) FROM tickets GROUP BY contract_id`,
  `CREATE FUNCTION tickets_count_inserted() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
    INSERT INTO ticket_fact_counts (contract_id, month, key, n) SELECT contract_id, 0, 'tickets', count(*) FROM inserted_rows GROUP BY contract_id
    ON CONFLICT (contract_id, month, key) DO UPDATE SET n = ticket_fact_counts.n + excluded.n; RETURN NULL; END $$`,
  `CREATE TRIGGER tickets_count_insert AFTER INSERT ON tickets REFERENCING NEW TABLE AS inserted_rows FOR EACH STATEMENT EXECUTE FUNCTION tickets_count_inserted()`,
  `CREATE TRIGGER ticket_facts_no_update BEFORE UPDATE ON ticket_facts FOR EACH ROW EXECUTE FUNCTION ticket_facts_refuse_update()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
