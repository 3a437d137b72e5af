import { describe, expect, it } from 'vitest';
import { money } from '../money/index.js';
import { computeMonthsOfFees } from './months-of-fees.js';

const usd = (minor: bigint) => money(minor, 'USD');
const three = [usd(900000n), usd(950000n), usd(1000000n)];

describe('computeMonthsOfFees', () => {
  it('multiplies the average monthly fee: 1, 12 and 1.5 months of 9,000 / 9,500 / 10,000', () => {
    expect(computeMonthsOfFees(three, 1, 'USD', 'half-up')).toMatchObject({ amount: usd(950000n), monthlyAverage: usd(950000n), trailingMonths: 3 });
    expect(computeMonthsOfFees(three, 12, 'USD', 'half-up').amount).toEqual(usd(11400000n));
    expect(computeMonthsOfFees(three, 1.5, 'USD', 'half-up').amount).toEqual(usd(1425000n));
  });

  it('is exactly the sum when the trailing months equal the months counted', () => {
    const twelve = Array.from({ length: 12 }, (_, i) => usd(900001n + BigInt(i)));
    const sum = twelve.reduce((a, b) => a + b.minor, 0n);
    expect(computeMonthsOfFees(twelve, 12, 'USD', 'half-up').amount).toEqual(usd(sum));
  });

  it('rounds once with the named mode: 1 month of (100.00 + 100.01) / 2 = 100.005', () => {
    const fees = [usd(10000n), usd(10001n)];
    expect(computeMonthsOfFees(fees, 1, 'USD', 'half-up').amount).toEqual(usd(10001n));
    expect(computeMonthsOfFees(fees, 1, 'USD', 'half-even').amount).toEqual(usd(10000n));
  });

  it('says when a short history is extrapolated, and refuses none', () => {
    expect(computeMonthsOfFees(three, 12, 'USD', 'half-up').basis).toBe('12 × average monthly fee USD 9,500.00 over the last 3 months (fewer months than the clause counts: extrapolated from the average)');
    expect(() => computeMonthsOfFees([], 1, 'USD', 'half-up')).toThrow('no trailing monthly fees');
  });
});
