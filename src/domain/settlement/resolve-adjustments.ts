/**
 * From rule outcomes to granted amounts: the worst band of each measure counts (for bonuses,
 * the best band reached), each counting rule is percent × fees rounded once, then the
 * monthly cap and the rolling 12-month cap cut the sum, and the cut is spread over the
 * lines with `allocate` so the capped lines add up exactly to the capped total.
 */
import { allocate, ExactDecimal, formatMoney, moneyToDecimal, sumMoney, subtractMoney, toMoney, zeroMoney, type Exact, type Money, type RoundingMode } from '../money/index.js';
import type { Percent } from '../contract/values.js';
import type { AdjustmentKind, AdjustmentLine, AdjustmentSet, CapCheck, RuleOutcome, SettledMonth } from './adjustment-types.js';
import type { RankedOutcome } from './evaluate-credit-rule.js';

export interface CapSpecification {
  readonly monthly?: Percent;
  readonly rolling12Months?: Percent;
}

export interface ResolveInput {
  readonly kind: AdjustmentKind;
  readonly month: string;
  readonly fees: Money;
  readonly rules: readonly { readonly ranked: RankedOutcome; readonly percent: Percent }[];
  readonly cap: CapSpecification | undefined;
  /** The 11 months before `month` (others are ignored), with what was granted in each. */
  readonly trailing: readonly SettledMonth[];
  readonly rounding: RoundingMode;
}

function compareSeverity(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Accord's high-credit example: one rule applies (11% of fees 10.00 = 1.10), the monthly cap
 * (10%) cuts it to 1.00 and the rolling cap (10% of 120.00 fees less 11.01 granted = 0.99)
 * to 0.99; the line's amount is 0.99 and the set explains both cuts.
 */
export function resolveAdjustments(input: ResolveInput): AdjustmentSet {
  const { kind, fees, rounding } = input;
  const currency = fees.currency;
  const noun = kind === 'credit' ? 'credits' : 'bonuses';

  // Worst (credits) or best (bonuses) band per measure: the highest severity among rules that apply.
  const winners = new Map<string, RankedOutcome>();
  const percentOf = new Map<number, Percent>(input.rules.map((r) => [r.ranked.outcome.ruleIndex, r.percent]));
  for (const { ranked } of input.rules) {
    if (!ranked.applies) continue;
    const current = winners.get(ranked.group);
    if (!current) {
      winners.set(ranked.group, ranked);
      continue;
    }
    const bySeverity = compareSeverity(ranked.severity, current.severity);
    const byPercent = new ExactDecimal(percentOf.get(ranked.outcome.ruleIndex)!.fraction).comparedTo(percentOf.get(current.outcome.ruleIndex)!.fraction);
    if (bySeverity > 0 || (bySeverity === 0 && byPercent > 0)) winners.set(ranked.group, ranked);
  }

  const counted: { outcome: RuleOutcome; uncapped: Money; supersedes: number[] }[] = [];
  const notApplied: RuleOutcome[] = [];
  for (const { ranked, percent } of input.rules) {
    const winner = winners.get(ranked.group);
    if (winner === ranked) {
      const supersedes = input.rules.filter((r) => r.ranked.applies && r.ranked !== ranked && r.ranked.group === ranked.group).map((r) => r.ranked.outcome.ruleIndex);
      counted.push({ outcome: ranked.outcome, uncapped: toMoney(moneyToDecimal(fees).times(percent.fraction), currency, rounding), supersedes });
    } else if (ranked.applies && winner) {
      const w = winner.outcome;
      notApplied.push({ ...ranked.outcome, status: 'superseded', reason: `${ranked.outcome.reason}, but ${kind === 'credit' ? 'a worse' : 'a better'} band of ${ranked.outcome.measure} counts instead: ${w.clause} (${w.threshold}, ${w.percent})` });
    } else {
      notApplied.push(ranked.outcome);
    }
  }

  const uncapped = sumMoney(counted.map((c) => c.uncapped), currency);
  const caps: CapCheck[] = [];
  let running = uncapped;
  const capClause = kind === 'credit' ? 'sla.creditCap' : 'sla.incentiveCap';
  const show = (m: Money): string => formatMoney(m);
  // A cap is a limit: its money figure rounds down, so the total never exceeds the exact percent.
  const limitOf = (exact: Exact): Money => {
    const m = toMoney(exact, currency, 'down');
    return m.minor < 0n ? zeroMoney(currency) : m;
  };
  if (input.cap?.monthly) {
    const limit = limitOf(moneyToDecimal(fees).times(input.cap.monthly.fraction));
    const cutBy = running.minor > limit.minor ? subtractMoney(running, limit) : zeroMoney(currency);
    running = subtractMoney(running, cutBy);
    caps.push({ cap: 'monthly', clause: `${capClause}.monthly`, percent: input.cap.monthly.text, limit, basis: `${input.cap.monthly.text} of the ${input.month} fees ${show(fees)}`, cutBy });
  }
  if (input.cap?.rolling12Months) {
    const trailing = input.trailing;
    const trailingFees = sumMoney(trailing.map((m) => m.fees), currency);
    const granted = sumMoney(trailing.map((m) => (kind === 'credit' ? m.creditsGranted : m.bonusesGranted)), currency);
    const windowFees = moneyToDecimal(fees).plus(moneyToDecimal(trailingFees));
    // No claw-back: when earlier months already used the whole allowance, the headroom is zero, not negative.
    const limit = limitOf(windowFees.times(input.cap.rolling12Months.fraction).minus(moneyToDecimal(granted)));
    const cutBy = running.minor > limit.minor ? subtractMoney(running, limit) : zeroMoney(currency);
    running = subtractMoney(running, cutBy);
    const months = trailing.length === 0 ? `only ${input.month} on record` : `${trailing.length + 1} months on record`;
    caps.push({
      cap: 'rolling12Months',
      clause: `${capClause}.rolling12Months`,
      percent: input.cap.rolling12Months.text,
      limit,
      basis: `${input.cap.rolling12Months.text} of ${show(toMoney(windowFees, currency, 'down'))}, the fees of the 12 months to ${input.month} (${months}), less ${noun} already granted ${show(granted)}`,
      cutBy,
    });
  }

  const total = running;
  const amounts =
    total.minor === uncapped.minor ? counted.map((c) => c.uncapped)
    : total.minor === 0n ? counted.map(() => zeroMoney(currency))
    : allocate(total, counted.map((c) => c.uncapped.minor));
  const lines: AdjustmentLine[] = counted.map((c, i) => ({ ...c.outcome, status: 'applies', uncappedAmount: c.uncapped, amount: amounts[i]!, supersedes: c.supersedes }));
  const cut = subtractMoney(uncapped, total);

  const explanation: string[] = [];
  if (lines.length === 0) explanation.push(`No ${kind} rule applies to ${input.month}.`);
  else {
    explanation.push(`${lines.length} ${kind} rule${lines.length === 1 ? '' : 's'} appl${lines.length === 1 ? 'ies' : 'y'} to ${input.month}: ${show(uncapped)} before caps, as percents of the ${input.month} fees ${show(fees)}.`);
    for (const cap of caps) {
      if (cap.cutBy.minor > 0n) explanation.push(`The ${cap.cap === 'monthly' ? 'monthly' : 'rolling 12-month'} cap (${cap.basis}) allows ${show(cap.limit)} and cuts ${show(cap.cutBy)}.`);
      else explanation.push(`The ${cap.cap === 'monthly' ? 'monthly' : 'rolling 12-month'} cap allows ${show(cap.limit)}: no cut.`);
    }
    if (cut.minor > 0n) explanation.push(`${noun[0]!.toUpperCase()}${noun.slice(1)} granted: ${show(total)}; the cut of ${show(cut)} is spread over the lines in proportion to their amounts.`);
  }
  return { kind, month: input.month, fees, lines, notApplied, uncapped, caps, total, cut, explanation };
}
