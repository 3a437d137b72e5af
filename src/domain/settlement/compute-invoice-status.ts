/** An invoice's status on a day: a function of its state, what is left to pay, and the date. */
import type { Money } from '../money/index.js';
import type { LocalDate } from '../time/local-date.js';
import type { Invoice, InvoiceStatus } from './invoice-types.js';

/**
 * `draft` until issued; then `paid` once nothing is left to pay, `overdue` from the day after
 * the due date, else `issued`: an invoice due 2027-05-01 with 300.00 unpaid is `issued` on
 * 2027-05-01 and `overdue` on 2027-05-02.
 */
export function computeInvoiceStatus(invoice: Pick<Invoice, 'state' | 'dueOn'>, balance: Money, asOf: LocalDate): InvoiceStatus {
  if (invoice.state === 'draft') return 'draft';
  if (balance.minor <= 0n) return 'paid';
  return asOf > invoice.dueOn ? 'overdue' : 'issued';
}
