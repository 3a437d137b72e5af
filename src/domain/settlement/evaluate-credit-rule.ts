/**
 * One credit rule against one month's scorecard: whether it applies, the measured value,
 * the threshold and the evidence. Thresholds are strict (`below: "99.0%"` applies at
 * 98.99%, not at 99.00%), comparisons exact (the shares' integers, never a rounded percent),
 * and a measure with no data never triggers a credit.
 */
import type { Contract } from '../contract/schema/contract-schema.js';
import type { CreditRuleSpecification } from '../contract/schema/sla.js';
import type { MonthlyScorecard } from '../measures/scorecard.js';
import { secondsOf } from '../time/duration.js';
import { formatInZone } from '../time/zone.js';
import type { Evidence, RuleOutcome } from './adjustment-types.js';
import { compareShare, describeShare, formatSeconds } from './rule-text.js';

/** A rule outcome plus what picks the worst band: rules of one `group` are bands; the highest `severity` that applies counts. */
export interface RankedOutcome {
  readonly outcome: RuleOutcome;
  readonly group: string;
  readonly severity: readonly number[];
  readonly applies: boolean;
}

const none: Evidence = { kind: 'none', ids: [] };

/**
 * Northstar's `{ availability: phone-line, below: "99.0%" }` (15%) in a month at 98.50%
 * availability applies, measured `98.50% (...)`, threshold `below 99.0%`, with the month's
 * outages as evidence; at exactly 99.00% it does not apply (strict `<`).
 */
export function evaluateCreditRule(contract: Contract, rule: CreditRuleSpecification, ruleIndex: number, scorecard: MonthlyScorecard): RankedOutcome {
  const when = rule.when;
  const clause = `sla.credits[${ruleIndex}]`;
  const base = { ruleIndex, clause, percent: rule.credit.text };
  const make = (
    fields: { measure: string; rule: string; measured: string; threshold: string; status: 'applies' | 'not-met' | 'no-data'; reason: string; evidence: Evidence },
    group: string,
    severity: readonly number[],
  ): RankedOutcome => ({
    outcome: { ...base, ...fields, rule: rule.description ?? fields.rule },
    group,
    severity,
    applies: fields.status === 'applies',
  });

  switch (when.measure) {
    case 'serviceLevel': {
      const spec = contract.sla?.serviceLevels?.find((l) => l.id === when.id);
      const fraction = when.test === 'below' ? when.below.fraction : spec?.atLeast.fraction;
      const text = when.test === 'below' ? when.below.text : spec?.atLeast.text;
      const threshold = when.test === 'below' ? `below ${text}` : `missed: below its ${text ?? '(unknown)'} target`;
      const label = `Service level ${when.id}`;
      const ruleText = when.test === 'below' ? `${label} below ${text}` : `${label} missed`;
      const measure = `service level ${when.id}`;
      // A missed service level is attainment below its own target: a band like any `below`.
      const severity = [-Number(fraction ?? '0')];
      const score = scorecard.serviceLevels.find((l) => l.id === when.id);
      if (!score || !score.attainment || fraction === undefined) {
        return make({ measure, rule: ruleText, measured: 'no data', threshold, status: 'no-data', reason: `no ${score ? 'settled clocks' : 'score'} for ${when.id} in ${scorecard.month}`, evidence: none }, measure, severity);
      }
      const below = compareShare(score.attainment, fraction) < 0;
      const measured = describeShare(score.attainment, 'clocks met');
      const evidence: Evidence = { kind: 'tickets', ids: score.breachedTickets, note: `${score.breached} breached of ${score.settled} settled` };
      return make({ measure, rule: ruleText, measured, threshold, status: below ? 'applies' : 'not-met', reason: below ? `${score.attainment.percent} is ${threshold}` : `${score.attainment.percent} is not below ${text}`, evidence }, measure, severity);
    }
    case 'quality': {
      const measure = `quality ${when.id}`;
      const score = scorecard.quality.find((q) => q.id === when.id);
      const threshold = `missed: ${score?.target ?? 'its target'}`;
      const ruleText = `Quality measure ${when.id} missed`;
      if (!score || score.result === 'no-data') {
        return make({ measure, rule: ruleText, measured: 'no data', threshold, status: 'no-data', reason: `no data for ${when.id} in ${scorecard.month}`, evidence: none }, measure, [0]);
      }
      const measured = score.share ? describeShare(score.share, 'tickets') : score.meanSeconds !== undefined ? `mean ${formatSeconds(score.meanSeconds)} over ${score.count} tickets` : `${score.count} tickets`;
      const missed = score.result === 'missed';
      return make({ measure, rule: ruleText, measured, threshold, status: missed ? 'applies' : 'not-met', reason: missed ? `${when.id} missed its target (${score.target})` : `${when.id} met its target (${score.target})`, evidence: { kind: 'tickets', ids: score.tickets } }, measure, [0]);
    }
    case 'availability': {
      const score = scorecard.availability.find((a) => a.id === when.id);
      const evidence: Evidence = score ? { kind: 'outages', ids: score.outages, note: `${formatSeconds(score.outageSeconds)} of outage in ${formatSeconds(score.periodSeconds)} of open time on the ${score.calendar} calendar` } : none;
      if (when.test === 'below') {
        const measure = `availability ${when.id}`;
        const threshold = `below ${when.below.text}`;
        const severity = [-Number(when.below.fraction)];
        const ruleText = `Availability of ${when.id} below ${when.below.text}`;
        if (!score || !score.availability) {
          return make({ measure, rule: ruleText, measured: 'no data', threshold, status: 'no-data', reason: `no open time measured for ${when.id} in ${scorecard.month}`, evidence: none }, measure, severity);
        }
        const below = compareShare(score.availability, when.below.fraction) < 0;
        const measured = `${score.availability.percent} (${formatSeconds(score.outageSeconds)} down of ${formatSeconds(score.periodSeconds)})`;
        return make({ measure, rule: ruleText, measured, threshold, status: below ? 'applies' : 'not-met', reason: below ? `${score.availability.percent} is ${threshold}` : `${score.availability.percent} is not below ${when.below.text}`, evidence }, measure, severity);
      }
      const limitSeconds = secondsOf(when.longestOutageOver);
      const measure = `longest outage of ${when.id}`;
      const threshold = `over ${when.longestOutageOver.text}`;
      const ruleText = `Longest outage of ${when.id} over ${when.longestOutageOver.text}`;
      if (!score || score.result === 'no-data') {
        return make({ measure, rule: ruleText, measured: 'no data', threshold, status: 'no-data', reason: `no open time measured for ${when.id} in ${scorecard.month}`, evidence: none }, measure, [limitSeconds]);
      }
      const over = score.longestOutageSeconds > limitSeconds;
      const measured = `longest outage ${formatSeconds(score.longestOutageSeconds)}`;
      return make({ measure, rule: ruleText, measured, threshold, status: over ? 'applies' : 'not-met', reason: over ? `${formatSeconds(score.longestOutageSeconds)} is over ${when.longestOutageOver.text}` : `${formatSeconds(score.longestOutageSeconds)} is not over ${when.longestOutageOver.text}`, evidence }, measure, [limitSeconds]);
    }
    case 'vendorReport': {
      const measure = 'vendor report';
      const report = scorecard.vendorReport;
      const threshold = when.test;
      const ruleText = `Vendor report ${when.test}`;
      // Missing is worse than late; a report is never both.
      const severity = [when.test === 'missing' ? 2 : 1];
      if (!report || report.result === 'not-due') {
        return make({ measure, rule: ruleText, measured: report ? 'not due yet' : 'no data', threshold, status: 'no-data', reason: report ? `the ${scorecard.month} report is not due yet` : 'the contract names no vendor report', evidence: none }, measure, severity);
      }
      const applies = report.result === when.test;
      // Local times only where they are evidence: formatting in a zone costs more than the rest of the rule.
      const due = applies ? formatInZone(report.dueAt, scorecard.zone) : '';
      const measured = !applies ? report.result : report.deliveredAt === undefined ? `not delivered (due ${due})` : `delivered ${formatInZone(report.deliveredAt, scorecard.zone)} (due ${due})`;
      const evidence: Evidence = { kind: 'vendor-report', ids: [`${scorecard.month} report`], note: measured };
      return make({ measure, rule: ruleText, measured, threshold, status: applies ? 'applies' : 'not-met', reason: applies ? `the ${scorecard.month} report is ${report.result}` : `the ${scorecard.month} report is ${report.result}, not ${when.test}`, evidence }, measure, severity);
    }
  }
}
