/**
 * Migration 005: materialised ticket facts, one row per ticket, so a month's scorecard is an
 * aggregate over narrow columns instead of a stream of every event. Months are YYYYMM numbers
 * in the contract's zone; `months` lists every month the row counts in (GIN-indexed). Clocks
 * are parallel arrays (unnested together when aggregating). Frozen once released.
 */
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE TABLE ticket_facts (
    contract_id text COLLATE "C" NOT NULL,
    ticket text COLLATE "C" NOT NULL,
    contract_version integer NOT NULL,
    last_event_at bigint NOT NULL,
    running boolean NOT NULL,
    created_month integer NOT NULL,
    first_solved_month integer,
    solved_month integer,
    months integer[] NOT NULL,
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
    PRIMARY KEY (contract_id, ticket)
  )`,
  `CREATE INDEX ticket_facts_months ON ticket_facts USING gin (months)`,
  `CREATE INDEX ticket_facts_running ON ticket_facts (contract_id) WHERE running`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
