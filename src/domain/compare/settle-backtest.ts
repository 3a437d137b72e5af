/**
 * One contract's months in a backtest, settled as they would have been: each month's
 * scorecard, the credits and bonuses it earns (`computeCredits`, with the months before it as
 * history for the rolling caps and consecutive-month bonuses) and the invoice for it
 * (`buildInvoice`, carrying the month before's credits). The first month's invoice carries
 * nothing: the months before the backtest are not known.
 */
import type { Contract } from '../contract/schema/contract-schema.js';
import type { IsBusinessDay } from '../lifecycle/nth-business-day.js';
import type { MonthlyScorecard } from '../measures/scorecard.js';
import { sumMoney, zeroMoney, type Money } from '../money/index.js';
import type { MonthAdjustments, SettledMonth } from '../settlement/adjustment-types.js';
import { buildInvoice } from '../settlement/build-invoice.js';
import { computeCredits, settledMonthOf } from '../settlement/compute-credits.js';
import type { ContractVersionRef, Invoice } from '../settlement/invoice-types.js';
import { termEndOn } from '../lifecycle/term-dates.js';
import { monthBounds } from '../time/local-date.js';

export interface BacktestMonth {
  readonly month: string;
  readonly scorecard: MonthlyScorecard;
  /** Credits and bonuses the month earns (they land on the next month's invoice). */
  readonly adjustments: MonthAdjustments;
  /** The invoice for the month's service, with the month before's credits and bonuses. */
  readonly invoice: Invoice;
}

export interface BacktestSide {
  readonly contractId: string;
  readonly title: string;
  readonly months: readonly BacktestMonth[];
  readonly totals: {
    readonly fees: Money;
    readonly creditsEarned: Money;
    readonly bonusesEarned: Money;
    readonly invoiced: Money;
  };
  /** Facts the report must state: a term laid over the months, the first invoice carrying nothing. */
  readonly notes: readonly string[];
}

/**
 * The contract with a term covering `months`, so a proposal written for another start can be
 * priced on last year's months; the original when its own term covers them already. A
 * proposal starting 2028-01-01 backtested on 2027-03 gets a one-month term from 2027-03-01.
 */
export function contractCoveringMonths(contract: Contract, months: readonly string[]): { contract: Contract; note?: string } {
  const first = months[0];
  const last = months[months.length - 1];
  if (first === undefined || last === undefined) return { contract };
  const from = monthBounds(first)[0];
  const to = monthBounds(last)[1];
  const term = contract.term;
  // A term that renews automatically without a limit never ends; otherwise the initial term is what we can rely on.
  const covers = term !== undefined && term.start <= from && ((term.renewal?.automatic === true && term.renewal.maxRenewals === undefined) || termEndOn(term.start, term.initialTerm) >= to);
  if (covers) return { contract };
  const count = months.length;
  return {
    contract: { ...contract, term: { ...(term ?? {}), start: from, initialTerm: { amount: count, unit: 'mo', text: `${count}mo` }, renewal: { automatic: false } } },
    note: `${contract.id}'s term ${term ? `(from ${term.start}, ${term.initialTerm.text})` : '(none stated)'} does not cover ${first} to ${last}: it is priced as if it had started on ${from} and run to ${to}.`,
  };
}

/**
 * The UCI contract over its March to May 2016 scorecards: credits earned each month (for
 * example 13% of March's fees for three missed service levels, cut to the 12% cap), the
 * invoices for March (nothing carried), April (March's credits) and May, and the totals.
 */
export function settleBacktestSide(
  contract: Contract,
  version: ContractVersionRef,
  scorecards: readonly MonthlyScorecard[],
  options: { readonly isBusinessDay?: IsBusinessDay; readonly sha256?: (text: string) => string; readonly notes?: readonly string[] } = {},
): BacktestSide {
  const history: SettledMonth[] = [];
  const months: BacktestMonth[] = [];
  let previous: MonthAdjustments | undefined;
  for (const scorecard of scorecards) {
    const adjustments = computeCredits(contract, scorecard, history);
    const invoice = buildInvoice({
      contract,
      contractVersion: version,
      serviceMonth: scorecard.month,
      scorecard,
      ...(previous ? { previousMonthAdjustments: previous } : {}),
      ...(options.isBusinessDay ? { isBusinessDay: options.isBusinessDay } : {}),
      ...(options.sha256 ? { sha256: options.sha256 } : {}),
    });
    months.push({ month: scorecard.month, scorecard, adjustments, invoice });
    history.push(settledMonthOf(adjustments, scorecard));
    previous = adjustments;
  }
  const currency = contract.currency;
  const sum = (pick: (m: BacktestMonth) => Money): Money => (months.length === 0 ? zeroMoney(currency) : sumMoney(months.map(pick), currency));
  const notes = [...(options.notes ?? [])];
  if (months.length > 0) notes.push(`The ${months[0]!.month} invoice carries no credits or bonuses: the month before the backtest is not known. Credits earned in ${months[months.length - 1]!.month} would land on the invoice after it.`);
  return {
    contractId: contract.id,
    title: contract.title,
    months,
    totals: {
      fees: sum((m) => m.adjustments.fees),
      creditsEarned: sum((m) => m.adjustments.credits.total),
      bonusesEarned: sum((m) => m.adjustments.bonuses.total),
      invoiced: sum((m) => m.invoice.totals.total),
    },
    notes,
  };
}
