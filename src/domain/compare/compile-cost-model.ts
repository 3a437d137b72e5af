/**
 * A proposal's monthly fees as a fast function of counts, for simulation and break-even
 * search (a million evaluations): every amount comes from the exact pricing code
 * (`priceUsageLines`, per-line rounding), computed once per distinct count and cached, and
 * the month adds cached integers. `projectCosts` stays the reference; tests hold them equal.
 */
import type { Pricing } from '../contract/schema/pricing.js';
import { currencyScale, ExactDecimal, toMoney } from '../money/index.js';
import { amountOf } from '../settlement/compute-month-charges.js';
import { priceUsageLines } from '../settlement/price-usage-lines.js';
import { multiplierOf, type MinorTimesFraction } from './fraction-multiplier.js';
import type { PreparedProposal } from './prepare-proposal.js';

export interface CostModel {
  readonly proposal: PreparedProposal;
  /** Proposal priority index of each forecast cell, -1 when unmapped. */
  readonly priorityIndexOfCell: Int32Array;
  /** Fees in minor units: base, usage, extras and minimum true-up for these counts (by priority index, by extra). */
  feesMinor(priorityCounts: ArrayLike<number>, extraCounts: ArrayLike<number>): number;
  /** Tax in minor units on a month's taxable amount (fees - credits + bonuses). */
  taxMinor(taxableMinor: number): number;
}

function minorOf(amount: { minor: bigint }): number {
  const value = Number(amount.minor);
  if (!Number.isSafeInteger(value)) throw new RangeError(`amount beyond 2^53 minor units: ${amount.minor}`);
  return value;
}

/** A cache of integers by a whole-number key: a typed array grown by doubling, NaN for not yet computed. */
function cached(compute: (n: number) => number): (n: number) => number {
  let values = new Float64Array(1024).fill(Number.NaN);
  return (n) => {
    if (n >= values.length) {
      const grown = new Float64Array(Math.max(n + 1, values.length * 2)).fill(Number.NaN);
      grown.set(values);
      values = grown;
    }
    const hit = values[n]!;
    if (hit === hit) return hit; // not NaN
    const value = compute(n);
    values[n] = value;
    return value;
  };
}

/**
 * Bayline (per-incident, volume discount 8% from 801 tickets): `feesMinor([10, 100, 600, 490], [])`
 * is 3352480 (USD 33,524.80), each priority line priced and rounded once as on the invoice.
 */
export function compileCostModel(proposal: PreparedProposal): CostModel {
  const { pricingContract: contract, currency, rounding } = proposal;
  const pricing = contract.pricing;
  const priorityIndex = new Map(proposal.priorities.map((p, i) => [p, i]));
  const priorityIndexOfCell = Int32Array.from(proposal.priorityOfCell, (p) => (p === undefined ? -1 : priorityIndex.get(p) ?? -1));
  const baseMinor = pricing?.base ? minorOf(amountOf(pricing.base.monthly, currency, rounding)) : 0;
  const unit = pricing?.tiers?.unit ?? pricing?.perIncident?.unit ?? 'resolved-ticket';
  const sumLines = (p: Pricing, count: number, byPriority: Record<string, number>): number =>
    priceUsageLines(contract, p, { unit, count, byPriority }, currency, rounding).lines.reduce((a, l) => a + minorOf(l.amount), 0);

  const useTiers = pricing?.tiers !== undefined && (pricing.model === 'tiered' || pricing.model === 'hybrid');
  const perIncident = !useTiers && pricing?.perIncident !== undefined && (pricing.model === 'per-incident' || pricing.model === 'hybrid') ? pricing.perIncident : undefined;

  let usageMinor: (counts: ArrayLike<number>, total: number) => number;
  if (pricing && perIncident) {
    const bands = perIncident.volumeDiscount?.bands ?? [];
    const scale = new ExactDecimal(10).pow(currencyScale(currency));
    // A line is count × price × (1 − discount), exactly as pricePerIncident computes it, rounded once:
    // one exact factor per (discount band, priority), then integer arithmetic per count.
    const lines = (bands.length > 0 ? bands : [undefined]).map((band) =>
      proposal.priorities.map((priority): ((n: number) => number) => {
        const price = perIncident.byPriority[priority];
        if (price === undefined) {
          return (n) => (n === 0 ? 0 : sumLines(pricing, n, { [priority]: n })); // throws the pricing code's own "no price" error
        }
        const factor = new ExactDecimal(price).times(new ExactDecimal(1).minus(band?.discount.fraction ?? '0')).times(scale);
        return multiplierOf(factor.toFixed(), rounding);
      }),
    );
    usageMinor = (counts, total) => {
      const bandIndex = bands.length === 0 ? 0 : bands.findIndex((b) => b.upTo === undefined || total <= b.upTo);
      const row = lines[bandIndex]!;
      let sum = 0;
      for (let i = 0; i < row.length; i++) sum += row[i]!(counts[i] ?? 0);
      return sum;
    };
  } else if (pricing) {
    // Tiers, overage or nothing: the usage depends on the month's total count alone.
    const byTotal = cached((n) => sumLines(pricing, n, {}));
    usageMinor = (_counts, total) => byTotal(total);
  } else usageMinor = () => 0;

  const extras = proposal.extras.map((extra) => cached((n) => minorOf(toMoney(new ExactDecimal(extra.price).times(n), currency, rounding))));
  const minimumMinor = proposal.minimumMonthly ? minorOf(proposal.minimumMonthly) : undefined;
  const taxes: MinorTimesFraction[] = (proposal.contract.pricing?.taxes ?? []).filter((t) => (t.appliesTo ?? 'all') !== 'goods').map((t) => multiplierOf(t.rate.fraction, rounding));

  return {
    proposal,
    priorityIndexOfCell,
    feesMinor(priorityCounts, extraCounts) {
      let total = 0;
      for (let i = 0; i < priorityCounts.length; i++) total += priorityCounts[i]!;
      let fees = baseMinor + usageMinor(priorityCounts, total);
      for (let i = 0; i < extras.length; i++) fees += extras[i]!(extraCounts[i] ?? 0);
      if (minimumMinor !== undefined && fees < minimumMinor) fees = minimumMinor;
      return fees;
    },
    taxMinor(taxableMinor) {
      let tax = 0;
      for (const t of taxes) tax += t(taxableMinor);
      return tax;
    },
  };
}
