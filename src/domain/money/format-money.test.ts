import { describe, expect, it } from 'vitest';
import { formatMoney } from './format-money.js';
import { money } from './money.js';

describe('formatMoney', () => {
  it('writes code, space and comma-grouped digits for people', () => {
    expect(formatMoney(money(123450n, 'USD'))).toBe('USD 1,234.50');
    expect(formatMoney(money(123456789n, 'USD'))).toBe('USD 1,234,567.89');
    expect(formatMoney(money(99n, 'USD'))).toBe('USD 0.99');
    expect(formatMoney(money(5n, 'USD'))).toBe('USD 0.05');
    expect(formatMoney(money(0n, 'USD'))).toBe('USD 0.00');
  });

  it('writes plain digits for files and APIs', () => {
    expect(formatMoney(money(123450n, 'USD'), 'plain')).toBe('1234.50');
    expect(formatMoney(money(-123450n, 'USD'), 'plain')).toBe('-1234.50');
  });

  it('puts the sign after the code', () => {
    expect(formatMoney(money(-123450n, 'USD'))).toBe('USD -1,234.50');
    expect(formatMoney(money(-5n, 'USD'))).toBe('USD -0.05');
  });

  it('follows the currency scale', () => {
    expect(formatMoney(money(1234567n, 'JPY'))).toBe('JPY 1,234,567');
    expect(formatMoney(money(1234n, 'KWD'))).toBe('KWD 1.234');
    expect(formatMoney(money(10n ** 40n, 'USD'), 'plain')).toBe('1' + '0'.repeat(38) + '.00');
  });
});
