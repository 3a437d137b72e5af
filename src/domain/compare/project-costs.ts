/**
 * The deterministic cost of a proposal over the forecast months, with the settlement code
 * itself: `computeMonthCharges` (base, usage by band or per incident), extras, the minimum
 * true-up, expected credits and bonuses (fees × expected capped fraction, then the rolling
 * 12-month cap on those amounts), and `computeTaxLines`. Credits and bonuses are counted in
 * the service month that earns them (an invoice carries them a month later).
 */
import type { Exact } from '../money/index.js';
import { addMoney, ExactDecimal, moneyToDecimal, subtractMoney, sumMoney, toMoney, zeroMoney, type Money } from '../money/index.js';
import { computeMinimumTrueUp } from '../pricing/index.js';
import { computeMonthCharges } from '../settlement/compute-month-charges.js';
import { computeTaxLines } from '../settlement/compute-tax-lines.js';
import type { InvoiceLine } from '../settlement/invoice-types.js';
import { expectedBonusFraction, expectedCreditFraction } from './expected-adjustments.js';
import type { ForecastModel } from './forecast-types.js';
import { countsForMonth, type PreparedProposal } from './prepare-proposal.js';

export interface CostParts<T> {
  readonly base: T;
  readonly usage: T;
  readonly extras: T;
  readonly minimumTrueUp: T;
  /** base + usage + extras + minimumTrueUp: what credit and bonus percents apply to. */
  readonly fees: T;
  readonly expectedCredits: T;
  readonly expectedBonuses: T;
  readonly tax: T;
  /** fees - expectedCredits + expectedBonuses + tax. */
  readonly total: T;
}

export interface MonthCost extends CostParts<Money> {
  readonly month: string;
  /** The forecast's tickets in the month (all cells, mapped or not). */
  readonly tickets: number;
}

export interface CostProjection {
  readonly contractId: string;
  readonly currency: string;
  readonly months: readonly MonthCost[];
  readonly totals: CostParts<Money>;
  readonly tickets: number;
  /** total / tickets, half-up to the cent; undefined with no tickets. */
  readonly costPerTicket: Money | undefined;
  /** The expected credit fraction of a month's fees, before the rolling cap: "0.0123". */
  readonly expectedCreditFraction: string;
}

/**
 * Money the contract's rolling 12-month cap still allows: (fees of the window) × rate - granted
 * in it, rounded down, never below zero: 10% of USD 47,000.00 less 2,350.00 granted is 2,350.00.
 */
export function rollingHeadroom(feesWindow: Money, granted: Money, rateFraction: string): Money {
  const limit = toMoney(moneyToDecimal(feesWindow).times(rateFraction).minus(moneyToDecimal(granted)), feesWindow.currency, 'down');
  return limit.minor < 0n ? zeroMoney(feesWindow.currency) : limit;
}

function capRolling(amount: Money, m: number, fees: readonly Money[], granted: readonly Money[], rateFraction: string | undefined): Money {
  if (rateFraction === undefined) return amount;
  const from = Math.max(0, m - 11);
  const window = sumMoney(fees.slice(from, m + 1), amount.currency);
  const headroom = rollingHeadroom(window, sumMoney(granted.slice(from, m), amount.currency), rateFraction);
  return amount.minor > headroom.minor ? headroom : amount;
}

function line(kind: InvoiceLine['kind'], amount: Money): InvoiceLine {
  return { id: kind, kind, description: kind, quantity: '1', unit: 'month', amount, clause: '', evidence: { kind: 'none', ids: [] }, notes: [] };
}

/**
 * Northstar at 1,200 tickets a month with no misses: base 4,000.00 + usage 9,000.00 +
 * 10,500.00 = fees 23,500.00, no credits, the "all service levels met 3 months running" 3%
 * bonus (705.00) from the third month, tax 0%: 23,500.00, 23,500.00, then 24,205.00 a month.
 */
export function projectCosts(proposal: PreparedProposal, forecast: ForecastModel): CostProjection {
  const { currency, rounding } = proposal;
  const zero = zeroMoney(currency);
  const creditFraction = expectedCreditFraction(proposal.performance);
  const feesByMonth: Money[] = [];
  const creditsByMonth: Money[] = [];
  const bonusesByMonth: Money[] = [];
  const months: MonthCost[] = forecast.months.map((month, m) => {
    const cells = forecast.expected[m] ?? [];
    const { byPriority, extras } = countsForMonth(proposal, cells, m);
    const charges = computeMonthCharges(proposal.pricingContract, { month, volumes: { resolvedByPriority: byPriority, createdByPriority: byPriority, extras: {} } });
    const base = sumMoney(charges.lines.filter((l) => l.kind === 'base').map((l) => l.amount), currency);
    const usage = subtractMoney(charges.fees, base);
    const extrasAmount = sumMoney(proposal.extras.map((extra, i) => toMoney(new ExactDecimal(extra.price).times(extras[i] ?? 0), currency, rounding)), currency);
    const beforeMinimum = addMoney(charges.fees, extrasAmount);
    const minimumTrueUp = proposal.minimumMonthly
      ? computeMinimumTrueUp({ minimumMonthly: proposal.minimumMonthly, charges: beforeMinimum, month, serviceStart: charges.service.startOn, serviceEnd: charges.service.endOn, rounding }).trueUp
      : zero;
    const fees = addMoney(beforeMinimum, minimumTrueUp);
    feesByMonth.push(fees);
    const expected = (fraction: Exact): Money => toMoney(moneyToDecimal(fees).times(fraction), currency, rounding);
    const credits = capRolling(expected(creditFraction), m, feesByMonth, creditsByMonth, proposal.performance.creditCap.rollingFraction);
    const bonuses = capRolling(expected(expectedBonusFraction(proposal.performance, m)), m, feesByMonth, bonusesByMonth, proposal.performance.bonusCap.rollingFraction);
    creditsByMonth.push(credits);
    bonusesByMonth.push(bonuses);
    const taxLines = computeTaxLines(proposal.contract.pricing?.taxes, [line('base', fees), line('credit', subtractMoney(zero, credits)), line('bonus', bonuses)], currency, rounding);
    const tax = sumMoney(taxLines.map((l) => l.amount), currency);
    const total = addMoney(subtractMoney(addMoney(fees, bonuses), credits), tax);
    const tickets = cells.reduce((a, b) => a + b, 0);
    return { month, tickets, base, usage, extras: extrasAmount, minimumTrueUp, fees, expectedCredits: credits, expectedBonuses: bonuses, tax, total };
  });
  const sum = (pick: (c: MonthCost) => Money): Money => sumMoney(months.map(pick), currency);
  const totals: CostParts<Money> = {
    base: sum((c) => c.base),
    usage: sum((c) => c.usage),
    extras: sum((c) => c.extras),
    minimumTrueUp: sum((c) => c.minimumTrueUp),
    fees: sum((c) => c.fees),
    expectedCredits: sum((c) => c.expectedCredits),
    expectedBonuses: sum((c) => c.expectedBonuses),
    tax: sum((c) => c.tax),
    total: sum((c) => c.total),
  };
  const tickets = months.reduce((a, c) => a + c.tickets, 0);
  return {
    contractId: proposal.contract.id,
    currency,
    months,
    totals,
    tickets,
    costPerTicket: tickets > 0 ? toMoney(moneyToDecimal(totals.total).dividedBy(tickets), currency, 'half-up') : undefined,
    expectedCreditFraction: creditFraction.toFixed(),
  };
}
