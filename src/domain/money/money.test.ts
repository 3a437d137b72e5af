import { describe, expect, it } from 'vitest';
import { parseAmount } from './parse-amount.js';
import {
  addMoney,
  compareMoney,
  isNegativeMoney,
  isZeroMoney,
  maxMoney,
  minMoney,
  money,
  moneyToDecimal,
  multiplyMoney,
  negateMoney,
  subtractMoney,
  sumMoney,
  toMoney,
  zeroMoney,
} from './money.js';

const usd = (minor: bigint) => money(minor, 'USD');

describe('money', () => {
  it('holds integer minor units and a currency', () => {
    expect(money(123450n, 'USD')).toEqual({ minor: 123450n, currency: 'USD' });
  });

  it('refuses a malformed currency or a non-bigint amount', () => {
    expect(() => money(1n, 'usd')).toThrow('ISO 4217');
    expect(() => money(1 as unknown as bigint, 'USD')).toThrow(TypeError);
  });
});

describe('toMoney', () => {
  it('rounds to the currency scale with the named mode', () => {
    expect(toMoney(parseAmount('15.2876712'), 'USD', 'half-up')).toEqual(usd(1529n));
    expect(toMoney(parseAmount('2.345'), 'USD', 'half-even')).toEqual(usd(234n));
    expect(toMoney(parseAmount('1234.5'), 'JPY', 'half-up')).toEqual(money(1235n, 'JPY'));
    expect(toMoney(parseAmount('1.2345'), 'KWD', 'down')).toEqual(money(1234n, 'KWD'));
  });

  it('keeps trailing zeros as minor units: 1.50 USD is 150 cents, not 15', () => {
    expect(toMoney(parseAmount('1.50'), 'USD', 'half-up')).toEqual(usd(150n));
    expect(toMoney(parseAmount('100'), 'USD', 'half-up')).toEqual(usd(10000n));
  });

  it('keeps 40-digit totals exact', () => {
    const big = toMoney(parseAmount('1234567890123456789012345678901234567890.12'), 'USD', 'half-up');
    expect(big.minor).toBe(123456789012345678901234567890123456789012n);
    expect(moneyToDecimal(big).toFixed(2)).toBe('1234567890123456789012345678901234567890.12');
  });
});

describe('addMoney', () => {
  it('adds amounts of one currency', () => {
    expect(addMoney(usd(125n), usd(250n))).toEqual(usd(375n));
  });

  it('refuses to mix currencies', () => {
    expect(() => addMoney(usd(1n), money(1n, 'EUR'))).toThrow('cannot add USD and EUR');
  });
});

describe('subtractMoney', () => {
  it('can go below zero', () => {
    expect(subtractMoney(usd(125n), usd(250n))).toEqual(usd(-125n));
    expect(() => subtractMoney(usd(1n), money(1n, 'JPY'))).toThrow('cannot subtract USD and JPY');
  });
});

describe('negateMoney', () => {
  it('flips the sign', () => {
    expect(negateMoney(usd(125n))).toEqual(usd(-125n));
  });
});

describe('compareMoney', () => {
  it('orders amounts and refuses mixed currencies', () => {
    expect(compareMoney(usd(100n), usd(200n))).toBe(-1);
    expect(compareMoney(usd(200n), usd(200n))).toBe(0);
    expect(compareMoney(usd(300n), usd(200n))).toBe(1);
    expect(() => compareMoney(usd(1n), money(1n, 'EUR'))).toThrow('cannot compare');
  });
});

describe('maxMoney', () => {
  it('picks the larger amount', () => {
    expect(maxMoney(usd(0n), usd(-300n))).toEqual(usd(0n));
  });
});

describe('minMoney', () => {
  it('picks the smaller amount', () => {
    expect(minMoney(usd(500n), usd(300n))).toEqual(usd(300n));
  });
});

describe('sumMoney', () => {
  it('sums a list, giving zero for none', () => {
    expect(sumMoney([usd(100n), usd(200n), usd(-50n)], 'USD')).toEqual(usd(250n));
    expect(sumMoney([], 'USD')).toEqual(zeroMoney('USD'));
    expect(() => sumMoney([money(1n, 'EUR')], 'USD')).toThrow('cannot add USD and EUR');
  });
});

describe('isZeroMoney', () => {
  it('is true only for zero', () => {
    expect(isZeroMoney(usd(0n))).toBe(true);
    expect(isZeroMoney(usd(-1n))).toBe(false);
  });
});

describe('isNegativeMoney', () => {
  it('is true below zero only', () => {
    expect(isNegativeMoney(usd(-1n))).toBe(true);
    expect(isNegativeMoney(usd(0n))).toBe(false);
  });
});

describe('multiplyMoney', () => {
  it('multiplies by an exact decimal and rounds once', () => {
    expect(multiplyMoney(usd(6000n), parseAmount('0.92'), 'half-up')).toEqual(usd(5520n));
    expect(multiplyMoney(usd(1n), parseAmount('0.5'), 'half-even')).toEqual(usd(0n));
    expect(multiplyMoney(usd(-1n), parseAmount('0.5'), 'half-up')).toEqual(usd(-1n));
  });
});
