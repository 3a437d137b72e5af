/**
 * Minimum monthly commitment: when a month's charges fall below the minimum (prorated by
 * days of service for a partial first or last month), the difference is a true-up line:
 * max(0, prorated minimum - charges). The prorated minimum is rounded first, as its own
 * figure, so the invoice can show it and the true-up adds up against it.
 */
import {
  daysOfServiceInMonth,
  maxMoney,
  prorate,
  subtractMoney,
  zeroMoney,
  type Money,
  type RoundingMode,
} from '../money/index.js';
import { daysInMonth, type LocalDate } from '../time/local-date.js';

export interface MinimumTrueUpInput {
  readonly minimumMonthly: Money;
  /** The month's charges before credits, bonuses and tax. */
  readonly charges: Money;
  /** The service month, 'YYYY-MM'. */
  readonly month: string;
  /** First day of service (inclusive), when it starts inside or after the month. */
  readonly serviceStart?: LocalDate;
  /** Last day of service (inclusive), when it ends inside or before the month. */
  readonly serviceEnd?: LocalDate;
  readonly rounding: RoundingMode;
}

export interface MinimumTrueUp {
  readonly daysOfService: number;
  readonly daysInMonth: number;
  readonly proratedMinimum: Money;
  readonly charges: Money;
  /** Zero when charges reach the prorated minimum. */
  readonly trueUp: Money;
}

/**
 * Northstar's USD 9000.00 minimum, service from 2027-02-24 (5 of 28 days), charges USD
 * 1500.00, half-up: prorated minimum USD 1607.14 (9000 × 5 / 28), true-up USD 107.14.
 */
export function computeMinimumTrueUp(input: MinimumTrueUpInput): MinimumTrueUp {
  const days = daysOfServiceInMonth(input.month, input.serviceStart, input.serviceEnd);
  const year = Number(input.month.slice(0, 4));
  const monthDays = daysInMonth(year, Number(input.month.slice(5, 7)));
  const proratedMinimum = prorate(input.minimumMonthly, days, monthDays, input.rounding);
  const shortfall = subtractMoney(proratedMinimum, input.charges);
  return {
    daysOfService: days,
    daysInMonth: monthDays,
    proratedMinimum,
    charges: input.charges,
    trueUp: maxMoney(shortfall, zeroMoney(shortfall.currency)),
  };
}
