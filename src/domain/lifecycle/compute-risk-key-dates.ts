/**
 * Key dates of the risk clauses: each insurance certificate's expiry, and each data-access
 * review, due every `reviewEvery` from the term's start while service lasts.
 */
import type { Contract } from '../contract/schema/contract-schema.js';
import { describeDuration, monthsOf } from '../time/duration.js';
import { addDays, addMonths, type LocalDate } from '../time/local-date.js';
import { keyDate, type KeyDate } from './key-date.js';

/** A certificate on file, for its expiry date. */
export interface CertificateExpiry {
  /** The certificate's id on file (`CERT-2`); dates name it, else its position. */
  readonly id?: string;
  readonly type: string;
  readonly expiresOn: LocalDate;
  readonly insurer?: string;
}

/**
 * Northstar gives certificate expiries 2027-06-30 (cyber-liability, errors-and-omissions)
 * and 2027-09-30 (general-liability) from the contract, and reviews every 3 months from
 * 2027-01-01: 2027-04-01, 2027-07-01, ... Pass `certificates` to use the ones on file instead;
 * without a service span (no term) only the expiries are given.
 */
export function computeRiskKeyDates(contract: Contract, service: { readonly startOn: LocalDate; readonly endOn: LocalDate } | undefined, certificates?: readonly CertificateExpiry[]): KeyDate[] {
  const dates: KeyDate[] = [];
  if (certificates) {
    for (const [i, c] of certificates.entries()) {
      const required = (contract.risk?.insurance ?? []).findIndex((r) => r.type.trim().toLowerCase() === c.type.trim().toLowerCase());
      dates.push(
        keyDate({
          on: c.expiresOn,
          kind: 'insurance-certificate-expires',
          label: `${c.type} insurance certificate${c.insurer ? ` (${c.insurer})` : ''} expires`,
          reason: `certificate ${c.id ?? i + 1} on file`,
          clause: required >= 0 ? `risk.insurance[${required}]` : 'risk.insurance',
        }),
      );
    }
  } else {
    for (const [i, r] of (contract.risk?.insurance ?? []).entries()) {
      if (r.certificateExpires === undefined) continue;
      dates.push(keyDate({ on: r.certificateExpires, kind: 'insurance-certificate-expires', label: `${r.type} insurance certificate expires`, reason: 'certificateExpires in the contract', clause: `risk.insurance[${i}].certificateExpires` }));
    }
  }
  const every = contract.scope?.dataAccess?.reviewEvery;
  // Reviews count from the term's start: without a term there are none.
  if (every && service) {
    const { startOn: serviceStartOn, endOn: serviceEndOn } = service;
    const months = monthsOf(every);
    for (let k = 1; ; k += 1) {
      // Each review counted from the start (not the previous review), so the 31st does not drift.
      const on = months !== undefined ? addMonths(serviceStartOn, k * months) : addDays(serviceStartOn, k * every.amount);
      if (on > serviceEndOn || every.amount === 0) break;
      dates.push(keyDate({ on, kind: 'data-access-review', label: `Data-access review ${k} due`, reason: `every ${describeDuration(every)} from ${serviceStartOn}`, clause: 'scope.dataAccess.reviewEvery' }));
    }
  }
  return dates;
}
