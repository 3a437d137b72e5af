import type { StoreSession } from '../../app/ports/index.js';
import { AccessEventRepository } from './access-event-repository.js';
import { AuditRepository } from './audit-repository.js';
import { BreachIncidentRepository } from './breach-incident-repository.js';
import { ContractEventRepository } from './contract-event-repository.js';
import { ExitProgressRepository } from './exit-progress-repository.js';
import { InsuranceCertificateRepository } from './insurance-certificate-repository.js';
import { ContractRepository } from './contract-repository.js';
import { ImportJobRepository } from './import-job-repository.js';
import { OrganisationRepository } from './organisation-repository.js';
import { OutageRepository } from './outage-repository.js';
import { SettlementRepository } from './settlement-repository.js';
import type { StoreContext } from './store-context.js';
import { TicketRepository } from './ticket-repository.js';
import { TicketFactsRepository } from './ticket-facts-repository.js';
import { TokenRepository } from './token-repository.js';
import { VendorReportRepository } from './vendor-report-repository.js';

/** The ports over one executor: the root database, or a transaction `transaction(fn)` opened. */
export function createStoreSession(ctx: StoreContext): StoreSession {
  return {
    organisations: new OrganisationRepository(ctx),
    contracts: new ContractRepository(ctx),
    tickets: new TicketRepository(ctx),
    outages: new OutageRepository(ctx),
    vendorReports: new VendorReportRepository(ctx),
    importJobs: new ImportJobRepository(ctx),
    audit: new AuditRepository(ctx),
    tokens: new TokenRepository(ctx),
    breachIncidents: new BreachIncidentRepository(ctx),
    insuranceCertificates: new InsuranceCertificateRepository(ctx),
    accessEvents: new AccessEventRepository(ctx),
    contractEvents: new ContractEventRepository(ctx),
    exitProgress: new ExitProgressRepository(ctx),
    settlement: new SettlementRepository(ctx),
    ticketFacts: new TicketFactsRepository(ctx),
    transaction: (fn) => ctx.withTransaction((inner) => fn(createStoreSession(inner))),
  };
}
