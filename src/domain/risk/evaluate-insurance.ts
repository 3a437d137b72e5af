/**
 * Insurance findings on a day, from the certificates on file against `risk.insurance`:
 * a required type with no certificate, coverage below the minimum, a certificate expired
 * (a certificate is valid through its expiry date), expiring within 30 days, or expiring
 * before the term in force ends. Types match case-insensitively. When a type has several
 * current certificates the largest counts (a renewal overlapping the old policy is not
 * extra cover; a layered excess policy is therefore understated, never overstated).
 */
import type { Contract } from '../contract/schema/contract-schema.js';
import type { Problem } from '../errors/index.js';
import { checkLocalDate, lifecycleInputError } from '../lifecycle/lifecycle-input-error.js';
import { termPeriodOn } from '../lifecycle/term-periods.js';
import { compareMoney, formatMoney, parseMoney, type Money } from '../money/index.js';
import { addDays, type LocalDate } from '../time/local-date.js';

export interface InsuranceCertificate {
  readonly type: string;
  /** Coverage: Money, or a decimal string in the contract currency ("5000000.00"). */
  readonly amount: Money | string;
  readonly expiresOn: LocalDate;
  readonly insurer?: string;
}

export type InsuranceFindingKind = 'missing' | 'below-minimum' | 'expired' | 'expiring-soon' | 'expires-before-term-end';

export interface InsuranceFinding {
  readonly kind: InsuranceFindingKind;
  readonly severity: 'high' | 'medium' | 'low';
  readonly type: string;
  readonly message: string;
  /** `'risk.insurance[0].minimum'`. */
  readonly clause: string;
  readonly required?: Money;
  readonly coverage?: Money;
  readonly expiresOn?: LocalDate;
  /** Index of the certificate in the input list. */
  readonly certificate?: number;
}

/** Days ahead in which an expiry is a finding (DESIGN: "expiring within 30 days"). */
export const expiringSoonDays = 30;

function sameType(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Northstar on 2027-06-10 with only a cyber-liability certificate of USD 4,000,000.00
 * expiring 2027-06-30: `below-minimum` (needs 5,000,000.00), `expiring-soon` (20 days),
 * `expires-before-term-end` (term ends 2028-12-31), and `missing` for errors-and-omissions
 * and general-liability.
 */
export function evaluateInsurance(contract: Contract, certificates: readonly InsuranceCertificate[], asOf: LocalDate): InsuranceFinding[] {
  const problems: Problem[] = [];
  checkLocalDate(asOf, ['asOf'], problems);
  for (const [i, c] of certificates.entries()) checkLocalDate(c.expiresOn, ['certificates', i, 'expiresOn'], problems);
  if (problems.length > 0) throw lifecycleInputError(problems);
  const currency = contract.currency;
  const coverageOf = (c: InsuranceCertificate, i: number): Money =>
    typeof c.amount === 'string' ? parseMoney(c.amount, currency, { at: { path: ['certificates', i, 'amount'] } }) : c.amount;
  const period = contract.term ? termPeriodOn(contract.term, asOf) : undefined;
  const soonLimit = addDays(asOf, expiringSoonDays);
  const findings: InsuranceFinding[] = [];
  for (const [r, requirement] of (contract.risk?.insurance ?? []).entries()) {
    const type = requirement.type;
    const required = parseMoney(requirement.minimum, currency);
    const clause = `risk.insurance[${r}]`;
    const held = certificates.map((c, i) => ({ c, i })).filter(({ c }) => sameType(c.type, type));
    if (held.length === 0) {
      findings.push({ kind: 'missing', severity: 'high', type, message: `no ${type} certificate on file (the contract requires ${formatMoney(required)})`, clause, required });
      continue;
    }
    const current = held.filter(({ c }) => c.expiresOn >= asOf);
    if (current.length === 0) {
      const latest = held.reduce((a, b) => (b.c.expiresOn > a.c.expiresOn ? b : a));
      findings.push({ kind: 'expired', severity: 'high', type, message: `the ${type} certificate expired on ${latest.c.expiresOn}`, clause: `${clause}.certificateExpires`, expiresOn: latest.c.expiresOn, certificate: latest.i });
      continue;
    }
    const best = current.map(({ c, i }) => ({ c, i, coverage: coverageOf(c, i) })).reduce((a, b) => (compareMoney(b.coverage, a.coverage) > 0 ? b : a));
    if (compareMoney(best.coverage, required) < 0) {
      findings.push({ kind: 'below-minimum', severity: 'high', type, message: `${type} coverage ${formatMoney(best.coverage)} is below the contract minimum ${formatMoney(required)}`, clause: `${clause}.minimum`, required, coverage: best.coverage, certificate: best.i });
    }
    // The cover runs out when the last current certificate expires.
    const lastExpiry = current.reduce((a, b) => (b.c.expiresOn > a.c.expiresOn ? b : a));
    if (lastExpiry.c.expiresOn <= soonLimit) {
      findings.push({ kind: 'expiring-soon', severity: 'medium', type, message: `the ${type} certificate expires on ${lastExpiry.c.expiresOn}, within ${expiringSoonDays} days`, clause: `${clause}.certificateExpires`, expiresOn: lastExpiry.c.expiresOn, certificate: lastExpiry.i });
    }
    if (period && lastExpiry.c.expiresOn < period.endOn) {
      findings.push({ kind: 'expires-before-term-end', severity: 'low', type, message: `the ${type} certificate expires on ${lastExpiry.c.expiresOn}, before the term in force ends (${period.endOn}): ask for the renewal certificate`, clause: `${clause}.certificateExpires`, expiresOn: lastExpiry.c.expiresOn, certificate: lastExpiry.i });
    }
  }
  return findings;
}
