/**
 * Late interest: simple interest, actual/365, on an unpaid amount for a number of days
 * late. A contract rate is a rate per period (`1.5% per 1mo`); its annual rate is the
 * rate times the periods in a year: 12 months, 1 year, or 365 days (so `1.5% per 1mo`
 * is 18% and `10% per 12mo` is 10%). Actual/365 divides by 365 in leap years too.
 * Interest stays exact until it becomes money with a named rounding.
 */
import type { Decimal } from 'decimal.js';
import type { Duration } from '../time/duration.js';
import {
  currencyScale,
  divideToUnits,
  moneyToDecimal,
  parsePercent,
  toExact,
  type Exact,
  type Money,
  type RoundingMode,
} from '../money/index.js';
import { pricingError } from './check-band-pricing.js';

/** The period a rate is quoted per: `{ amount: 1, unit: 'mo' }`. */
export type RatePeriod = Pick<Duration, 'amount' | 'unit'>;

export interface LateInterestInput {
  readonly unpaid: Money;
  /** Days the amount was late (interest days), a whole number. */
  readonly daysLate: number;
  /** The contract rate per period: a fraction (0.015) or a percentage string ("1.5%"). */
  readonly rate: Decimal | string;
  readonly per: RatePeriod;
}

/** Periods per year as a fraction: 1mo is 12/1, 12mo is 12/12, 1y is 1/1, 30d is 365/30. */
function periodsPerYear(per: RatePeriod): { numerator: bigint; denominator: bigint } {
  const amount = per?.amount;
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 1) {
    throw pricingError([{ message: `interest period amount ${String(amount)} is not a whole number of 1 or more`, hint: 'write per: 1mo', path: ['per'] }]);
  }
  const n = BigInt(amount);
  switch (per.unit) {
    case 'mo':
      return { numerator: 12n, denominator: n };
    case 'y':
      return { numerator: 1n, denominator: n };
    case 'd':
      return { numerator: 365n, denominator: n };
    default:
      throw pricingError([{ message: `interest cannot be quoted per ${amount}${String(per.unit)}`, hint: 'use calendar days, months or years: per: 1mo, 12mo, 1y or 30d', path: ['per'] }]);
  }
}

function rateOf(rate: Decimal | string): Exact {
  const value = typeof rate === 'string' ? parsePercent(rate, { label: 'interest rate' }) : toExact(rate);
  if (value.isNegative() || !value.isFinite()) {
    throw pricingError([{ message: `interest rate ${value.toString()} is negative or not finite`, hint: 'write a rate such as "1.5%"', path: ['rate'] }]);
  }
  return value;
}

function checkDays(daysLate: number): bigint {
  if (!Number.isSafeInteger(daysLate) || daysLate < 0) {
    throw pricingError([{ message: `daysLate ${daysLate} is not a whole number of 0 or more`, hint: 'count whole calendar days', path: ['daysLate'] }]);
  }
  return BigInt(daysLate);
}

/**
 * The annual rate of a per-period rate: `annualRate('1.5%', { amount: 1, unit: 'mo' })` is
 * 0.18; `annualRate('10%', { amount: 12, unit: 'mo' })` is 0.1. Exact when the period
 * divides evenly into decimals (1, 2, 3, 4, 6, 12 months); otherwise to 200 digits.
 */
export function annualRate(rate: Decimal | string, per: RatePeriod): Exact {
  const { numerator, denominator } = periodsPerYear(per);
  return rateOf(rate).times(toExact(numerator)).dividedBy(toExact(denominator));
}

/**
 * Interest before rounding: 1,000.00 unpaid 31 days at `1.5% per 1mo` (18% a year) is
 * 1000 × 0.18 × 31 / 365 = 15.2876712328...; the quotient by 365 rarely terminates, so
 * this is cut at 200 significant digits (use `computeLateInterestMoney` for money).
 */
export function computeLateInterest(input: LateInterestInput): Exact {
  const { numerator, denominator } = periodsPerYear(input.per);
  const days = checkDays(input.daysLate);
  return moneyToDecimal(input.unpaid)
    .times(rateOf(input.rate))
    .times(toExact(numerator * days))
    .dividedBy(toExact(denominator * 365n));
}

/**
 * Interest as money, the exact quotient rounded once with the named mode:
 * 1,000.00 USD, 31 days, `1.5% per 1mo`, half-up is USD 15.29.
 */
export function computeLateInterestMoney(input: LateInterestInput, rounding: RoundingMode): Money {
  const { numerator, denominator } = periodsPerYear(input.per);
  const days = checkDays(input.daysLate);
  const product = moneyToDecimal(input.unpaid).times(rateOf(input.rate)).times(toExact(numerator * days));
  const minor = divideToUnits(product, denominator * 365n, currencyScale(input.unpaid.currency), rounding);
  return { minor, currency: input.unpaid.currency };
}
