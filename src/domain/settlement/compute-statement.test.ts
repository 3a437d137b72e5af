import { describe, expect, it } from 'vitest';
import { formatMoney, type Money } from '../money/index.js';
import { buildCreditNote } from './build-credit-note.js';
import { computeStatement } from './compute-statement.js';
import { statementToJson } from './invoice-to-json.js';
import { contractWith, example, invoiceOf, paymentOf } from './test-support/fixtures.js';

const plain = (m: Money): string => formatMoney(m, 'plain');
const northstar = example('northstar-tiered');

describe('computeStatement', () => {
  // Northstar: 1.5% per 1mo (18% a year), 5 grace days, half-up.
  const invoice = invoiceOf('INV-1', '2027-02-01', '2027-03-03', 100_000n);

  it('charges 1,000.00 overdue 31 interest days after 5 grace days at 18% a year: 15.29', () => {
    const statement = computeStatement(northstar, [invoice], [], '2027-04-08');
    const line = statement.lines[0]!;
    expect(line.interestFromOn).toBe('2027-03-09');
    expect(line.interestSlices).toEqual([{ fromOn: '2027-03-09', toOn: '2027-04-08', days: 31, unpaid: { minor: 100_000n, currency: 'USD' }, interest: '15.2876712329' }]);
    expect(plain(line.interest)).toBe('15.29');
    expect([line.status, line.daysOverdue]).toEqual(['overdue', 36]);
    expect(statement.lateInterest).toEqual({ rate: '1.5%', per: 'month', annualRate: '18%', graceDays: 5, basis: 'simple interest, actual/365' });
    expect(plain(statement.totals.due)).toBe('1015.29');
  });

  it('charges nothing during the grace days', () => {
    const line = computeStatement(northstar, [invoice], [], '2027-03-08').lines[0]!;
    expect([line.status, plain(line.interest), line.interestSlices.length]).toEqual(['overdue', '0.00', 0]);
  });

  it('accrues on each unpaid slice for the days it was unpaid: a partial payment reduces the balance from its date', () => {
    const line = computeStatement(northstar, [invoice], [paymentOf('P', '2027-03-20', 40_000n)], '2027-04-08').lines[0]!;
    // 1000.00 × 0.18 × 11 / 365 = 5.4246... (9 to 19 March) + 600.00 × 0.18 × 20 / 365 = 5.9178... (20 March to 8 April).
    expect(line.interestSlices.map((s) => [s.fromOn, s.toOn, s.days, plain(s.unpaid)])).toEqual([
      ['2027-03-09', '2027-03-19', 11, '1000.00'],
      ['2027-03-20', '2027-04-08', 20, '600.00'],
    ]);
    expect(plain(line.interest)).toBe('11.34');
    expect(plain(line.balance)).toBe('600.00');
  });

  it('keeps the interest of an invoice paid late in full, up to the day before payment', () => {
    const line = computeStatement(northstar, [invoice], [paymentOf('P', '2027-03-19', 100_000n)], '2027-04-30').lines[0]!;
    // 9 to 18 March: 10 days; 1000 × 0.18 × 10 / 365 = 4.9315...
    expect([line.status, plain(line.balance), plain(line.interest), line.daysOverdue]).toEqual(['paid', '0.00', '4.93', 0]);
  });

  it('bears no interest on what a credit note took off', () => {
    const note = buildCreditNote(invoice, [{ description: 'Overbilled', amount: { minor: 50_000n, currency: 'USD' } }], 'overbilled', { issueOn: '2027-04-01' });
    const line = computeStatement(northstar, [invoice, note], [], '2027-04-08').lines[0]!;
    expect(plain(line.credited)).toBe('500.00');
    expect(plain(line.interest)).toBe('7.64');
  });

  it('uses the contract rate, grace and rounding: bayline 10% per 12mo, no grace, half-even', () => {
    const bayline = example('bayline-per-incident');
    const line = computeStatement(bayline, [invoiceOf('B-1', '2027-04-30', '2027-06-14', 3_352_480n, 'bayline-helpdesk-2027')], [], '2027-07-14').lines[0]!;
    // 30 days from 15 June: 33,524.80 × 0.10 × 30 / 365 = 275.5463...
    expect([line.interestFromOn, plain(line.interest)]).toEqual(['2027-06-15', '275.55']);
  });

  it('says when the contract has no late interest, or asks for compound interest', () => {
    const none = contractWith(`pricing:\n  model: fixed\n  base: { monthly: "10.00" }\n`);
    const statement = computeStatement(none, [invoiceOf('X', '2027-02-01', '2027-03-03', 100n, 'test-contract')], [], '2027-06-01');
    expect([plain(statement.totals.interest), statement.notes]).toEqual(['0.00', ['The contract states no late interest: none is computed.']]);
    const draft = example('draft-with-gaps');
    expect(computeStatement(draft, [], [], '2027-06-01').notes[0]).toContain('compound interest');
  });

  it('leaves out invoices issued and payments received after the date, and shows statuses', () => {
    const later = invoiceOf('INV-2', '2027-03-01', '2027-03-31', 50_000n);
    const statement = computeStatement(northstar, [invoice, later], [paymentOf('P', '2027-03-05', 100_000n), paymentOf('Q', '2027-03-20', 70_000n)], '2027-03-10');
    expect(statement.lines.map((l) => [l.invoiceId, l.status, plain(l.balance)])).toEqual([['INV-1', 'paid', '0.00'], ['INV-2', 'issued', '500.00']]);
    expect(plain(statement.totals.paid)).toBe('1000.00');
  });

  it('nets account credit against what is due', () => {
    const statement = computeStatement(northstar, [invoice], [paymentOf('P', '2027-03-01', 120_000n)], '2027-03-10');
    expect([plain(statement.totals.due), plain(statement.totals.accountCredit), plain(statement.totals.netDue)]).toEqual(['0.00', '200.00', '-200.00']);
    expect((statementToJson(statement) as { totals: Record<string, string> }).totals['netDue']).toBe('-200.00');
  });
});
