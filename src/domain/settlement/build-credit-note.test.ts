import { describe, expect, it } from 'vitest';
import { buildCreditNote } from './build-credit-note.js';
import { invoiceOf } from './test-support/fixtures.js';

const invoice = invoiceOf('INV-7', '2027-04-01', '2027-05-01', 2_115_000n);
const usd = (minor: bigint) => ({ minor, currency: 'USD' });

describe('buildCreditNote', () => {
  it('references the original invoice and takes the amounts off as negative lines', () => {
    const note = buildCreditNote(invoice, [{ description: '10 tickets billed twice', amount: usd(15_000n), correctsLineId: 'base', quantity: '10', unit: 'ticket', unitPrice: '15.00' }], 'duplicate tickets in the import', { issueOn: '2027-04-10' });
    expect(note).toMatchObject({ kind: 'credit-note', id: 'INV-7-CN1', originalInvoiceId: 'INV-7', issueOn: '2027-04-10', total: usd(-15_000n) });
    expect(note.lines[0]).toMatchObject({ kind: 'correction', amount: usd(-15_000n), clause: 'invoice INV-7 line base', notes: ['duplicate tickets in the import'] });
  });

  it('never credits more than the invoice charged, counting earlier credit notes', () => {
    expect(() => buildCreditNote(invoice, [{ description: 'x', amount: usd(1_000_000n) }], 'r', { issueOn: '2027-04-10', alreadyCredited: usd(1_200_000n) })).toThrow(/more than the invoice total/);
  });

  it('refuses drafts, empty reasons, unknown lines, other currencies and dates before the invoice', () => {
    const draft = { ...invoice, state: 'draft' as const };
    expect(() => buildCreditNote(draft, [{ description: 'x', amount: usd(1n) }], 'r', { issueOn: '2027-04-10' })).toThrow(/is a draft/);
    expect(() => buildCreditNote(invoice, [{ description: 'x', amount: usd(1n) }], ' ', { issueOn: '2027-04-10' })).toThrow(/reason is empty/);
    expect(() => buildCreditNote(invoice, [{ description: 'x', amount: usd(1n), correctsLineId: 'usage-9' }], 'r', { issueOn: '2027-04-10' })).toThrow(/no line usage-9/);
    expect(() => buildCreditNote(invoice, [{ description: 'x', amount: { minor: 1n, currency: 'EUR' } }], 'r', { issueOn: '2027-04-10' })).toThrow(/in EUR/);
    expect(() => buildCreditNote(invoice, [{ description: 'x', amount: usd(1n) }], 'r', { issueOn: '2027-03-31' })).toThrow(/on or after/);
  });
});
