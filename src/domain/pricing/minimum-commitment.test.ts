import { describe, expect, it } from 'vitest';
import { money } from '../money/index.js';
import { computeMinimumTrueUp } from './minimum-commitment.js';

const usd = (minor: bigint) => money(minor, 'USD');

describe('computeMinimumTrueUp', () => {
  it('tops a full month up to northstar\'s USD 9,000.00 minimum', () => {
    const result = computeMinimumTrueUp({ minimumMonthly: usd(900000n), charges: usd(750000n), month: '2027-03', rounding: 'half-up' });
    expect(result).toEqual({ daysOfService: 31, daysInMonth: 31, proratedMinimum: usd(900000n), charges: usd(750000n), trueUp: usd(150000n) });
  });

  it('gives zero when charges reach the minimum', () => {
    expect(computeMinimumTrueUp({ minimumMonthly: usd(900000n), charges: usd(1950000n), month: '2027-03', rounding: 'half-up' }).trueUp).toEqual(usd(0n));
    expect(computeMinimumTrueUp({ minimumMonthly: usd(900000n), charges: usd(900000n), month: '2027-03', rounding: 'half-up' }).trueUp).toEqual(usd(0n));
  });

  it('prorates a partial first month by days of service: 5 of 28 days is 1,607.14', () => {
    const result = computeMinimumTrueUp({ minimumMonthly: usd(900000n), charges: usd(150000n), month: '2027-02', serviceStart: '2027-02-24', rounding: 'half-up' });
    expect(result.daysOfService).toBe(5);
    expect(result.proratedMinimum).toEqual(usd(160714n));
    expect(result.trueUp).toEqual(usd(10714n));
  });

  it('prorates a partial last month, and a leap February has 29 days', () => {
    const result = computeMinimumTrueUp({ minimumMonthly: usd(900000n), charges: usd(0n), month: '2028-02', serviceStart: '2027-01-01', serviceEnd: '2028-02-10', rounding: 'half-even' });
    expect(result.daysInMonth).toBe(29);
    expect(result.daysOfService).toBe(10);
    expect(result.trueUp).toEqual(usd(310345n)); // 9000 × 10 / 29 = 3103.448...
  });

  it('owes nothing for a month outside the service', () => {
    expect(computeMinimumTrueUp({ minimumMonthly: usd(900000n), charges: usd(0n), month: '2027-01', serviceStart: '2027-02-24', rounding: 'half-up' }).trueUp).toEqual(usd(0n));
  });

  it('refuses mixed currencies', () => {
    expect(() => computeMinimumTrueUp({ minimumMonthly: usd(900000n), charges: money(1n, 'EUR'), month: '2027-03', rounding: 'half-up' })).toThrow('cannot subtract USD and EUR');
  });
});
