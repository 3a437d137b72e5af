import { describe, expect, it } from 'vitest';
import { buildCreditNote, invoiceToJson, issueInvoice } from '../../domain/settlement/index.js';
import { usd } from '../../domain/settlement/test-support/fixtures.js';
import { northstarMarchInvoice } from '../../domain/settlement/test-support/northstar.js';
import { creditNoteOfJson, invoiceOfJson } from './settlement-documents.js';

describe('invoiceOfJson', () => {
  it('reads an invoice back from its JSON with every amount as Money again, and writes the same bytes', () => {
    const invoice = issueInvoice(northstarMarchInvoice());
    const text = JSON.stringify(invoiceToJson(invoice));
    const read = invoiceOfJson(text);
    expect(read).toEqual(invoice);
    // February's credits were capped: the caps' limits and cuts are Money too.
    expect(read.adjustments?.credits.caps.map((c) => c.cutBy)).toEqual(invoice.adjustments?.credits.caps.map((c) => c.cutBy));
    expect(read.totals.credits).toEqual({ minor: -235000n, currency: 'USD' });
    expect(JSON.stringify(invoiceToJson(read))).toBe(text);
  });

  it('refuses a document that is not an invoice', () => {
    expect(() => invoiceOfJson('{"kind":"credit-note"}')).toThrow(/changed outside SupportPact/);
    expect(() => invoiceOfJson('[]')).toThrow(/not a JSON object/);
  });
});

describe('creditNoteOfJson', () => {
  it('reads a credit note back with its negative lines and total as Money', () => {
    const note = buildCreditNote(issueInvoice(northstarMarchInvoice()), [{ description: 'Ten tickets billed twice', amount: usd('150.00'), correctsLineId: 'usage-2' }], 'double count', { issueOn: '2027-04-10' });
    const text = JSON.stringify(invoiceToJson(note));
    expect(creditNoteOfJson(text)).toEqual(note);
    expect(creditNoteOfJson(text).total).toEqual({ minor: -15000n, currency: 'USD' });
    expect(() => creditNoteOfJson(JSON.stringify(invoiceToJson(issueInvoice(northstarMarchInvoice()))))).toThrow(/its kind is invoice/);
  });
});
