import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, type Money } from '../money/index.js';
import { applyPayments } from './apply-payments.js';
import { buildCreditNote } from './build-credit-note.js';
import { invoiceOf, paymentOf } from './test-support/fixtures.js';

const plain = (m: Money): string => formatMoney(m, 'plain');

describe('applyPayments', () => {
  const a = invoiceOf('INV-A', '2027-02-01', '2027-03-03', 100_000n);
  const b = invoiceOf('INV-B', '2027-03-01', '2027-03-31', 50_000n);

  it('settles the oldest invoice first, partially when the money runs out, and keeps the rest as account credit', () => {
    const result = applyPayments([b, a], [paymentOf('P-1', '2027-03-10', 120_000n), paymentOf('P-2', '2027-03-20', 40_000n)]);
    expect(result.invoices.map((s) => [s.invoiceId, plain(s.paid), plain(s.balance), s.settledOn])).toEqual([
      ['INV-A', '1000.00', '0.00', '2027-03-10'],
      ['INV-B', '500.00', '0.00', '2027-03-20'],
    ]);
    expect(result.applications.map((x) => [x.invoiceId, x.sourceId, x.appliedOn, plain(x.amount)])).toEqual([
      ['INV-A', 'P-1', '2027-03-10', '1000.00'],
      ['INV-B', 'P-1', '2027-03-10', '200.00'],
      ['INV-B', 'P-2', '2027-03-20', '300.00'],
    ]);
    expect(plain(result.accountCredit)).toBe('100.00');
  });

  it('uses account credit on the next invoice the day it is issued', () => {
    const result = applyPayments([a, b], [paymentOf('P-1', '2027-02-15', 130_000n)]);
    const onB = result.invoices[1]!;
    expect(onB.applications).toEqual([{ invoiceId: 'INV-B', source: 'account-credit', sourceId: 'P-1', appliedOn: '2027-03-01', amount: { minor: 30_000n, currency: 'USD' } }]);
    expect(plain(onB.balance)).toBe('200.00');
  });

  it('orders invoices issued on the same day by id, and lets a payment that day settle them', () => {
    const x = invoiceOf('INV-2', '2027-03-01', '2027-03-31', 10_000n);
    const y = invoiceOf('INV-1', '2027-03-01', '2027-03-31', 10_000n);
    const result = applyPayments([x, y], [paymentOf('P', '2027-03-01', 15_000n)]);
    expect(result.invoices.map((s) => [s.invoiceId, plain(s.balance)])).toEqual([['INV-1', '0.00'], ['INV-2', '50.00']]);
  });

  it('treats an invoice whose credits exceed its charges as account credit', () => {
    const negative = invoiceOf('INV-N', '2027-02-01', '2027-03-03', -2_000n);
    const result = applyPayments([negative, b], []);
    expect(result.invoices.find((s) => s.invoiceId === 'INV-B')?.applications[0]).toMatchObject({ source: 'account-credit', sourceId: 'INV-N', amount: { minor: 2_000n } });
  });

  it('takes a credit note off its own invoice and keeps any excess as account credit', () => {
    const note = buildCreditNote(a, [{ description: 'Tickets billed twice', amount: { minor: 30_000n, currency: 'USD' } }], 'duplicate tickets', { issueOn: '2027-02-20' });
    const result = applyPayments([a, note], [paymentOf('P', '2027-02-25', 80_000n)]);
    expect(result.invoices[0]).toMatchObject({ credited: { minor: 30_000n }, paid: { minor: 70_000n }, balance: { minor: 0n } });
    expect(plain(result.accountCredit)).toBe('100.00');
  });

  it('ignores drafts and refuses malformed payments, naming each', () => {
    const draft = { ...b, state: 'draft' as const };
    expect(applyPayments([a, draft], []).invoices.map((s) => s.invoiceId)).toEqual(['INV-A']);
    expect(() => applyPayments([a], [paymentOf('P', '2027-03-01', 0n)])).toThrow(/not positive/);
    expect(() => applyPayments([a], [paymentOf('P', '2027-03-01', 1n), paymentOf('P', '2027-03-02', 1n)])).toThrow(/listed twice/);
    expect(() => applyPayments([a], [paymentOf('P', '2027-03-01', 1n, 'EUR')])).toThrow(/in EUR/);
  });

  it('never leaves an older invoice unpaid while a newer one has been paid, and loses no money', () => {
    const arbitraryInvoice = fc.record({ day: fc.integer({ min: 0, max: 120 }), minor: fc.bigInt({ min: -5_000n, max: 200_000n }) });
    const arbitraryPayment = fc.record({ day: fc.integer({ min: 0, max: 150 }), minor: fc.bigInt({ min: 1n, max: 150_000n }) });
    const dateOf = (day: number): string => new Date(Date.UTC(2027, 0, 1 + day)).toISOString().slice(0, 10);
    fc.assert(
      fc.property(fc.array(arbitraryInvoice, { minLength: 1, maxLength: 8 }), fc.array(arbitraryPayment, { maxLength: 8 }), (invoiceSpecs, paymentSpecs) => {
        const invoices = invoiceSpecs.map((s, i) => invoiceOf(`INV-${String(i).padStart(2, '0')}`, dateOf(s.day), dateOf(s.day + 30), s.minor));
        const payments = paymentSpecs.map((s, i) => paymentOf(`P-${i}`, dateOf(s.day), s.minor));
        const result = applyPayments(invoices, payments);
        const settled = result.invoices;
        for (let newer = 0; newer < settled.length; newer++) {
          if (settled[newer]!.paid.minor === 0n) continue;
          for (let older = 0; older < newer; older++) expect(settled[older]!.balance.minor).toBe(0n);
        }
        const received = payments.reduce((s, p) => s + p.amount.minor, 0n) + invoices.reduce((s, inv) => s + (inv.totals.total.minor < 0n ? -inv.totals.total.minor : 0n), 0n);
        const used = settled.reduce((s, x) => s + x.paid.minor, 0n);
        expect(used + result.accountCredit.minor).toBe(received);
        for (const s of settled) expect(s.balance.minor).toBeGreaterThanOrEqual(0n);
      }),
      { numRuns: 400 },
    );
  });
});
