/**
 * Key dates of the pricing schedule: each invoice's issue and due date, per service period
 * from the term's first month to the last month of service. An invoice already issued
 * replaces the scheduled dates of its service month.
 */
import type { Pricing } from '../contract/schema/pricing.js';
import { addCalendarDuration, describeDuration } from '../time/duration.js';
import { addMonthsToMonth, monthOf, type LocalDate } from '../time/local-date.js';
import { computeInvoiceDates } from './invoice-dates.js';
import { keyDate, type KeyDate } from './key-date.js';
import type { IsBusinessDay } from './nth-business-day.js';

/** An invoice that was actually issued: its dates replace the schedule for `serviceMonth`. */
export interface IssuedInvoiceDates {
  readonly id: string;
  /** Last month of the service period it bills (`'2027-01'`). */
  readonly serviceMonth: string;
  readonly issuedOn: LocalDate;
  /** Defaults to issuedOn + paymentTerms. */
  readonly dueOn?: LocalDate;
}

export const assumedWeekdaysNote = 'no business-day calendar was given, so Monday to Friday was assumed (holidays not counted)';

/**
 * Northstar from 2027-01-01: service month 2027-01 is invoiced on Monday 2027-02-01 (the
 * first business day of February) and due 2027-03-03 (30 days later); with an issued
 * invoice `{ id: 'INV-7', serviceMonth: '2027-01', issuedOn: '2027-02-02' }` the dates are
 * 2027-02-02 and 2027-03-04 instead.
 */
export function computeBillingKeyDates(
  pricing: Pricing | undefined,
  serviceStartOn: LocalDate,
  serviceEndOn: LocalDate,
  isBusinessDay: IsBusinessDay | undefined,
  invoices: readonly IssuedInvoiceDates[] = [],
): KeyDate[] {
  const invoicing = pricing?.invoicing;
  if (!invoicing) return [];
  const dates: KeyDate[] = [];
  const every = invoicing.every.amount;
  const issued = new Map(invoices.map((inv) => [inv.serviceMonth, inv]));
  const lastMonth = monthOf(serviceEndOn);
  for (let first = monthOf(serviceStartOn); first <= lastMonth; first = addMonthsToMonth(first, every)) {
    const serviceMonth = addMonthsToMonth(first, every - 1) > lastMonth ? lastMonth : addMonthsToMonth(first, every - 1);
    const span = serviceMonth === first ? serviceMonth : `${first} to ${serviceMonth}`;
    const real = issued.get(serviceMonth);
    if (real) {
      const dueOn = real.dueOn ?? addCalendarDuration(real.issuedOn, invoicing.paymentTerms);
      dates.push(keyDate({ on: real.issuedOn, kind: 'invoice-issue', label: `Invoice ${real.id} issued for ${span}`, reason: 'as issued', clause: 'pricing.invoicing.issueOn' }));
      dates.push(keyDate({ on: dueOn, kind: 'invoice-due', label: `Invoice ${real.id} for ${span} due`, reason: real.dueOn ? 'as issued' : `${real.issuedOn} + ${invoicing.paymentTerms.text}`, clause: 'pricing.invoicing.paymentTerms' }));
      continue;
    }
    const d = computeInvoiceDates(invoicing, serviceMonth, isBusinessDay);
    const note = d.assumedWeekdays ? assumedWeekdaysNote : undefined;
    const issueReason = `${invoicing.issueOn} of the month after ${serviceMonth}${invoicing.calendar && invoicing.issueOn === 'first-business-day' ? ` (${invoicing.calendar} calendar)` : ''}`;
    dates.push(keyDate({ on: d.issueOn, kind: 'invoice-issue', label: `Invoice for ${span} issued`, reason: issueReason, clause: 'pricing.invoicing.issueOn' }, note));
    dates.push(keyDate({ on: d.dueOn, kind: 'invoice-due', label: `Invoice for ${span} due`, reason: `issued ${d.issueOn} + ${describeDuration(invoicing.paymentTerms)}`, clause: 'pricing.invoicing.paymentTerms' }));
  }
  return dates;
}
