/**
 * Migration 001: the core tables. Frozen once released: change the schema with a new numbered
 * migration, never by editing this one (stores in the field have already run it).
 */
import { sql, type Kysely } from 'kysely';

// Literal copies of the domain's lists as of this migration; a later kind needs a new migration.
const eventKindList = `'created','priority_changed','assigned','agent_replied','customer_replied','internal_note','status_changed','solved','reopened','closed'`;
const statusList = `'new','open','pending_customer','on_hold_third_party','solved','closed','canceled'`;

const statements = [
  `CREATE TABLE organisations (
    organisation_id text COLLATE "C" PRIMARY KEY,
    name text NOT NULL,
    created_at bigint NOT NULL
  )`,
  `CREATE TABLE contracts (
    contract_id text COLLATE "C" PRIMARY KEY,
    title text NOT NULL,
    client text NOT NULL,
    vendor text NOT NULL,
    created_at bigint NOT NULL,
    latest_version integer NOT NULL CHECK (latest_version >= 1)
  )`,
  `CREATE TABLE contract_versions (
    contract_id text COLLATE "C" NOT NULL REFERENCES contracts (contract_id),
    version integer NOT NULL CHECK (version >= 1),
    yaml text NOT NULL,
    sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    effective_on date NOT NULL,
    added_at bigint NOT NULL,
    PRIMARY KEY (contract_id, version)
  )`,
  // No foreign keys on the two big tables: a per-row check would slow bulk loads, so the store
  // checks once per batch that the contract exists.
  `CREATE TABLE tickets (
    contract_id text COLLATE "C" NOT NULL,
    ticket text COLLATE "C" NOT NULL,
    source text,
    raw_priority text,
    channel text,
    category text,
    technology text,
    created_at bigint NOT NULL,
    source_sla jsonb,
    PRIMARY KEY (contract_id, ticket)
  )`,
  `CREATE TABLE ticket_events (
    contract_id text COLLATE "C" NOT NULL,
    ticket text COLLATE "C" NOT NULL,
    event_id text COLLATE "C" NOT NULL,
    at bigint NOT NULL,
    seq integer,
    kind text NOT NULL CHECK (kind IN (${eventKindList})),
    priority text,
    status text CHECK (status IN (${statusList})),
    channel text,
    category text,
    technology text,
    actor text,
    source text,
    PRIMARY KEY (contract_id, ticket, event_id)
  )`,
  // Stop events only (about 1 in 8 rows), to find tickets settled in a month without reading
  // every event; the predicate must match settledEventCondition in ticket-repository.ts.
  `CREATE INDEX ticket_events_stops ON ticket_events (contract_id, at)
    WHERE kind IN ('solved', 'closed') OR status IN ('solved', 'closed', 'canceled')`,
  `CREATE TABLE outages (
    contract_id text COLLATE "C" NOT NULL REFERENCES contracts (contract_id),
    outage_id text COLLATE "C" NOT NULL,
    service text NOT NULL,
    start_at bigint NOT NULL,
    end_at bigint NOT NULL CHECK (end_at >= start_at),
    description text,
    PRIMARY KEY (contract_id, outage_id)
  )`,
  `CREATE TABLE vendor_reports (
    contract_id text COLLATE "C" NOT NULL REFERENCES contracts (contract_id),
    report_id text COLLATE "C" NOT NULL,
    month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    delivered_at bigint NOT NULL,
    PRIMARY KEY (contract_id, report_id)
  )`,
  `CREATE TABLE import_jobs (
    contract_id text COLLATE "C" NOT NULL REFERENCES contracts (contract_id),
    import_job_id text COLLATE "C" NOT NULL,
    source text NOT NULL,
    file_name text,
    file_digest text NOT NULL,
    status text NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
    rows_committed bigint NOT NULL DEFAULT 0 CHECK (rows_committed >= 0),
    new_tickets bigint NOT NULL DEFAULT 0,
    new_events bigint NOT NULL DEFAULT 0,
    new_outages bigint NOT NULL DEFAULT 0,
    new_reports bigint NOT NULL DEFAULT 0,
    started_at bigint NOT NULL,
    finished_at bigint,
    summary jsonb,
    PRIMARY KEY (contract_id, import_job_id)
  )`,
  `CREATE INDEX import_jobs_file ON import_jobs (contract_id, file_digest)`,
  // Append-only and hash chained; contract_id is null for installation-wide entries.
  `CREATE TABLE audit_log (
    seq bigint PRIMARY KEY CHECK (seq >= 1),
    contract_id text COLLATE "C",
    at bigint NOT NULL,
    actor text NOT NULL,
    action text NOT NULL,
    subject text NOT NULL,
    payload jsonb,
    prev_hash text NOT NULL,
    hash text NOT NULL
  )`,
  `CREATE INDEX audit_log_contract ON audit_log (contract_id, seq)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  // One statement per call: the embedded driver runs each through the extended protocol.
  for (const statement of statements) await sql.raw(statement).execute(db);
}
