/**
 * Sustained performance failure from monthly service-level results: k consecutive months
 * with at least one missed service level, or k missed months within any n consecutive
 * months. A month counts once it is over (its last day is before `asOf`); a month with
 * only "no data" (or absent from the evidence) is not a miss, so it breaks a run.
 */
import type { Problem } from '../errors/index.js';
import { addMonthsToMonth, monthBounds, type LocalDate } from '../time/local-date.js';
import { checkMonth, lifecycleInputError } from './lifecycle-input-error.js';
import type { MonthlyServiceLevels } from './termination-evidence.js';

export interface ServiceLevelsMissedTrigger {
  readonly consecutiveMonths?: number;
  readonly monthsOutOf?: readonly [number, number];
}

export interface SustainedFailure {
  readonly rule: 'consecutive-months' | 'months-out-of';
  /** `'3 consecutive months'` or `'4 of any 6 consecutive months'`. */
  readonly ruleText: string;
  /** First month and last month of the run or window that first met the rule. */
  readonly windowFrom: string;
  readonly windowTo: string;
  /** The missed months inside it, with the service levels missed. */
  readonly months: readonly { readonly month: string; readonly missed: readonly string[] }[];
  /** The day after the window's last month: the right opens then. */
  readonly openedOn: LocalDate;
}

function missedByMonth(monthly: readonly MonthlyServiceLevels[], asOf: LocalDate): Map<string, readonly string[]> {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const missed = new Map<string, readonly string[]>();
  for (const [i, m] of monthly.entries()) {
    checkMonth(m.month, ['monthlyServiceLevels', i, 'month'], problems);
    if (seen.has(m.month)) problems.push({ message: `month ${m.month} appears twice`, path: ['monthlyServiceLevels', i, 'month'], hint: 'give one record per month' });
    seen.add(m.month);
  }
  if (problems.length > 0) throw lifecycleInputError(problems);
  for (const m of monthly) {
    const [, lastDay] = monthBounds(m.month);
    if (lastDay < asOf && m.missed.length > 0) missed.set(m.month, [...m.missed]);
  }
  return missed;
}

/**
 * With `{ consecutiveMonths: 3, monthsOutOf: [4, 6] }` and misses in 2027-02, 03, 05, 06:
 * no three in a row, but 4 of the 6 months 2027-01..06 (window 2027-01 to 2027-06) open the
 * right on 2027-07-01 (`rule: 'months-out-of'`). Each rule reports the first time it was met.
 */
export function findSustainedFailures(monthly: readonly MonthlyServiceLevels[], trigger: ServiceLevelsMissedTrigger, asOf: LocalDate): SustainedFailure[] {
  const missed = missedByMonth(monthly, asOf);
  if (missed.size === 0) return [];
  const sorted = [...missed.keys()].sort();
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const found: SustainedFailure[] = [];
  const entry = (month: string) => ({ month, missed: missed.get(month)! });
  const k = trigger.consecutiveMonths;
  if (k !== undefined) {
    let run: string[] = [];
    for (let month = first; month <= last; month = addMonthsToMonth(month, 1)) {
      run = missed.has(month) ? [...run, month] : [];
      if (run.length === k) {
        found.push({ rule: 'consecutive-months', ruleText: `${k} consecutive months`, windowFrom: run[0]!, windowTo: month, months: run.map(entry), openedOn: monthBounds(addMonthsToMonth(month, 1))[0] });
        break;
      }
    }
  }
  if (trigger.monthsOutOf) {
    const [need, span] = trigger.monthsOutOf;
    for (let month = first; month <= last; month = addMonthsToMonth(month, 1)) {
      if (!missed.has(month)) continue; // a window first qualifies in a missed month
      const windowFrom = addMonthsToMonth(month, 1 - span);
      const inWindow = sorted.filter((m) => m >= windowFrom && m <= month);
      if (inWindow.length >= need) {
        found.push({ rule: 'months-out-of', ruleText: `${need} of any ${span} consecutive months`, windowFrom, windowTo: month, months: inWindow.map(entry), openedOn: monthBounds(addMonthsToMonth(month, 1))[0] });
        break;
      }
    }
  }
  return found;
}
