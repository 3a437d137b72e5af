import type { StoreSession, StoredInsuranceCertificate } from './ports/index.js';
import type { InsuranceRequirement } from '../domain/contract/schema/risk.js';
import { evaluateInsurance, type InsuranceFinding } from '../domain/risk/index.js';
import type { LocalDate } from '../domain/time/index.js';
import { loadStoredContract } from './load-stored-contract.js';

export interface InsuranceReview {
  readonly contractId: string;
  readonly asOf: LocalDate;
  readonly currency: string;
  readonly requirements: readonly InsuranceRequirement[];
  readonly certificates: readonly StoredInsuranceCertificate[];
  /** Missing types, coverage below the minimum, expired, expiring within 30 days, expiring before the term ends. */
  readonly findings: readonly InsuranceFinding[];
}

/**
 * The certificates on file for a contract against its `risk.insurance` on a day. A
 * certificate's `certificate` index in a finding points into `certificates`.
 */
export async function insuranceFindings(store: StoreSession, contractId: string, asOf: LocalDate): Promise<InsuranceReview> {
  const { loaded } = await loadStoredContract(store, contractId, { on: asOf });
  const contract = loaded.contract;
  const certificates = await store.insuranceCertificates.listInsuranceCertificates(contractId);
  // Amounts were checked in the contract's currency when filed.
  const findings = evaluateInsurance(contract, certificates.map((c) => ({ type: c.type, amount: c.amount, expiresOn: c.expiresOn, ...(c.insurer ? { insurer: c.insurer } : {}) })), asOf);
  return { contractId, asOf, currency: contract.currency, requirements: contract.risk?.insurance ?? [], certificates, findings };
}
