/**
 * When an invoice is issued and due. Invoices are issued in the month after the service
 * period (its first day, first business day or last day, per `issueOn`) and fall due
 * `paymentTerms` calendar days after issue (Lago's issuing date + net payment term).
 */
import type { Pricing } from '../contract/schema/pricing.js';
import { addCalendarDuration } from '../time/duration.js';
import { addMonthsToMonth, monthBounds, type LocalDate } from '../time/local-date.js';
import { firstBusinessDayFrom, isMondayToFriday, type IsBusinessDay } from './nth-business-day.js';

export type Invoicing = NonNullable<Pricing['invoicing']>;

export interface InvoiceDates {
  /** Last month of the service period (`'2027-01'`). */
  readonly serviceMonth: string;
  readonly issueOn: LocalDate;
  readonly dueOn: LocalDate;
  /** Set when a business day had to be judged without a calendar (Monday–Friday was assumed). */
  readonly assumedWeekdays?: true;
}

/**
 * Northstar (first business day of the next month on the `business` calendar, 30d terms):
 * `computeInvoiceDates(invoicing, '2027-04', isBusinessDay)` issues on Monday 2027-05-03
 * (1 May is a Saturday) and is due 2027-06-02. `first-day` would issue 2027-05-01 and
 * `last-day` 2027-05-31. Without `isBusinessDay`, Monday–Friday is assumed and said so.
 */
export function computeInvoiceDates(invoicing: Invoicing, serviceMonth: string, isBusinessDay?: IsBusinessDay): InvoiceDates {
  const [firstOfNext, lastOfNext] = monthBounds(addMonthsToMonth(serviceMonth, 1));
  let issueOn: LocalDate;
  let assumed = false;
  switch (invoicing.issueOn) {
    case 'first-day':
      issueOn = firstOfNext;
      break;
    case 'last-day':
      issueOn = lastOfNext;
      break;
    case 'first-business-day':
      assumed = isBusinessDay === undefined;
      issueOn = firstBusinessDayFrom(firstOfNext, isBusinessDay ?? isMondayToFriday, invoicing.calendar);
      break;
  }
  const dueOn = addCalendarDuration(issueOn, invoicing.paymentTerms);
  return { serviceMonth, issueOn, dueOn, ...(assumed ? { assumedWeekdays: true as const } : {}) };
}
