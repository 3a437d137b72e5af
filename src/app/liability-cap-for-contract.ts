import type { Contract } from '../domain/contract/schema/contract-schema.js';
import { computeMonthsOfFees } from '../domain/lifecycle/index.js';
import { computeLiabilityCap, type LiabilityCap } from '../domain/risk/index.js';
import { formatMoney, parseMoney, type Money } from '../domain/money/index.js';

export interface MonthlyFeeEstimate {
  readonly amount: Money;
  /** Where the figure comes from, in words. */
  readonly basis: string;
}

export interface LiabilityCapResult {
  readonly cap: LiabilityCap;
  /** True when the cap rests on an estimate of the monthly fee, not on invoiced fees. */
  readonly estimated: boolean;
  /** The fees behind the cap, in words (the estimate's basis, or how many invoiced months). */
  readonly feeBasis: string;
}

/**
 * A stand-in monthly fee while no invoices are recorded: the contract's base fee, or its
 * minimum monthly commitment when that is higher (charges never fall below it: a true-up
 * line tops them up), so the estimate is a floor. Northstar: base USD 4,000.00, minimum
 * USD 9,000.00, so USD 9,000.00.
 * Undefined when the contract states neither.
 */
export function estimateMonthlyFee(contract: Contract): MonthlyFeeEstimate | undefined {
  const pricing = contract.pricing;
  const rounding = pricing?.rounding ?? 'half-up';
  const base = pricing?.base ? parseMoney(pricing.base.monthly, contract.currency, { excessDecimals: rounding }) : undefined;
  const minimum = pricing?.minimumMonthly ? parseMoney(pricing.minimumMonthly, contract.currency, { excessDecimals: rounding }) : undefined;
  if (minimum && (!base || minimum.minor > base.minor)) {
    return { amount: minimum, basis: `the minimum monthly commitment${base ? `, above the base fee ${formatMoney(base)}` : ''}` };
  }
  if (base) return { amount: base, basis: 'the base monthly fee' };
  return undefined;
}

/**
 * The liability cap from the trailing monthly fees (most recent last) when invoices give
 * them; otherwise from `estimateMonthlyFee`, said to be an estimate. Northstar without
 * invoices: 12 × USD 9,000.00 = USD 108,000.00, estimated.
 */
export function liabilityCapForContract(contract: Contract, trailingMonthlyFees?: readonly Money[]): LiabilityCapResult {
  if (trailingMonthlyFees && trailingMonthlyFees.length > 0) {
    const n = trailingMonthlyFees.length;
    return { cap: computeLiabilityCap(contract, trailingMonthlyFees), estimated: false, feeBasis: `fees invoiced over the last ${n} month${n === 1 ? '' : 's'}` };
  }
  const estimate = estimateMonthlyFee(contract);
  if (!estimate) return { cap: computeLiabilityCap(contract, []), estimated: false, feeBasis: 'no invoices are recorded and the contract states no base or minimum monthly fee' };
  const cap = computeLiabilityCap(contract, [estimate.amount]);
  const months = contract.risk?.liability?.cap?.monthsOfFees;
  const feeBasis = `ESTIMATE: no invoices are recorded yet, so each month's fee is taken as ${formatMoney(estimate.amount)} (${estimate.basis})`;
  if (!cap.monthsOfFees || months === undefined) return { cap, estimated: false, feeBasis: 'the cap does not depend on fees' };
  return { cap: { ...cap, monthsOfFees: { ...cap.monthsOfFees, trailingMonths: 0, basis: `${months} × ${formatMoney(estimate.amount)} (estimated monthly fee)` } }, estimated: true, feeBasis };
}

/** A convenience fee given in months of fees, from the same estimate: Northstar's client fee of 1 month is about USD 9,000.00. */
export function estimateFeeOfMonths(contract: Contract, months: number): { amount: Money; basis: string } | undefined {
  const estimate = estimateMonthlyFee(contract);
  if (!estimate) return undefined;
  const computed = computeMonthsOfFees([estimate.amount], months, contract.currency, contract.pricing?.rounding ?? 'half-up');
  return { amount: computed.amount, basis: `ESTIMATE: ${months} × ${formatMoney(estimate.amount)} a month (${estimate.basis}); no invoices are recorded yet` };
}
