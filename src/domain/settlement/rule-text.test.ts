import { describe, expect, it } from 'vitest';
import { compareShare, formatCount, formatSeconds } from './rule-text.js';

describe('compareShare', () => {
  it('compares the exact share, not its rounded percent', () => {
    // 2 of 3 is 66.67% shown, 66.666...% exactly: below 66.67%.
    expect(compareShare({ numerator: 2, denominator: 3, percent: '66.67%' }, '0.6667')).toBe(-1);
    expect(compareShare({ numerator: 999, denominator: 1000, percent: '99.90%' }, '0.999')).toBe(0);
  });
});

describe('formatSeconds', () => {
  it('writes hours, minutes and seconds', () => {
    expect([formatSeconds(0), formatSeconds(90), formatSeconds(3725), formatSeconds(360_000)]).toEqual(['0s', '1m 30s', '1h 02m 05s', '100h 00m 00s']);
  });
});

describe('formatCount', () => {
  it('groups thousands', () => {
    expect([formatCount(7), formatCount(1200), formatCount(1234567)]).toEqual(['7', '1,200', '1,234,567']);
  });
});
