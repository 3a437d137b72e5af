/**
 * "N months of fees": the average monthly fee over the trailing months the caller passes,
 * times N, rounded once with the contract's rounding. With 12 trailing months and N = 12
 * it is exactly their sum; a shorter history (early in the term) is extrapolated from its
 * average, and fractional months (1.5) work.
 */
import { divideToUnits, ExactDecimal, formatMoney, money, sumMoney, toExact, type Money, type RoundingMode } from '../money/index.js';
import { lifecycleInputError } from './lifecycle-input-error.js';

export interface MonthsOfFees {
  readonly amount: Money;
  /** Average monthly fee, rounded for display (the amount is computed from the exact average). */
  readonly monthlyAverage: Money;
  readonly trailingMonths: number;
  /** The computation in words: `'1 × average monthly fee USD 9,000.00 over the last 3 months'`. */
  readonly basis: string;
}

/**
 * `computeMonthsOfFees([USD 9,000.00, USD 9,500.00, USD 10,000.00], 1, 'USD', 'half-up')` is
 * USD 9,500.00 (1 × the average); with months 12 it is USD 114,000.00; with months 1.5,
 * USD 14,250.00. An empty list throws IMPORT_INVALID (there is nothing to average).
 */
export function computeMonthsOfFees(trailingMonthlyFees: readonly Money[], months: number, currency: string, rounding: RoundingMode): MonthsOfFees {
  if (trailingMonthlyFees.length === 0) {
    throw lifecycleInputError([{ message: 'no trailing monthly fees to average', path: ['trailingMonthlyFees'], hint: 'pass the fees of the last months (most recent last), e.g. the last 12 invoices before credits' }]);
  }
  if (!Number.isFinite(months) || months <= 0) {
    throw lifecycleInputError([{ message: `months ${months} is not a positive number`, path: ['months'] }], 'USAGE');
  }
  const total = sumMoney(trailingMonthlyFees, currency);
  const count = trailingMonthlyFees.length;
  // Exact: total × months / count, rounded once (12 × 3 months of 9,000 + 9,500 + 10,000 = 114,000.00).
  const minor = divideToUnits(toExact(total.minor).times(new ExactDecimal(months)), count, 0, rounding);
  const monthlyAverage = money(divideToUnits(total.minor, count, 0, rounding), currency);
  return {
    amount: money(minor, currency),
    monthlyAverage,
    trailingMonths: count,
    basis: `${months} × average monthly fee ${formatMoney(monthlyAverage)} over the last ${count} month${count === 1 ? '' : 's'}${count < months ? ' (fewer months than the clause counts: extrapolated from the average)' : ''}`,
  };
}
