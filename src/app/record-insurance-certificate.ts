import type { StoreSession, StoredInsuranceCertificate } from './ports/index.js';
import type { Problem } from '../domain/errors/index.js';
import { SupportPactError } from '../domain/errors/index.js';
import { formatMoney, parseMoney } from '../domain/money/index.js';
import { isLocalDate, type LocalDate } from '../domain/time/index.js';
import { loadStoredContract } from './load-stored-contract.js';

export interface RecordInsuranceCertificateRequest {
  readonly contractId: string;
  readonly type: string;
  /** Coverage as a decimal in the contract's currency: `"5000000.00"`. */
  readonly amount: string;
  readonly expiresOn: LocalDate;
  readonly insurer?: string;
  readonly now: number;
  readonly actor: string;
}

export interface RecordedInsuranceCertificate {
  readonly certificate: StoredInsuranceCertificate;
  /** False when the same certificate was already on file. */
  readonly created: boolean;
  /** Whether the contract requires this type (`risk.insurance`); another type is kept, but no rule reads it. */
  readonly requiredType: boolean;
}

const sameType = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Files an insurance certificate for a contract (`CERT-1`, `CERT-2`, ...) and appends an audit
 * entry: cyber-liability USD 5,000,000.00 to 2027-06-30 for Northstar. The amount is checked
 * against the contract's currency (`"5000000.005"` in USD is refused). Filing the same
 * certificate again changes nothing.
 */
export async function recordInsuranceCertificate(store: StoreSession, request: RecordInsuranceCertificateRequest): Promise<RecordedInsuranceCertificate> {
  const { loaded } = await loadStoredContract(store, request.contractId);
  const contract = loaded.contract;
  const problems: Problem[] = [];
  if (request.type.trim() === '') problems.push({ message: 'the insurance type is empty', path: ['type'], hint: 'name it as the contract does, e.g. cyber-liability' });
  if (!isLocalDate(request.expiresOn)) problems.push({ message: `expiry ${JSON.stringify(request.expiresOn)} is not a date`, path: ['expiresOn'], expected: 'YYYY-MM-DD' });
  if (problems.length > 0) throw new SupportPactError('USAGE', problems[0]!.message, { problems });
  const amount = formatMoney(parseMoney(request.amount, contract.currency, { at: { path: ['amount'] }, label: 'coverage' }), 'plain');
  const requiredType = (contract.risk?.insurance ?? []).some((r) => sameType(r.type, request.type));
  const facts = { type: request.type.trim(), amount, currency: contract.currency, expiresOn: request.expiresOn, ...(request.insurer ? { insurer: request.insurer } : {}) };
  return store.transaction(async (session) => {
    const existing = await session.insuranceCertificates.listInsuranceCertificates(request.contractId);
    const same = existing.find((c) => c.type === facts.type && c.amount === facts.amount && c.expiresOn === facts.expiresOn && c.insurer === facts.insurer);
    if (same) return { certificate: same, created: false, requiredType };
    const taken = new Set(existing.map((c) => c.id));
    let n = existing.length + 1;
    while (taken.has(`CERT-${n}`)) n++;
    const certificate: StoredInsuranceCertificate = { id: `CERT-${n}`, ...facts, recordedAt: request.now };
    await session.insuranceCertificates.addInsuranceCertificate(request.contractId, certificate);
    await session.audit.appendAudit({
      contractId: request.contractId,
      at: request.now,
      actor: request.actor,
      action: 'insurance.certificate-recorded',
      subject: `insurance:${request.contractId}/${certificate.id}`,
      payload: { type: facts.type, amount, currency: contract.currency, expiresOn: facts.expiresOn, insurer: facts.insurer ?? null },
    });
    return { certificate, created: true, requiredType };
  });
}
