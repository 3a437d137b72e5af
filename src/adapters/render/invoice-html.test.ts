import { describe, expect, it } from 'vitest';
import { buildInvoice } from '../../domain/settlement/index.js';
import { contractWith, example, exampleVersion, scorecardFor } from '../../domain/settlement/test-support/fixtures.js';
import { northstarMarchInvoice } from '../../domain/settlement/test-support/northstar.js';
import { renderInvoiceHtml } from './invoice-html.js';

const northstar = example('northstar-tiered');

describe('renderInvoiceHtml', () => {
  const html = renderInvoiceHtml(northstarMarchInvoice(), northstar);

  it('is a self-contained page with parties, number, dates and payment instructions', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<(link|script|img)\b/);
    expect(html).toContain('Invoice acme-northstar-2027-2027-03');
    expect(html).toContain('Northstar Support LLC');
    expect(html).toContain('Acme Robotics, Inc.');
    expect(html).toContain('<dd>2027-05-01</dd>');
    expect(html).toContain('Pay USD 21,285.00 by 2027-05-01');
    expect(html).toContain('Methods: ACH, WIRE.');
    expect(html).toContain('1.5% per month (18% a year), simple interest, actual/365');
  });

  it('shows every line with its evidence, the credits with their caps, and the fingerprints', () => {
    expect(html).toContain('Resolved tickets 501–1,500');
    expect(html).toContain('tickets T-2231, T-2290, T-2417');
    expect(html).toContain('Credits and bonuses for February 2027');
    expect(html).toContain('-1,532.61');
    expect(html).toContain('Rolling 12 months (10%)</td><td>10% of USD 23,500.00, the fees of the 12 months to 2027-02 (only 2027-02 on record)');
    expect(html).toContain('superseded');
    expect(html).toContain(northstarMarchInvoice().contractVersion.sha256);
    expect(html).toMatch(/Input digest: <span class="fingerprint">sha256:[0-9a-f]{64}</);
  });

  it('escapes text from the contract', () => {
    const contract = contractWith(`pricing:
  model: fixed
  base: { monthly: "100.00", description: "<script>alert(1)</script> & co" }
  invoicing: { every: 1mo, issueOn: first-day, paymentTerms: 30d }
`);
    const page = renderInvoiceHtml(buildInvoice({ contract, contractVersion: exampleVersion('northstar-tiered'), serviceMonth: '2027-05', scorecard: scorecardFor(contract, '2027-05') }), contract);
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(page).toContain('The contract states no late-payment interest.');
  });
});
