import { describe, expect, it } from 'vitest';
import { parseMoney } from './parse-money.js';

describe('parseMoney', () => {
  it('reads an amount in the currency scale', () => {
    expect(parseMoney('1234.50', 'USD')).toEqual({ minor: 123450n, currency: 'USD' });
    expect(parseMoney('1234', 'JPY')).toEqual({ minor: 1234n, currency: 'JPY' });
    expect(parseMoney('1.234', 'KWD')).toEqual({ minor: 1234n, currency: 'KWD' });
  });

  it('rejects more decimals than the currency has, unless the caller names a rounding', () => {
    expect(() => parseMoney('18.005', 'USD')).toThrow('amount "18.005" has 3 decimals, more than the 2 allowed (USD has 2 decimals): round it yourself, for example to "18.00"');
    expect(() => parseMoney('5.5', 'JPY')).toThrow('more than the 0 allowed (JPY has 0 decimals): round it yourself, for example to "5"');
    expect(parseMoney('18.005', 'USD', { excessDecimals: 'half-up' })).toEqual({ minor: 1801n, currency: 'USD' });
    expect(parseMoney('18.005', 'USD', { excessDecimals: 'half-even' })).toEqual({ minor: 1800n, currency: 'USD' });
  });

  it('reads negatives only when allowed', () => {
    expect(() => parseMoney('-5.00', 'USD')).toThrow('is negative');
    expect(parseMoney('-5.00', 'USD', { sign: 'any' })).toEqual({ minor: -500n, currency: 'USD' });
  });

  it('keeps a 40-digit amount exact', () => {
    expect(parseMoney('1234567890123456789012345678901234567890.99', 'USD').minor).toBe(123456789012345678901234567890123456789099n);
  });
});
