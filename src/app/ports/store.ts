import type { AuditLog } from './audit-log.js';
import type { AccessEventStore, BreachIncidentStore, ContractEventStore, ExitProgressStore, InsuranceCertificateStore } from './lifecycle-risk-stores.js';
import type { ContractStore } from './contract-store.js';
import type { ImportJobStore } from './import-job-store.js';
import type { OrganisationStore } from './organisation-store.js';
import type { OutageStore } from './outage-store.js';
import type { SettlementStore } from './settlement-store.js';
import type { TicketStore } from './ticket-store.js';
import type { TicketFactsStore } from './ticket-facts-store.js';
import type { TokenStore } from './token-store.js';
import type { VendorReportStore } from './vendor-report-store.js';

/**
 * Everything a use case may read or write. Inside `transaction(fn)`, `fn` receives a session
 * bound to that transaction: use only the session there (the outer store throws, because on
 * the embedded database it would wait for the transaction forever). A nested `transaction`
 * on a session is a savepoint: its failure undoes only its own writes.
 */
export interface StoreSession {
  readonly organisations: OrganisationStore;
  readonly contracts: ContractStore;
  readonly tickets: TicketStore;
  readonly outages: OutageStore;
  readonly vendorReports: VendorReportStore;
  readonly importJobs: ImportJobStore;
  readonly audit: AuditLog;
  /** API tokens: installation-wide, not per contract. */
  readonly tokens: TokenStore;
  /** Lifecycle and risk registers, per contract: data-breach incidents, insurance certificates, data-access events, termination-ground events, exit progress. */
  readonly breachIncidents: BreachIncidentStore;
  readonly insuranceCertificates: InsuranceCertificateStore;
  readonly accessEvents: AccessEventStore;
  readonly contractEvents: ContractEventStore;
  readonly exitProgress: ExitProgressStore;
  /** Issued invoices, credit notes and payments, per contract; issued documents are never edited. */
  readonly settlement: SettlementStore;
  /** Materialised per-ticket facts for fast monthly scorecards (a read model of the events). */
  readonly ticketFacts: TicketFactsStore;
  /** Commits when `fn` resolves, rolls back and rethrows when it rejects. */
  transaction<T>(fn: (session: StoreSession) => Promise<T>): Promise<T>;
}

export type StoreBackend = 'pglite' | 'postgres';

export interface Store extends StoreSession {
  readonly backend: StoreBackend;
  /** For messages: `"embedded database in /home/a/.supportpact"`, `"PostgreSQL at db:5432/sp (schema public)"`. */
  readonly location: string;
  /** Closes the database and releases the folder lock; call it once the work is done. Idempotent. */
  close(): Promise<void>;
}
