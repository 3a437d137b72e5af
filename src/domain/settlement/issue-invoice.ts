/**
 * Issuing freezes an invoice: from then on it is never edited, and a correction is a credit
 * note that references it (`buildCreditNote`). To issue on another day than the schedule's,
 * build the invoice with `issueOn` (the date is one of its inputs, inside its digest).
 */
import { SupportPactError } from '../errors/index.js';
import type { Invoice } from './invoice-types.js';

/** A draft as issued: `issueInvoice(draft).state` is `'issued'`; issuing an issued invoice throws CONFLICT. */
export function issueInvoice(invoice: Invoice): Invoice {
  if (invoice.state !== 'draft') {
    const message = `invoice ${invoice.id} was already issued on ${invoice.issueOn}`;
    throw new SupportPactError('CONFLICT', message, { problems: [{ message, path: ['state'], hint: 'correct an issued invoice with a credit note' }] });
  }
  return { ...invoice, state: 'issued' };
}
