/**
 * A service month's credits and bonuses: every credit and incentive rule of the contract
 * against the month's scorecard, bands resolved, capped by the monthly and rolling 12-month
 * caps (from the history of earlier months). They land on the next month's invoice.
 */
import type { Contract } from '../contract/schema/contract-schema.js';
import { SupportPactError } from '../errors/index.js';
import type { MonthlyScorecard } from '../measures/scorecard.js';
import { zeroMoney, type Money } from '../money/index.js';
import { addMonthsToMonth, type LocalDate } from '../time/local-date.js';
import type { MonthAdjustments, ScorecardSummary, SettledMonth } from './adjustment-types.js';
import { computeMonthCharges, roundingOf } from './compute-month-charges.js';
import { evaluateCreditRule } from './evaluate-credit-rule.js';
import { evaluateIncentiveRule } from './evaluate-incentive-rule.js';
import { resolveAdjustments } from './resolve-adjustments.js';

export interface ComputeCreditsOptions {
  /** The month's fees, when already known (the issued invoice's charges); computed from the scorecard otherwise. */
  readonly fees?: Money;
  /** Last day of service when the contract ended early (termination, opt-out). */
  readonly serviceEndOn?: LocalDate;
}

/** The months of `history` in the 11 before `month`, checked: one entry per month, in the contract currency. */
function trailingMonths(history: readonly SettledMonth[], month: string, currency: string): SettledMonth[] {
  const earliest = addMonthsToMonth(month, -11);
  const seen = new Set<string>();
  for (const entry of history) {
    if (seen.has(entry.month)) {
      const message = `the history lists ${entry.month} twice`;
      throw new SupportPactError('USAGE', message, { problems: [{ message, path: ['history'], hint: 'give each settled month once' }] });
    }
    seen.add(entry.month);
    for (const [name, amount] of [['fees', entry.fees], ['creditsGranted', entry.creditsGranted], ['bonusesGranted', entry.bonusesGranted]] as const) {
      if (amount.currency !== currency) {
        const message = `${entry.month} ${name} are in ${amount.currency}, the contract in ${currency}`;
        throw new SupportPactError('MONEY_INVALID', message, { problems: [{ message, path: ['history', entry.month, name], hint: 'keep one currency per contract' }] });
      }
    }
  }
  // Months at or after `month` are not "earlier": a recomputed month does not cap itself.
  return history.filter((m) => m.month >= earliest && m.month < month).sort((a, b) => (a.month < b.month ? -1 : 1));
}

/**
 * Northstar's first month (nothing in the history), fees 23,500.00, availability 98.50% and
 * p1-response missed: the availability bands (5% below 99.9%, 15% below 99.0%) resolve to the
 * worst, 15% = 3,525.00, plus p1-response 5% = 1,175.00; the monthly cap (15%) allows 3,525.00
 * and the rolling cap (10% of the one month on record) 2,350.00, so the lines become 587.50
 * and 1,762.50.
 */
export function computeCredits(contract: Contract, scorecard: MonthlyScorecard, history: readonly SettledMonth[], options: ComputeCreditsOptions = {}): MonthAdjustments {
  const currency = contract.currency;
  const month = scorecard.month;
  if (scorecard.contractId !== contract.id) {
    const message = `the scorecard is for contract ${scorecard.contractId}, not ${contract.id}`;
    throw new SupportPactError('USAGE', message, { problems: [{ message, path: ['scorecard', 'contractId'], hint: 'pass the scorecard of the same contract' }] });
  }
  const fees = options.fees ?? (contract.pricing ? computeMonthCharges(contract, scorecard, options).fees : zeroMoney(currency));
  if (fees.currency !== currency) {
    const message = `fees are in ${fees.currency}, the contract in ${currency}`;
    throw new SupportPactError('MONEY_INVALID', message, { problems: [{ message, path: ['fees'], hint: 'keep one currency per contract' }] });
  }
  const trailing = trailingMonths(history, month, currency);
  const rounding = roundingOf(contract);
  const sla = contract.sla;

  const creditRules = (sla?.credits ?? []).map((rule, index) => ({ ranked: evaluateCreditRule(contract, rule, index, scorecard), percent: rule.credit }));
  const earlier = new Map<string, ScorecardSummary>();
  for (const entry of history) if (entry.scorecard && entry.month < month) earlier.set(entry.month, entry.scorecard);
  const bonusRules = (sla?.incentives ?? []).map((rule, index) => ({ ranked: evaluateIncentiveRule(rule, index, scorecard, earlier), percent: rule.bonus }));

  return {
    contractId: contract.id,
    month,
    currency,
    fees,
    credits: resolveAdjustments({ kind: 'credit', month, fees, rules: creditRules, cap: sla?.creditCap, trailing, rounding }),
    bonuses: resolveAdjustments({ kind: 'bonus', month, fees, rules: bonusRules, cap: sla?.incentiveCap, trailing, rounding }),
  };
}

/** The history entry a settled month leaves for the months after it: `settledMonthOf(adjustments, scorecard)`. */
export function settledMonthOf(adjustments: MonthAdjustments, scorecard?: ScorecardSummary): SettledMonth {
  return {
    month: adjustments.month,
    fees: adjustments.fees,
    creditsGranted: adjustments.credits.total,
    bonusesGranted: adjustments.bonuses.total,
    ...(scorecard ? { scorecard: { month: scorecard.month, serviceLevels: scorecard.serviceLevels, quality: scorecard.quality, allServiceLevelsMet: scorecard.allServiceLevelsMet } } : {}),
  };
}
