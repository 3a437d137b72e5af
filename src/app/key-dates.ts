import type { Contract } from '../domain/contract/schema/contract-schema.js';
import { computeKeyDates, type CertificateExpiry, type IssuedInvoiceDates, type KeyDate } from '../domain/lifecycle/index.js';
import { evaluateBreachIncident, type BreachDeadlineKind, type BreachDeadlineStatus, type BreachIncident } from '../domain/risk/index.js';
import type { LocalDate } from '../domain/time/index.js';
import { contractBusinessDays } from './contract-business-days.js';

/** A deadline that is an instant (a breach notice due within hours), beside the whole-day key dates. */
export interface InstantDeadline {
  /** Last on-time instant, epoch seconds. */
  readonly at: number;
  /** Local date of `at` in the contract's zone. */
  readonly on: LocalDate;
  readonly kind: BreachDeadlineKind;
  /** `BR-1/vendor-to-client`: the same deadline keeps the same key on every run. */
  readonly key: string;
  readonly label: string;
  readonly reason: string;
  readonly clause: string;
  readonly status: BreachDeadlineStatus;
}

export interface ContractKeyDates {
  readonly contractId: string;
  readonly title: string;
  readonly zone: string;
  readonly from: LocalDate;
  readonly to: LocalDate;
  /** Whole-day dates from `computeKeyDates`, sorted. */
  readonly dates: readonly KeyDate[];
  /** Breach-notice deadlines of recorded incidents, sorted by instant. */
  readonly deadlines: readonly InstantDeadline[];
  /** What the dates rest on: the calendar used for unnamed business days, where certificate expiries came from. */
  readonly notes: readonly string[];
}

export interface KeyDatesInput {
  readonly contract: Contract;
  readonly from: LocalDate;
  readonly to: LocalDate;
  /** Certificates on file; when empty, the expiries written in the contract are used. */
  readonly certificates?: readonly CertificateExpiry[];
  /** Recorded breach incidents, for their notice deadlines. */
  readonly breachIncidents?: readonly BreachIncident[];
  /** Invoices actually issued: their dates replace the schedule for their month. */
  readonly invoices?: readonly IssuedInvoiceDates[];
  /** "Now" (epoch seconds) for the status of breach deadlines. */
  readonly now: number;
}

const deadlineLabels: Readonly<Record<BreachDeadlineKind, string>> = {
  'vendor-to-client': 'vendor notifies the client',
  individuals: 'notify affected California residents',
  'attorney-general': 'send the sample notice to the California Attorney General',
};

/**
 * Every key date of a contract between two days, business days counted on the contract's own
 * calendars, plus the breach-notice deadlines of recorded incidents. Northstar from 2028-10-01
 * to 2028-12-31 lists 2028-11-02, the last day to opt out of renewal 1.
 */
export function keyDates(input: KeyDatesInput): ContractKeyDates {
  const { contract } = input;
  const business = contractBusinessDays(contract);
  const certificates = input.certificates && input.certificates.length > 0 ? input.certificates : undefined;
  const invoices = input.invoices && input.invoices.length > 0 ? input.invoices : undefined;
  const dates = computeKeyDates(contract, { from: input.from, to: input.to, isBusinessDay: business.isBusinessDay, ...(certificates ? { certificates } : {}), ...(invoices ? { invoices } : {}) });
  const deadlines: InstantDeadline[] = [];
  for (const incident of input.breachIncidents ?? []) {
    const result = evaluateBreachIncident(contract, incident, input.now);
    for (const d of result.deadlines) {
      if (!d.required || d.dueAt === undefined || d.dueOn === undefined || d.dueOn < input.from || d.dueOn > input.to) continue;
      deadlines.push({ at: d.dueAt, on: d.dueOn, kind: d.kind, key: `${incident.id}/${d.kind}`, label: `Breach ${incident.id}: ${deadlineLabels[d.kind]}`, reason: d.rule, clause: d.clause, status: d.status });
    }
  }
  deadlines.sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : 1));
  const notes = [
    `business days are counted on each clause's own calendar; clauses naming none use ${business.unnamedCalendarBasis}`,
    certificates ? `insurance expiries are those of the ${certificates.length} certificate${certificates.length === 1 ? '' : 's'} on file` : 'insurance expiries are the dates written in the contract (no certificate is on file)',
  ];
  return { contractId: contract.id, title: contract.title, zone: contract.timezone, from: input.from, to: input.to, dates, deadlines, notes };
}
