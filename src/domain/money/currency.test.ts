import { describe, expect, it } from 'vitest';
import { assertCurrency, currencyScale, isCurrencyCode } from './currency.js';

describe('currencyScale', () => {
  it('knows currencies whose minor unit is not 2', () => {
    expect(currencyScale('JPY')).toBe(0);
    expect(currencyScale('KWD')).toBe(3);
    expect(currencyScale('CLF')).toBe(4);
  });

  it('gives 2 to USD and to any well-formed code the table does not list', () => {
    expect(currencyScale('USD')).toBe(2);
    expect(currencyScale('EUR')).toBe(2);
    expect(currencyScale('XYZ')).toBe(2);
  });

  it('rejects a malformed code with the fix', () => {
    expect(() => currencyScale('usd')).toThrow('currency "usd" is not an ISO 4217 code: write three capital letters');
    expect(() => currencyScale('US')).toThrow(/MONEY_INVALID|ISO 4217/);
  });
});

describe('isCurrencyCode', () => {
  it('accepts exactly three capital letters', () => {
    expect(isCurrencyCode('USD')).toBe(true);
    expect(isCurrencyCode('USDX')).toBe(false);
    expect(isCurrencyCode(840)).toBe(false);
  });
});

describe('assertCurrency', () => {
  it('places the problem at the given path', () => {
    try {
      assertCurrency('dollars', ['currency']);
      expect.unreachable();
    } catch (error) {
      expect((error as { problems: { path: unknown }[] }).problems[0]?.path).toEqual(['currency']);
    }
  });
});
