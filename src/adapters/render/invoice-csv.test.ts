import { describe, expect, it } from 'vitest';
import { buildCreditNote, issueInvoice } from '../../domain/settlement/index.js';
import { northstarMarchInvoice } from '../../domain/settlement/test-support/northstar.js';
import { renderInvoiceCsv } from './invoice-csv.js';

describe('renderInvoiceCsv', () => {
  const csv = renderInvoiceCsv(northstarMarchInvoice());
  const rows = csv.split('\r\n').filter((r) => r !== '');

  it('writes a header and one row per line, in a stable column order, with plain decimal amounts', () => {
    expect(rows[0]).toBe('document_id,kind,line_id,line_kind,description,quantity,unit,unit_price,amount,currency,clause,evidence,notes');
    expect(rows).toHaveLength(1 + northstarMarchInvoice().lines.length);
    expect(rows[1]).toBe('acme-northstar-2027-2027-03,invoice,base,base,"Platform, reporting and account management",1,month,4000.00,4000.00,USD,pricing.base.monthly,,');
    expect(rows.find((r) => r.includes(',credit-7,'))).toContain(',15%,of 2027-02 fees,23500.00,-1532.61,USD,sla.credits[7],OUT-2027-02-03 OUT-2027-02-17,');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('is byte-identical for the same invoice', () => {
    expect(renderInvoiceCsv(northstarMarchInvoice())).toBe(csv);
  });

  it('quotes quotes and keeps formulas from running, but never touches a negative amount', () => {
    const invoice = issueInvoice(northstarMarchInvoice());
    const note = buildCreditNote(invoice, [{ description: '=HYPERLINK("x") "quoted"', amount: { minor: 1000n, currency: 'USD' } }], 'test', { issueOn: '2027-04-02' });
    const line = renderInvoiceCsv(note).split('\r\n')[1]!;
    expect(line).toContain(`"'=HYPERLINK(""x"") ""quoted"""`);
    expect(line).toContain(',-10.00,USD,');
  });
});
