import { describe, expect, it } from 'vitest';
import { computeStatement } from '../../domain/settlement/index.js';
import { example, invoiceOf, paymentOf } from '../../domain/settlement/test-support/fixtures.js';
import { renderStatementText } from './invoice-statement-text.js';
import { renderStatementHtml } from './invoice-statement-html.js';

const statement = computeStatement(
  example('northstar-tiered'),
  [invoiceOf('INV-1', '2027-02-01', '2027-03-03', 100_000n), invoiceOf('INV-2', '2027-03-01', '2027-03-31', 2_128_500n)],
  [paymentOf('P-1', '2027-03-20', 40_000n)],
  '2027-04-08',
);

describe('renderStatementText', () => {
  it('says "1 day" for a one-day interest slice', () => {
    const oneDay = computeStatement(example('northstar-tiered'), [invoiceOf('INV-1', '2027-02-01', '2027-03-03', 100_000n)], [], '2027-03-09');
    expect(renderStatementText(oneDay)).toContain('interest 2027-03-09 to 2027-03-09: 1 day on 1,000.00');
    expect(renderStatementHtml(oneDay)).toContain('2027-03-09 to 2027-03-09: 1 day on 1,000.00');
  });

  it('shows each invoice with its status, days late and interest slices, then the totals', () => {
    const text = renderStatementText(statement);
    expect(text.split('\n')[0]).toBe('STATEMENT acme-northstar-2027 as of 2027-04-08 (USD)');
    expect(text).toMatch(/INV-1\s+2027-02 2027-03-03\s+1,000\.00\s+400\.00\s+600\.00 overdue\s+36\s+11\.34/);
    expect(text).toContain('interest 2027-03-20 to 2027-04-08: 20 days on 600.00');
    expect(text).toMatch(/Late interest\s+\d/);
    expect(text).toContain('1.5% per month (18% a year), simple interest, actual/365');
  });
});

describe('renderStatementHtml', () => {
  it('is a self-contained page with a row per invoice and the amount due', () => {
    const html = renderStatementHtml(statement);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<span class="badge overdue">overdue</span>');
    expect(html).toContain('<tr class="slices"><td colspan="11">Interest 2027-03-09 to 2027-03-19: 11 days on 1,000.00; 2027-03-20 to 2027-04-08: 20 days on 600.00<');
    // 600.00 + 21,285.00 + interest 11.34 + 31.49 (3 days on 21,285.00 from 6 April).
    expect(html).toContain('Due (USD)</td><td class="num">21,927.83<');
  });
});
