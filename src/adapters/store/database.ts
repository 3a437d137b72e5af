/**
 * Kysely row types of the store's tables. Instants are `bigint` epoch seconds (read back as JS
 * numbers), dates are `date` (read back as `YYYY-MM-DD` strings), JSON is `jsonb`.
 * Every table that grows with use carries `contract_id` as its first key column.
 */
import type { ColumnType, Generated } from 'kysely';
import type { JsonValue } from '../../app/ports/index.js';

/** A `jsonb` column: written as JSON text, read back parsed. */
type Json = ColumnType<JsonValue, string, string>;

export interface OrganisationsTable {
  organisation_id: string;
  name: string;
  created_at: number;
}

export interface ContractsTable {
  contract_id: string;
  title: string;
  client: string;
  vendor: string;
  created_at: number;
  latest_version: number;
}

export interface ContractVersionsTable {
  contract_id: string;
  version: number;
  yaml: string;
  sha256: string;
  effective_on: string;
  added_at: number;
}

export interface TicketsTable {
  contract_id: string;
  ticket: string;
  source: string | null;
  raw_priority: string | null;
  channel: string | null;
  category: string | null;
  technology: string | null;
  created_at: number;
  source_sla: Json | null;
}

/** A ticket's events from one write (migration 008): `events` is JSON text of event tuples, sorted. */
export interface TicketEventChunksTable {
  contract_id: string;
  ticket: string;
  chunk: number;
  event_count: number;
  events: string;
}

export interface OutagesTable {
  contract_id: string;
  outage_id: string;
  service: string;
  start_at: number;
  end_at: number;
  description: string | null;
}

export interface VendorReportsTable {
  contract_id: string;
  report_id: string;
  month: string;
  delivered_at: number;
}

export interface ImportJobsTable {
  contract_id: string;
  import_job_id: string;
  source: string;
  file_name: string | null;
  file_digest: string;
  status: string;
  rows_committed: Generated<number>;
  new_tickets: Generated<number>;
  new_events: Generated<number>;
  new_outages: Generated<number>;
  new_reports: Generated<number>;
  started_at: number;
  finished_at: number | null;
  summary: Json | null;
}

export interface AuditLogTable {
  seq: number;
  contract_id: string | null;
  at: number;
  actor: string;
  action: string;
  subject: string;
  payload: Json | null;
  prev_hash: string;
  hash: string;
}

export interface ApiTokensTable {
  token_id: string;
  token_sha256: string;
  name: string;
  role: string;
  all_contracts: boolean;
  /** A JSON list of contract ids (empty when `all_contracts`). */
  contract_ids: Json;
  created_at: number;
  created_by: string;
  revoked_at: number | null;
}

export interface BreachIncidentsTable {
  contract_id: string;
  incident_id: string;
  discovered_at: number;
  client_data_involved: boolean;
  records_affected: number;
  california_residents_affected: number;
  /** A JSON list of category names. */
  data_categories: Json;
  vendor_notified_client_at: number | null;
  individuals_notified_at: number | null;
  attorney_general_notified_at: number | null;
  law_enforcement_delay: boolean;
  description: string | null;
  recorded_at: number;
  updated_at: number;
}

export interface InsuranceCertificatesTable {
  contract_id: string;
  certificate_id: string;
  type: string;
  /** Plain decimal text: `"5000000.00"`. */
  amount: string;
  currency: string;
  expires_on: string;
  insurer: string | null;
  recorded_at: number;
}

export interface AccessEventsTable {
  contract_id: string;
  event_id: string;
  at: number;
  account: string;
  /** A JSON list of safeguard names. */
  safeguards: Json;
  data_category: string;
  ticket: string | null;
  action: string;
  shared_account: boolean | null;
}

export interface ContractEventsTable {
  contract_id: string;
  event_id: string;
  kind: string;
  party: string | null;
  started_on: string;
  ended_on: string | null;
  description: string;
  recorded_at: number;
}

export interface ExitProgressTable {
  contract_id: string;
  item: string;
  done_on: string;
  evidence: string;
  recorded_at: number;
}

/** Materialised ticket facts (migration 005); the arrays are read only inside SQL aggregates. */
export interface TicketFactsTable {
  contract_id: string;
  ticket: string;
  contract_version: number;
  last_event_at: number;
  running: boolean;
  live: boolean;
  created_month: number;
  first_solved_month: number | null;
  solved_month: number | null;
  priority: string | null;
  raw_priority: string;
  out_of_scope: string | null;
  channel: string | null;
  outside_coverage: boolean;
  extras: string[];
  fcr: boolean;
  reopened: boolean;
  mttr: (number | null)[];
  clock_metric: string[];
  clock_cycle: number[];
  clock_priority: string[];
  clock_met: boolean[];
  clock_month: number[];
  pending_metric: string[];
  pending_cycle: number[];
  pending_priority: string[];
  pending_month: number[];
  pending_at: number[];
}

/** Breached in-scope settled clocks of the ticket facts, one per row (kept by triggers on `ticket_facts`). */
export interface TicketFactBreachesTable {
  contract_id: string;
  month: number;
  metric: string;
  priority: string;
  ticket: string;
  cycle: number;
}

/** Pending (running, unpaused) in-scope clocks of the ticket facts with their breach instant, one per row (kept by triggers). */
export interface TicketFactPendingTable {
  contract_id: string;
  month: number;
  metric: string;
  priority: string;
  ticket: string;
  cycle: number;
  at: number;
}

/** Out-of-scope tickets and tickets per extra, by month created (kept by triggers on `ticket_facts`). */
export interface TicketFactListsTable {
  contract_id: string;
  month: number;
  list: string;
  key: string;
  ticket: string;
  detail: string | null;
}

/** What the ticket facts add up to per month and key (kept by triggers on `ticket_facts`). */
export interface TicketFactCountsTable {
  contract_id: string;
  month: number;
  key: string;
  n: number;
}

export interface Database {
  organisations: OrganisationsTable;
  contracts: ContractsTable;
  contract_versions: ContractVersionsTable;
  tickets: TicketsTable;
  ticket_event_chunks: TicketEventChunksTable;
  outages: OutagesTable;
  vendor_reports: VendorReportsTable;
  import_jobs: ImportJobsTable;
  audit_log: AuditLogTable;
  api_tokens: ApiTokensTable;
  breach_incidents: BreachIncidentsTable;
  insurance_certificates: InsuranceCertificatesTable;
  access_events: AccessEventsTable;
  contract_events: ContractEventsTable;
  exit_progress: ExitProgressTable;
  ticket_facts: TicketFactsTable;
  ticket_fact_counts: TicketFactCountsTable;
  ticket_fact_breaches: TicketFactBreachesTable;
  ticket_fact_pending: TicketFactPendingTable;
  ticket_fact_lists: TicketFactListsTable;
}

/**
 * Tables keyed without `contract_id`: installation-wide and small. Every other table must have
 * `contract_id` as its first primary-key column (the shared store suite checks this against
 * information_schema, so a new table that forgets it fails the tests).
 */
export const globalTables: readonly string[] = ['organisations', 'audit_log', 'api_tokens', 'kysely_migration', 'kysely_migration_lock'];
