/**
 * Money is an integer count of minor units plus an ISO 4217 currency: USD 1,234.50 is
 * `{ minor: 123450n, currency: 'USD' }`. `bigint`, not `number`, so a 40-digit total stays
 * exact (a number is exact only to 2^53, about 16 digits). Arithmetic never mixes
 * currencies: doing so throws MONEY_INVALID.
 */
import type { Decimal } from 'decimal.js';
import { SupportPactError } from '../errors/index.js';
import { assertCurrency, currencyScale } from './currency.js';
import { fromScaledInteger, toExact, type Exact } from './exact-decimal.js';
import { divideToUnits, type RoundingMode } from './rounding.js';

export interface Money {
  readonly minor: bigint;
  readonly currency: string;
}

/** `money(123450n, 'USD')` is USD 1,234.50; throws MONEY_INVALID on a malformed currency. */
export function money(minor: bigint, currency: string): Money {
  if (typeof minor !== 'bigint') throw new TypeError(`minor units must be a bigint, not ${typeof minor}`);
  assertCurrency(currency);
  return { minor, currency };
}

/** `zeroMoney('USD')` is USD 0.00. */
export function zeroMoney(currency: string): Money {
  return money(0n, currency);
}

/**
 * An exact decimal as money, rounded to the currency's scale with the named mode:
 * `toMoney(parseAmount('15.2876712'), 'USD', 'half-up')` is `{ minor: 1529n, currency: 'USD' }`.
 */
export function toMoney(value: Decimal, currency: string, rounding: RoundingMode): Money {
  return money(divideToUnits(value, 1n, currencyScale(currency), rounding), currency);
}

/** The exact decimal value: `moneyToDecimal(money(123450n, 'USD')).toFixed(2)` is `"1234.50"`. */
export function moneyToDecimal(amount: Money): Exact {
  return fromScaledInteger(amount.minor, currencyScale(amount.currency));
}

function assertSameCurrency(a: Money, b: Money, operation: string): void {
  if (a.currency === b.currency) return;
  const message = `cannot ${operation} ${a.currency} and ${b.currency}`;
  const hint = 'keep one currency per contract; convert amounts before combining them';
  throw new SupportPactError('MONEY_INVALID', `${message}: ${hint}`, { problems: [{ message, hint }] });
}

/** `addMoney(USD 1.25, USD 2.50)` is USD 3.75. */
export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b, 'add');
  return { minor: a.minor + b.minor, currency: a.currency };
}

/** `subtractMoney(USD 1.25, USD 2.50)` is USD -1.25. */
export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b, 'subtract');
  return { minor: a.minor - b.minor, currency: a.currency };
}

/** `negateMoney(USD 1.25)` is USD -1.25. */
export function negateMoney(a: Money): Money {
  return { minor: -a.minor, currency: a.currency };
}

/** -1, 0 or 1: `compareMoney(USD 1.00, USD 2.00)` is -1. */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency(a, b, 'compare');
  return a.minor < b.minor ? -1 : a.minor > b.minor ? 1 : 0;
}

/** The larger of two amounts: `maxMoney(USD 0.00, USD -3.00)` is USD 0.00. */
export function maxMoney(a: Money, b: Money): Money {
  return compareMoney(a, b) >= 0 ? a : b;
}

/** The smaller of two amounts: `minMoney(USD 5.00, USD 3.00)` is USD 3.00. */
export function minMoney(a: Money, b: Money): Money {
  return compareMoney(a, b) <= 0 ? a : b;
}

/** Sum of amounts in `currency` (zero for none): `sumMoney([USD 1.00, USD 2.00], 'USD')` is USD 3.00. */
export function sumMoney(amounts: readonly Money[], currency: string): Money {
  let total = zeroMoney(currency);
  for (const amount of amounts) total = addMoney(total, amount);
  return total;
}

/** `isZeroMoney(money(0n, 'USD'))` is true. */
export function isZeroMoney(a: Money): boolean {
  return a.minor === 0n;
}

/** `isNegativeMoney(money(-1n, 'USD'))` is true; zero is not negative. */
export function isNegativeMoney(a: Money): boolean {
  return a.minor < 0n;
}

/** Multiplies by an exact decimal and rounds once: `multiplyMoney(USD 60.00, 0.92, 'half-up')` is USD 55.20. */
export function multiplyMoney(a: Money, factor: Decimal, rounding: RoundingMode): Money {
  return toMoney(moneyToDecimal(a).times(toExact(factor)), a.currency, rounding);
}
