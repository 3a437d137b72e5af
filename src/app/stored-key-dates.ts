import type { StoreSession } from './ports/index.js';
import type { LocalDate } from '../domain/time/index.js';
import { keyDates, type ContractKeyDates } from './key-dates.js';
import { loadStoredContract } from './load-stored-contract.js';

/**
 * The key dates of a stored contract (its latest version), with the insurance certificates,
 * breach incidents and issued invoices recorded for it (an issued invoice's own dates replace
 * the schedule for its month): `storedKeyDates(store, 'acme-northstar-2027', { from: '2028-10-01', to: '2028-12-31', now })`.
 */
export async function storedKeyDates(store: StoreSession, contractId: string, range: { from: LocalDate; to: LocalDate; now: number }): Promise<ContractKeyDates & { contractVersion: number }> {
  const { loaded, version } = await loadStoredContract(store, contractId);
  const [certificates, breachIncidents, invoices] = await Promise.all([
    store.insuranceCertificates.listInsuranceCertificates(contractId),
    store.breachIncidents.listBreachIncidents(contractId),
    store.settlement.listInvoices(contractId),
  ]);
  const result = keyDates({
    contract: loaded.contract,
    from: range.from,
    to: range.to,
    now: range.now,
    certificates: certificates.map((c) => ({ id: c.id, type: c.type, expiresOn: c.expiresOn, ...(c.insurer ? { insurer: c.insurer } : {}) })),
    breachIncidents,
    invoices: invoices.map(({ invoice }) => ({ id: invoice.id, serviceMonth: invoice.serviceMonth, issuedOn: invoice.issueOn, dueOn: invoice.dueOn })),
  });
  return { ...result, contractVersion: version.version };
}
