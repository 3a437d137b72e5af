import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysInMonth, formatLocalDate } from '../time/local-date.js';
import { money } from './money.js';
import { daysOfServiceInMonth, prorate } from './prorate.js';
import { roundingModes } from './rounding.js';

const usd = (minor: bigint) => money(minor, 'USD');

describe('prorate', () => {
  it('prices 5 of 28 days of a USD 9,000.00 month as 1,607.14 half-up (1607.142857...)', () => {
    expect(prorate(usd(900000n), 5, 28, 'half-up')).toEqual(usd(160714n));
    expect(prorate(usd(900000n), 5, 28, 'up')).toEqual(usd(160715n));
  });

  it('names its rounding: a half cent goes each way by mode', () => {
    // 1.00 × 1/8 = 0.125
    expect(prorate(usd(100n), 1, 8, 'half-up')).toEqual(usd(13n));
    expect(prorate(usd(100n), 1, 8, 'half-even')).toEqual(usd(12n));
    expect(prorate(usd(100n), 1, 8, 'down')).toEqual(usd(12n));
    expect(prorate(usd(-100n), 1, 8, 'half-up')).toEqual(usd(-13n));
  });

  it('gives the whole amount for a full period and zero for no days', () => {
    expect(prorate(usd(900001n), 31, 31, 'down')).toEqual(usd(900001n));
    expect(prorate(usd(900001n), 0, 31, 'up')).toEqual(usd(0n));
  });

  it('rejects days outside 0..daysInPeriod and fractional days', () => {
    expect(() => prorate(usd(1n), 32, 31, 'half-up')).toThrow('daysOfService 32 is more than the 31 days');
    expect(() => prorate(usd(1n), 1.5, 31, 'half-up')).toThrow('not a whole number');
    expect(() => prorate(usd(1n), 1, 0, 'half-up')).toThrow('daysInPeriod 0');
  });

  it('sums to the full month when partial first and last months cover it, for every month length', () => {
    // A service covering the whole month prorates to the whole amount; split at day k (one
    // service ends on day k, the next starts on k + 1), the two rounded parts miss the whole
    // by at most one minor unit.
    fc.assert(
      fc.property(
        fc.integer({ min: 1999, max: 2101 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 31 }),
        fc.bigInt({ min: 0n, max: 10n ** 20n }),
        fc.constantFrom(...roundingModes),
        (year, month, splitDay, minor, mode) => {
          const length = daysInMonth(year, month);
          const k = Math.min(splitDay, length);
          const first = prorate(usd(minor), k, length, mode);
          const rest = prorate(usd(minor), length - k, length, mode);
          const m = `${year}-${String(month).padStart(2, '0')}`;
          const covered = daysOfServiceInMonth(m, `${year - 1}-06-15`, `${year + 1}-06-15`);
          expect(covered).toBe(length);
          expect(prorate(usd(minor), covered, length, mode).minor).toBe(minor);
          // Each prorated part is within one minor unit of its exact share, so the two differ from the whole by at most 1.
          const gap = first.minor + rest.minor - minor;
          expect(gap >= -1n && gap <= 1n).toBe(true);
          const lastDay = formatLocalDate(year, month, length);
          const split = formatLocalDate(year, month, Math.max(1, k));
          if (k >= 1) {
            expect(daysOfServiceInMonth(m, undefined, split)).toBe(k);
            expect(daysOfServiceInMonth(m, addDays(split, 1))).toBe(length - k);
          }
          expect(daysOfServiceInMonth(m, undefined, lastDay)).toBe(length);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('daysOfServiceInMonth', () => {
  it('counts both ends: service from 2027-02-24 is 5 of February 2027\'s 28 days', () => {
    expect(daysOfServiceInMonth('2027-02', '2027-02-24')).toBe(5);
    expect(daysOfServiceInMonth('2027-02', '2027-02-24', '2027-02-28')).toBe(5);
    expect(daysOfServiceInMonth('2027-02', '2027-02-24', '2027-02-24')).toBe(1);
  });

  it('counts a last month up to the end date', () => {
    expect(daysOfServiceInMonth('2028-12', '2027-01-01', '2028-12-10')).toBe(10);
  });

  it('knows every month length, leap Februaries and the century rules', () => {
    const lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    lengths.forEach((length, i) => {
      expect(daysOfServiceInMonth(`2027-${String(i + 1).padStart(2, '0')}`)).toBe(length);
    });
    expect(daysOfServiceInMonth('2028-02')).toBe(29);
    expect(daysOfServiceInMonth('2100-02')).toBe(28);
    expect(daysOfServiceInMonth('2000-02')).toBe(29);
    expect(daysOfServiceInMonth('2028-02', '2028-02-24')).toBe(6);
    expect(daysOfServiceInMonth('2100-02', '2100-02-24')).toBe(5);
  });

  it('gives 0 for a month wholly before or after the service', () => {
    expect(daysOfServiceInMonth('2027-01', '2027-02-24')).toBe(0);
    expect(daysOfServiceInMonth('2029-01', '2027-01-01', '2028-12-31')).toBe(0);
  });

  it('rejects a malformed month, an impossible date and an end before the start', () => {
    expect(() => daysOfServiceInMonth('2027-13')).toThrow('month "2027-13" is not YYYY-MM');
    expect(() => daysOfServiceInMonth('2027-02', '2027-02-30')).toThrow('serviceStart "2027-02-30" is not an existing');
    expect(() => daysOfServiceInMonth('2027-02', '2027-02-20', '2027-02-10')).toThrow('before it starts');
  });

  it('agrees with counting the days one by one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 30 }), (a, len, monthOffset) => {
        const start = addDays('2027-11-15', a);
        const end = addDays(start, len);
        const month = addDays('2027-11-01', monthOffset * 31).slice(0, 7);
        let count = 0;
        for (let d = start; d <= end; d = addDays(d, 1)) if (d.startsWith(month)) count++;
        expect(daysOfServiceInMonth(month, start, end)).toBe(count);
      }),
      { numRuns: 300 },
    );
  });
});
