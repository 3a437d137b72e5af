import { describe, expect, it } from 'vitest';
import { evaluateCreditRule } from './evaluate-credit-rule.js';
import { example, scorecardFor } from './test-support/fixtures.js';

const northstar = example('northstar-tiered');
const rule = (i: number) => northstar.sla!.credits![i]!;

describe('evaluateCreditRule', () => {
  it('applies a service level credit strictly below the target, with the breached tickets as evidence', () => {
    const missed = evaluateCreditRule(northstar, rule(0), 0, scorecardFor(northstar, '2027-03', { levels: { 'p1-response': [18, 20] } }));
    expect(missed.applies).toBe(true);
    expect(missed.outcome).toMatchObject({ clause: 'sla.credits[0]', measured: '90.00% (18 of 20 clocks met)', threshold: 'missed: below its 95% target', percent: '5%' });
    expect(missed.outcome.evidence.ids).toEqual(['P1-RESPONSE-1', 'P1-RESPONSE-2']);
    // 19 of 20 is exactly 95%: met, no credit.
    expect(evaluateCreditRule(northstar, rule(0), 0, scorecardFor(northstar, '2027-03', { levels: { 'p1-response': [19, 20] } })).outcome.status).toBe('not-met');
  });

  it('is no-data, never a credit, when nothing settled', () => {
    const result = evaluateCreditRule(northstar, rule(0), 0, scorecardFor(northstar, '2027-03', { levels: { 'p1-response': 'no-data' } }));
    expect([result.applies, result.outcome.status, result.outcome.reason]).toEqual([false, 'no-data', 'no settled clocks for p1-response in 2027-03']);
  });

  it('ranks availability bands so the lower threshold is the worse band', () => {
    const card = scorecardFor(northstar, '2027-03', { availability: { 'phone-line': { available: [985, 1000] } } });
    const mild = evaluateCreditRule(northstar, rule(6), 6, card);
    const severe = evaluateCreditRule(northstar, rule(7), 7, card);
    expect([mild.group, severe.group]).toEqual(['availability phone-line', 'availability phone-line']);
    expect(severe.severity[0]!).toBeGreaterThan(mild.severity[0]!);
  });

  it('reports the vendor report with its due and delivery times in the contract zone', () => {
    const result = evaluateCreditRule(northstar, rule(9), 9, scorecardFor(northstar, '2027-03', { vendorReport: 'late' }));
    expect(result.outcome.measured).toBe('delivered 2027-04-09T00:00:00-07:00 (due 2027-04-08T00:00:00-07:00)');
    expect(evaluateCreditRule(northstar, rule(9), 9, scorecardFor(northstar, '2027-03', { vendorReport: 'missing' })).outcome.status).toBe('not-met');
  });
});
