import { describe, expect, it } from 'vitest';
import { example } from '../../domain/settlement/test-support/fixtures.js';
import { northstarMarchInvoice } from '../../domain/settlement/test-support/northstar.js';
import { renderInvoiceText } from './invoice-text.js';

describe('renderInvoiceText', () => {
  const text = renderInvoiceText(northstarMarchInvoice(), example('northstar-tiered'));

  it('lists the lines in aligned columns and the totals', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('INVOICE acme-northstar-2027-2027-03 (draft)');
    const base = lines.find((l) => l.includes('Platform, reporting'))!;
    const usage = lines.find((l) => l.includes('Resolved tickets 501'))!;
    expect(base.length).toBe(usage.length);
    expect(base.endsWith('4,000.00')).toBe(true);
    expect(text).toMatch(/TOTAL USD\s+21,285\.00/);
  });

  it('shows a prorated month as days of service over days in the month', () => {
    const invoice = northstarMarchInvoice();
    const base = invoice.lines.find((l) => l.description.includes('Platform, reporting'))!;
    const prorated = { ...invoice, lines: invoice.lines.map((l) => (l === base ? { ...l, quantity: '22', unit: 'days of 31', amount: { ...l.amount, minor: 283_871n } } : l)) };
    const row = renderInvoiceText(prorated, example('northstar-tiered')).split('\n').find((l) => l.includes('Platform, reporting'))!;
    expect(row).toMatch(/ 22\/31 +4000\.00 +2,838\.71$/);
  });

  it('explains the credits and ends with the fingerprints', () => {
    expect(text).toContain('Credits and bonuses for February 2027 (percent of fees USD 23,500.00):');
    expect(text).toContain('- sla.credits[7] Availability of phone-line below 99.0%');
    expect(text).toMatch(/Input digest: sha256:[0-9a-f]{64}\n$/);
  });
});
