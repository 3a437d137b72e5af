/**
 * Migration 003: the lifecycle and risk registers. Data-breach incidents, insurance
 * certificates, data-access events, events recorded as termination evidence (insolvency,
 * force majeure, material breach) and exit progress. Each is per contract, keyed by
 * `contract_id` first. Frozen once released.
 */
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE TABLE breach_incidents (
    contract_id text COLLATE "C" NOT NULL REFERENCES contracts (contract_id),
    incident_id text COLLATE "C" NOT NULL CHECK (incident_id <> ''),
    discovered_at bigint NOT NULL,
    client_data_involved boolean NOT NULL,
    records_affected bigint NOT NULL CHECK (records_affected >= 0),
    california_residents_affected bigint NOT NULL CHECK (california_residents_affected >= 0),
    data_categories jsonb NOT NULL,
    vendor_notified_client_at bigint,
    individuals_notified_at bigint,
    attorney_general_notified_at bigint,
    law_enforcement_delay boolean NOT NULL DEFAULT false,
    description text,
    recorded_at bigint NOT NULL,
    updated_at bigint NOT NULL,
    PRIMARY KEY (contract_id, incident_id)
  )`,
  // Coverage as decimal text: exact, and read back the same on both drivers (numeric is not).
  `CREATE TABLE insurance_certificates (
    contract_id text COLLATE "C" NOT NULL REFERENCES contracts (contract_id),
    certificate_id text COLLATE "C" NOT NULL CHECK (certificate_id <> ''),
    type text NOT NULL CHECK (type <> ''),
    amount text NOT NULL CHECK (amount ~ '^[0-9]+(\\.[0-9]+)?$'),
    currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    expires_on date NOT NULL,
    insurer text,
    recorded_at bigint NOT NULL,
    PRIMARY KEY (contract_id, certificate_id)
  )`,
  // Bulk loaded like ticket events: no foreign key (checked once per batch).
  `CREATE TABLE access_events (
    contract_id text COLLATE "C" NOT NULL,
    event_id text COLLATE "C" NOT NULL,
    at bigint NOT NULL,
    account text NOT NULL,
    safeguards jsonb NOT NULL,
    data_category text NOT NULL,
    ticket text,
    action text NOT NULL,
    shared_account boolean,
    PRIMARY KEY (contract_id, event_id)
  )`,
  `CREATE INDEX access_events_at ON access_events (contract_id, at)`,
  `CREATE TABLE contract_events (
    contract_id text COLLATE "C" NOT NULL REFERENCES contracts (contract_id),
    event_id text COLLATE "C" NOT NULL CHECK (event_id <> ''),
    kind text NOT NULL CHECK (kind IN ('insolvency', 'force-majeure', 'material-breach')),
    party text CHECK (party IN ('client', 'vendor')),
    started_on date NOT NULL,
    ended_on date CHECK (ended_on >= started_on),
    description text NOT NULL CHECK (description <> ''),
    recorded_at bigint NOT NULL,
    PRIMARY KEY (contract_id, event_id)
  )`,
  `CREATE TABLE exit_progress (
    contract_id text COLLATE "C" NOT NULL REFERENCES contracts (contract_id),
    item text COLLATE "C" NOT NULL CHECK (item <> ''),
    done_on date NOT NULL,
    evidence text NOT NULL CHECK (evidence <> ''),
    recorded_at bigint NOT NULL,
    PRIMARY KEY (contract_id, item, done_on)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
