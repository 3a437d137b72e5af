import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money, parsePercent } from '../money/index.js';
import { annualRate, computeLateInterest, computeLateInterestMoney } from './late-interest.js';

const usd = (minor: bigint) => money(minor, 'USD');
const monthly = { amount: 1, unit: 'mo' } as const;

describe('annualRate', () => {
  it('turns 1.5% per 1mo into 18% a year and 10% per 12mo into 10%', () => {
    expect(annualRate('1.5%', monthly).toFixed()).toBe('0.18');
    expect(annualRate('10%', { amount: 12, unit: 'mo' }).toFixed()).toBe('0.1');
    expect(annualRate(parsePercent('10%'), { amount: 1, unit: 'y' }).toFixed()).toBe('0.1');
    expect(annualRate('5%', { amount: 2, unit: 'y' }).toFixed()).toBe('0.025');
    expect(annualRate('0.05%', { amount: 1, unit: 'd' }).toFixed()).toBe('0.1825');
  });

  it('refuses business-time periods and zero periods', () => {
    expect(() => annualRate('1%', { amount: 1, unit: 'bd' })).toThrow('interest cannot be quoted per 1bd');
    expect(() => annualRate('1%', { amount: 0, unit: 'mo' })).toThrow('not a whole number of 1 or more');
    expect(() => annualRate('-1%', monthly)).toThrow('is negative');
  });
});

describe('computeLateInterest', () => {
  it('computes 1,000.00 overdue 31 days at 18% a year as 15.2876712... unrounded', () => {
    const interest = computeLateInterest({ unpaid: usd(100000n), daysLate: 31, rate: '1.5%', per: monthly });
    expect(interest.toFixed(12)).toBe('15.287671232877');
    expect(interest.toFixed().startsWith('15.28767123287671232876712328767123')).toBe(true);
  });

  it('divides by 365 in a leap year too (actual/365)', () => {
    // 365 days at 10% a year is exactly 10% whatever the year.
    expect(computeLateInterest({ unpaid: usd(100000n), daysLate: 365, rate: '10%', per: { amount: 12, unit: 'mo' } }).toFixed()).toBe('100');
    expect(computeLateInterest({ unpaid: usd(100000n), daysLate: 366, rate: '10%', per: { amount: 12, unit: 'mo' } }).toFixed(6)).toBe('100.273973');
  });

  it('is zero for zero days, and refuses fractional days', () => {
    expect(computeLateInterest({ unpaid: usd(100000n), daysLate: 0, rate: '1.5%', per: monthly }).isZero()).toBe(true);
    expect(() => computeLateInterest({ unpaid: usd(100000n), daysLate: 1.5, rate: '1.5%', per: monthly })).toThrow('daysLate 1.5');
  });
});

describe('computeLateInterestMoney', () => {
  it('rounds 15.2876712... to USD 15.29 half-up and 15.28 down', () => {
    const input = { unpaid: usd(100000n), daysLate: 31, rate: '1.5%', per: monthly };
    expect(computeLateInterestMoney(input, 'half-up')).toEqual(usd(1529n));
    expect(computeLateInterestMoney(input, 'down')).toEqual(usd(1528n));
  });

  it('rounds the exact quotient, agreeing with the 200-digit decimal for every input', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.integer({ min: 0, max: 3650 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.constantFrom('mo', 'y', 'd'),
        fc.integer({ min: 1, max: 24 }),
        (minor, days, basisPoints, unit, amount) => {
          const input = { unpaid: usd(minor), daysLate: days, rate: `${basisPoints / 100}%`, per: { amount, unit } };
          const exact = computeLateInterest(input);
          const rounded = computeLateInterestMoney(input, 'down');
          // down: rounded <= exact < rounded + 0.01
          const cents = exact.times(100);
          expect(cents.greaterThanOrEqualTo(rounded.minor.toString())).toBe(true);
          expect(cents.lessThan((rounded.minor + 1n).toString())).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('computes bayline\'s 10% per 12mo on USD 33,524.80 for 45 days as USD 413.32', () => {
    // 33524.80 × 0.10 × 45 / 365 = 413.3195...
    expect(computeLateInterestMoney({ unpaid: usd(3352480n), daysLate: 45, rate: '10%', per: { amount: 12, unit: 'mo' } }, 'half-even')).toEqual(usd(41332n));
  });
});
