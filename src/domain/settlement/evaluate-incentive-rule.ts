/**
 * One bonus rule against the month's scorecard and, for `consecutiveMonths: n`, the n - 1
 * months before it (from the history). A level is reached at or above it (`atLeast`); a
 * month with no data, or missing from the history, earns nothing.
 */
import type { IncentiveRuleSpecification } from '../contract/schema/sla.js';
import type { Share } from '../measures/scorecard.js';
import { addMonthsToMonth } from '../time/local-date.js';
import type { ScorecardSummary } from './adjustment-types.js';
import type { RankedOutcome } from './evaluate-credit-rule.js';
import { compareShare, describeShare } from './rule-text.js';

type MonthCheck = { readonly month: string; readonly result: 'met' | 'not-met' | 'no-data'; readonly measured: string };

/**
 * Northstar's `{ allServiceLevelsMet: true, consecutiveMonths: 3 }` (3%) for 2027-03 applies
 * when 2027-01, 2027-02 and 2027-03 each had every service level with data met; with
 * 2027-01 missing from the history it is `no-data`.
 */
export function evaluateIncentiveRule(
  rule: IncentiveRuleSpecification,
  ruleIndex: number,
  scorecard: ScorecardSummary,
  earlier: ReadonlyMap<string, ScorecardSummary>,
): RankedOutcome {
  const when = rule.when;
  const n = when.consecutiveMonths;
  const months = Array.from({ length: n }, (_, i) => addMonthsToMonth(scorecard.month, i - (n - 1)));
  const cardOf = (month: string): ScorecardSummary | undefined => (month === scorecard.month ? scorecard : earlier.get(month));
  const span = n === 1 ? scorecard.month : `${months[0]} to ${scorecard.month}`;

  let measure: string;
  let threshold: string;
  let ruleText: string;
  let severity: number[];
  let check: (card: ScorecardSummary) => { result: 'met' | 'not-met' | 'no-data'; measured: string };
  const shareCheck = (share: Share | undefined, fraction: string, what: string): { result: 'met' | 'not-met' | 'no-data'; measured: string } =>
    share === undefined ? { result: 'no-data', measured: 'no data' } : { result: compareShare(share, fraction) >= 0 ? 'met' : 'not-met', measured: describeShare(share, what) };

  switch (when.measure) {
    case 'allServiceLevelsMet':
      measure = 'all service levels met';
      threshold = n === 1 ? 'every service level met' : `every service level met ${n} months running`;
      ruleText = n === 1 ? 'All service levels met' : `All service levels met ${n} consecutive months`;
      severity = [n];
      check = (card) => {
        const withData = card.serviceLevels.filter((l) => l.result !== 'no-data');
        if (withData.length === 0) return { result: 'no-data', measured: 'no data' };
        const missed = withData.filter((l) => l.result === 'missed').map((l) => l.id);
        return missed.length === 0 ? { result: 'met', measured: `all ${withData.length} met` } : { result: 'not-met', measured: `missed ${missed.join(', ')}` };
      };
      break;
    case 'quality':
      measure = `quality ${when.id}`;
      threshold = `at least ${when.atLeast.text}${n > 1 ? ` ${n} months running` : ''}`;
      ruleText = `Quality measure ${when.id} at least ${when.atLeast.text}${n > 1 ? ` for ${n} consecutive months` : ''}`;
      severity = [Number(when.atLeast.fraction), n];
      check = (card) => shareCheck(card.quality.find((q) => q.id === when.id)?.share, when.atLeast.fraction, 'tickets');
      break;
    case 'serviceLevel':
      measure = `service level ${when.id}`;
      threshold = `at least ${when.atLeast.text}${n > 1 ? ` ${n} months running` : ''}`;
      ruleText = `Service level ${when.id} at least ${when.atLeast.text}${n > 1 ? ` for ${n} consecutive months` : ''}`;
      severity = [Number(when.atLeast.fraction), n];
      check = (card) => shareCheck(card.serviceLevels.find((l) => l.id === when.id)?.attainment, when.atLeast.fraction, 'clocks met');
      break;
  }

  const checks: MonthCheck[] = months.map((month) => {
    const card = cardOf(month);
    return card ? { month, ...check(card) } : { month, result: 'no-data', measured: 'no scorecard in the history' };
  });
  const current = checks[checks.length - 1]!;
  const failed = checks.find((c) => c.result === 'not-met');
  const noData = checks.find((c) => c.result === 'no-data');
  const status = failed ? 'not-met' : noData ? 'no-data' : 'applies';
  const measured = n === 1 ? current.measured : checks.map((c) => `${c.month}: ${c.measured}`).join('; ');
  const reason =
    status === 'applies' ? `${threshold}: reached in ${span}` : failed ? `${failed.month}: ${failed.measured}` : `${noData!.month}: ${noData!.measured}`;
  return {
    outcome: {
      ruleIndex,
      clause: `sla.incentives[${ruleIndex}]`,
      rule: rule.description ?? ruleText,
      measure,
      measured,
      threshold,
      percent: rule.bonus.text,
      status,
      reason,
      evidence: { kind: 'months', ids: months },
    },
    group: measure,
    severity,
    applies: status === 'applies',
  };
}
