/**
 * The liability cap: `monthsOfFees` × the average monthly fee over the trailing months the
 * caller passes (12 trailing months and 12 months of fees is their sum), or the fixed
 * `amount`; when the clause gives both, the greater applies (the usual "the greater of"
 * drafting). The carve-outs (`excluded`) are listed: claims of those kinds are not capped.
 */
import type { Contract } from '../contract/schema/contract-schema.js';
import { computeMonthsOfFees } from '../lifecycle/months-of-fees.js';
import { compareMoney, parseMoney, type Money } from '../money/index.js';

export interface LiabilityCap {
  /** The cap; absent when the contract has none or the fee history needed is missing. */
  readonly amount?: Money;
  readonly basis: 'months-of-fees' | 'fixed' | 'greater-of' | 'none';
  /** `monthsOfFees` computed, when the clause uses it and fees were passed. */
  readonly monthsOfFees?: { readonly months: number; readonly amount: Money; readonly trailingMonths: number; readonly basis: string };
  readonly fixed?: Money;
  /** Claims outside the cap: `['data-breach', 'confidentiality', ...]`. */
  readonly excluded: readonly string[];
  readonly clause: string;
  readonly note?: string;
}

/**
 * Northstar (12 months of fees; excluded data-breach, confidentiality, indemnification,
 * gross-negligence) with twelve monthly fees of USD 9,000.00: USD 108,000.00, basis
 * `months-of-fees`, the four carve-outs listed.
 */
export function computeLiabilityCap(contract: Contract, trailingMonthlyFees: readonly Money[]): LiabilityCap {
  const liability = contract.risk?.liability;
  const excluded = liability?.excluded ?? [];
  const cap = liability?.cap;
  if (!cap) return { basis: 'none', excluded, clause: 'risk.liability', note: 'the contract states no liability cap' };
  const rounding = contract.pricing?.rounding ?? 'half-up';
  const fixed = cap.amount !== undefined ? parseMoney(cap.amount, contract.currency, { excessDecimals: rounding }) : undefined;
  const byMonths =
    cap.monthsOfFees !== undefined && trailingMonthlyFees.length > 0 ? computeMonthsOfFees(trailingMonthlyFees, cap.monthsOfFees, contract.currency, rounding) : undefined;
  const months = byMonths && cap.monthsOfFees !== undefined ? { months: cap.monthsOfFees, amount: byMonths.amount, trailingMonths: byMonths.trailingMonths, basis: byMonths.basis } : undefined;
  const common = { excluded, clause: 'risk.liability.cap', ...(months ? { monthsOfFees: months } : {}), ...(fixed ? { fixed } : {}) };
  if (cap.monthsOfFees !== undefined && !months) {
    const note = `the cap is ${cap.monthsOfFees} months of fees; pass the trailing monthly fees to compute it`;
    return fixed ? { ...common, amount: fixed, basis: 'fixed', note: `${note} (the fixed ${cap.amount} alone is shown)` } : { ...common, basis: 'months-of-fees', note };
  }
  if (months && fixed) return { ...common, amount: compareMoney(months.amount, fixed) >= 0 ? months.amount : fixed, basis: 'greater-of' };
  if (months) return { ...common, amount: months.amount, basis: 'months-of-fees' };
  return { ...common, amount: fixed!, basis: 'fixed' };
}
