/**
 * Every date the contract creates between two days: the term and its renewals, opt-out and
 * convenience-notice deadlines, invoices, vendor reports, audit windows, insurance
 * certificate expiries and data-access reviews; sorted, each with its clause and reason.
 */
import type { Problem } from '../errors/index.js';
import type { Contract } from '../contract/schema/contract-schema.js';
import type { LocalDate } from '../time/local-date.js';
import { computeBillingKeyDates, type IssuedInvoiceDates } from './compute-billing-key-dates.js';
import { computeReportingKeyDates } from './compute-reporting-key-dates.js';
import { computeRiskKeyDates, type CertificateExpiry } from './compute-risk-key-dates.js';
import { computeTermKeyDates } from './compute-term-key-dates.js';
import { evaluateOptOutNotice } from './evaluate-opt-out-notice.js';
import { compareKeyDates, type KeyDate, type KeyDateKind } from './key-date.js';
import { checkLocalDate, checkMonth, lifecycleInputError } from './lifecycle-input-error.js';
import type { IsBusinessDay } from './nth-business-day.js';
import { computeTermPeriods } from './term-periods.js';

export interface KeyDateOptions {
  /** First day to list (inclusive). */
  readonly from: LocalDate;
  /** Last day to list (inclusive); renewals are rolled forward until then. */
  readonly to: LocalDate;
  /**
   * Whether a date is a business day of the named calendar (for `first-business-day`
   * invoices, `bd` report and audit periods). Without it Monday–Friday is assumed and every
   * date that relied on it carries a note saying so.
   */
  readonly isBusinessDay?: IsBusinessDay;
  /** Invoices actually issued: their dates replace the schedule for their service month. */
  readonly invoices?: readonly IssuedInvoiceDates[];
  /** Reporting months (`YYYY-MM`) to list report due dates for, instead of every month of service. */
  readonly reportMonths?: readonly string[];
  /** Insurance certificates on file, instead of the contract's `certificateExpires`. */
  readonly certificates?: readonly CertificateExpiry[];
  /** Day a notice of non-renewal was given: the renewals it stops are not listed. */
  readonly optOutGivenOn?: LocalDate;
  /** Only these kinds (all when absent). */
  readonly kinds?: readonly KeyDateKind[];
}

function checkOptions(options: KeyDateOptions): void {
  const problems: Problem[] = [];
  checkLocalDate(options.from, ['from'], problems);
  checkLocalDate(options.to, ['to'], problems);
  if (problems.length === 0 && options.from > options.to) problems.push({ message: `from ${options.from} is after to ${options.to}`, path: ['from'], hint: 'swap them' });
  if (options.optOutGivenOn !== undefined) checkLocalDate(options.optOutGivenOn, ['optOutGivenOn'], problems);
  for (const [i, inv] of (options.invoices ?? []).entries()) {
    checkMonth(inv.serviceMonth, ['invoices', i, 'serviceMonth'], problems);
    checkLocalDate(inv.issuedOn, ['invoices', i, 'issuedOn'], problems);
    if (inv.dueOn !== undefined) checkLocalDate(inv.dueOn, ['invoices', i, 'dueOn'], problems);
  }
  for (const [i, m] of (options.reportMonths ?? []).entries()) checkMonth(m, ['reportMonths', i], problems);
  for (const [i, c] of (options.certificates ?? []).entries()) checkLocalDate(c.expiresOn, ['certificates', i, 'expiresOn'], problems);
  if (problems.length > 0) throw lifecycleInputError(problems, 'USAGE');
}

/**
 * Northstar from 2028-10-01 to 2028-12-31 gives, among others: 2028-10-03 last day for the
 * client's 90-day convenience notice, 2028-11-02 last day to opt out of renewal 1
 * (`{ kind: 'opt-out-deadline', clause: 'term.renewal.optOutNotice', reason: '(2028-12-31 + 1 day) - 60d' }`),
 * invoice, report and review dates, and 2028-12-31 the initial term's end.
 */
export function computeKeyDates(contract: Contract, options: KeyDateOptions): KeyDate[] {
  checkOptions(options);
  const dates: KeyDate[] = [];
  const term = contract.term;
  if (term) {
    const lastPeriodIndex = options.optOutGivenOn !== undefined ? evaluateOptOutNotice(term, options.optOutGivenOn).lastPeriod.index : undefined;
    const periods = computeTermPeriods(term, options.to, lastPeriodIndex);
    const serviceEndOn = periods[periods.length - 1]!.endOn;
    dates.push(...computeTermKeyDates(term, periods));
    dates.push(...computeBillingKeyDates(contract.pricing, term.start, serviceEndOn, options.isBusinessDay, options.invoices));
    dates.push(...computeReportingKeyDates(contract.sla, term.start, serviceEndOn, options.isBusinessDay, options.reportMonths));
    dates.push(...computeRiskKeyDates(contract, { startOn: term.start, endOn: serviceEndOn }, options.certificates));
  } else {
    dates.push(...computeRiskKeyDates(contract, undefined, options.certificates));
  }
  const kinds = options.kinds ? new Set(options.kinds) : undefined;
  return dates.filter((d) => d.on >= options.from && d.on <= options.to && (!kinds || kinds.has(d.kind))).sort(compareKeyDates);
}
