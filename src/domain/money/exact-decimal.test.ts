import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { ExactDecimal, formatExact, fromScaledInteger, scaledIntegerOf, toExact } from './exact-decimal.js';

describe('ExactDecimal', () => {
  it('is a private clone: the global decimal.js precision stays untouched', () => {
    expect(Decimal.precision).toBe(20);
    expect(new ExactDecimal(1).dividedBy(3).toFixed().length).toBeGreaterThan(150);
    expect(new Decimal(1).dividedBy(3).toFixed().length).toBe(22);
  });

  it('multiplies two 90-digit amounts without losing a digit', () => {
    const a = toExact(10n ** 60n - 1n).plus(new ExactDecimal('0.' + '9'.repeat(30)));
    const product = a.times(a);
    expect(product.decimalPlaces()).toBe(60);
    expect(product.toFixed().replace('.', '').replace(/^0+/, '').length).toBe(180);
  });

  it('never prints an exponent', () => {
    expect(new ExactDecimal('1e-12').toString()).toBe('0.000000000001');
    expect(new ExactDecimal('1e40').toString()).toBe('1' + '0'.repeat(40));
  });
});

describe('toExact', () => {
  it('accepts bigints and safe integers, refuses floats', () => {
    expect(toExact(1200n).toFixed()).toBe('1200');
    expect(toExact(7).toFixed()).toBe('7');
    expect(() => toExact(0.1)).toThrow(RangeError);
  });
});

describe('formatExact', () => {
  it('pads to the requested decimals and never rounds', () => {
    expect(formatExact(toExact(19500n), 2)).toBe('19500.00');
    expect(formatExact(new ExactDecimal('1.2345'), 2)).toBe('1.2345');
    expect(formatExact(new ExactDecimal('-0'), 2)).toBe('0.00');
  });
});

describe('scaledIntegerOf', () => {
  it('splits a decimal into units and decimals, and fromScaledInteger joins them back', () => {
    expect(scaledIntegerOf(new ExactDecimal('-1.25'))).toEqual({ units: -125n, decimals: 2 });
    expect(fromScaledInteger(-125n, 2).toFixed()).toBe('-1.25');
    expect(fromScaledInteger(5n, 3).toFixed()).toBe('0.005');
    expect(fromScaledInteger(-5n, 3).toFixed()).toBe('-0.005');
  });
});
