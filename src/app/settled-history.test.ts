import { describe, expect, it } from 'vitest';
import type { StoredInvoice } from './ports/index.js';
import { settledHistoryOf } from './settled-history.js';
import { issueInvoice, type Invoice } from '../domain/settlement/index.js';
import { scorecardFor, example, usd } from '../domain/settlement/test-support/fixtures.js';
import { northstarMarchInvoice } from '../domain/settlement/test-support/northstar.js';

function stored(invoice: Invoice, sequence: number, creditedScorecard?: StoredInvoice['creditedScorecard']): StoredInvoice {
  return { contractId: invoice.contractId, invoice: issueInvoice(invoice), sequence, documentJson: '{}', documentSha256: '0'.repeat(64), ...(creditedScorecard ? { creditedScorecard } : {}), issuedAt: 0, issuedBy: 'test' };
}

/** March's invoice carries February's credits (2,350.00 granted of fees 23,500.00). */
const march = northstarMarchInvoice();
const januaryCharges = usd('9000.00');
const january = { ...march, id: 'NS-2027-0001', serviceMonth: '2027-01', totals: { ...march.totals, charges: januaryCharges } } as Invoice;
const { adjustments: _none, ...withoutAdjustments } = january;

describe('settledHistoryOf', () => {
  it("takes each month's fees from its own invoice and its credits, bonuses and scorecard from the next invoice", () => {
    const february = scorecardFor(example('northstar-tiered'), '2027-02');
    const summary = { month: february.month, serviceLevels: february.serviceLevels, quality: february.quality, allServiceLevelsMet: february.allServiceLevelsMet };
    const history = settledHistoryOf([stored(withoutAdjustments as Invoice, 1), stored(march, 3, summary)], 'USD');
    expect(history.map((m) => m.month)).toEqual(['2027-01', '2027-02', '2027-03']);
    expect(history[0]).toEqual({ month: '2027-01', fees: januaryCharges, creditsGranted: usd('0.00'), bonusesGranted: usd('0.00') });
    // February has no invoice here (it was invoiced before SupportPact): March's adjustments still record it.
    expect(history[1]).toEqual({ month: '2027-02', fees: usd('23500.00'), creditsGranted: usd('2350.00'), bonusesGranted: usd('0.00'), scorecard: summary });
    expect(history[2]).toMatchObject({ month: '2027-03', fees: march.totals.charges, creditsGranted: usd('0.00') });
  });

  it('is empty without invoices', () => {
    expect(settledHistoryOf([], 'USD')).toEqual([]);
  });
});
