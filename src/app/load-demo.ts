import type { StoreSession, StoredTicketHeader } from './ports/index.js';
import { addContractVersion } from './add-contract-version.js';
import { recordBreachIncident } from './record-breach-incident.js';
import { recordInsuranceCertificate } from './record-insurance-certificate.js';
import { issueInvoiceForMonth } from './issue-invoice-for-month.js';
import { recordPayment } from './record-payment.js';
import { latestMaterializer, refreshFactsAfterWrite } from './ticket-facts-materializer.js';
import { addDays } from '../domain/time/index.js';
import { formatMoney, type Money } from '../domain/money/index.js';
import type { AccessEvent, BreachIncident, InsuranceCertificate } from '../domain/risk/index.js';
import type { Outage, TicketEvent, VendorReportDelivery } from '../domain/tickets/index.js';

/** Demo data as plain values (the generator in `src/adapters/demo` produces it). */
export interface DemoLoad {
  readonly contractText: string;
  readonly contractFile: string;
  readonly tickets: readonly { readonly header: StoredTicketHeader; readonly events: readonly TicketEvent[] }[];
  readonly outages: readonly Outage[];
  readonly vendorReports: readonly VendorReportDelivery[];
  readonly breachIncidents: readonly BreachIncident[];
  readonly insuranceCertificates: readonly InsuranceCertificate[];
  readonly accessEvents: readonly AccessEvent[];
  /** When the demo says it is "now" (epoch seconds). */
  readonly now: number;
  /** Service months to invoice as part of the demo, each paid this many days after its due date (0: on time). */
  readonly invoices?: readonly { readonly month: string; readonly paidDaysAfterDue: number }[];
}

export interface DemoLoaded {
  readonly contractId: string;
  /** False when the contract already had tickets: the demo is loaded once. */
  readonly loaded: boolean;
  readonly tickets: number;
  readonly events: number;
}

function amountText(amount: Money | string): string {
  return typeof amount === 'string' ? amount : formatMoney(amount, 'plain');
}

/**
 * Loads the demo into an empty store through the same use cases a user would run: the
 * contract, its tickets, outages, vendor reports, a breach incident, insurance certificates,
 * data-access events, and the invoices it asks for with their payments. Loading twice
 * changes nothing.
 */
export async function loadDemo(store: StoreSession, demo: DemoLoad, context: { actor: string }): Promise<DemoLoaded> {
  const added = await addContractVersion(store, { text: demo.contractText, file: demo.contractFile, now: demo.now, actor: context.actor });
  const contractId = added.contractId;
  if ((await store.tickets.countTickets(contractId)).tickets > 0) return { contractId, loaded: false, tickets: 0, events: 0 };
  let events = 0;
  const chunk = 2_000;
  const materializer = await latestMaterializer(store, contractId);
  for (let i = 0; i < demo.tickets.length; i += chunk) {
    const part = demo.tickets.slice(i, i + chunk);
    const partEvents = part.flatMap((t) => t.events);
    const headers = part.map((t) => t.header);
    events += partEvents.length;
    const written = await store.tickets.writeTickets(contractId, headers, partEvents);
    await refreshFactsAfterWrite(store, contractId, materializer, { headers, events: partEvents, ...written });
  }
  await store.outages.writeOutages(contractId, demo.outages);
  await store.vendorReports.writeVendorReports(contractId, demo.vendorReports);
  for (const incident of demo.breachIncidents) {
    const { id, ...facts } = incident;
    await recordBreachIncident(store, { contractId, id, facts, now: demo.now, actor: context.actor });
  }
  for (const certificate of demo.insuranceCertificates) {
    await recordInsuranceCertificate(store, { contractId, type: certificate.type, amount: amountText(certificate.amount), expiresOn: certificate.expiresOn, ...(certificate.insurer ? { insurer: certificate.insurer } : {}), now: demo.now, actor: context.actor });
  }
  for (const { month, paidDaysAfterDue } of demo.invoices ?? []) {
    const { stored } = await issueInvoiceForMonth(store, { contractId, month, now: demo.now, actor: context.actor });
    const paidOn = addDays(stored.invoice.dueOn, paidDaysAfterDue);
    await recordPayment(store, { contractId, amount: formatMoney(stored.invoice.totals.total, 'plain'), receivedOn: paidOn, reference: stored.invoice.id, method: 'ach', now: demo.now, actor: context.actor });
  }
  await store.accessEvents.writeAccessEvents(contractId, demo.accessEvents.map((event, index) => ({ ...event, id: `demo-access-${String(index + 1).padStart(5, '0')}` })));
  await store.audit.appendAudit({ contractId, at: demo.now, actor: context.actor, action: 'demo.loaded', subject: contractId, payload: { tickets: demo.tickets.length, events, outages: demo.outages.length, vendorReports: demo.vendorReports.length, accessEvents: demo.accessEvents.length } });
  return { contractId, loaded: true, tickets: demo.tickets.length, events };
}
