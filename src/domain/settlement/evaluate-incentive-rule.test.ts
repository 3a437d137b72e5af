import { describe, expect, it } from 'vitest';
import type { ScorecardSummary } from './adjustment-types.js';
import { evaluateIncentiveRule } from './evaluate-incentive-rule.js';
import { example, scorecardFor } from './test-support/fixtures.js';

const northstar = example('northstar-tiered');
const fcrBonus = northstar.sla!.incentives![0]!;
const allMet = northstar.sla!.incentives![1]!;

describe('evaluateIncentiveRule', () => {
  it('earns a level at or above it (atLeast), and not below', () => {
    const at = evaluateIncentiveRule(fcrBonus, 0, scorecardFor(northstar, '2027-03', { quality: { fcr: { share: [16, 20], result: 'met' } } }), new Map());
    const below = evaluateIncentiveRule(fcrBonus, 0, scorecardFor(northstar, '2027-03', { quality: { fcr: { share: [159, 200], result: 'met' } } }), new Map());
    expect([at.outcome.status, below.outcome.status]).toEqual(['applies', 'not-met']);
    expect(at.outcome.measured).toBe('80.00% (16 of 20 tickets)');
  });

  it('needs every month of a consecutive run, naming the month that broke it', () => {
    const months = new Map<string, ScorecardSummary>([
      ['2027-01', scorecardFor(northstar, '2027-01')],
      ['2027-02', scorecardFor(northstar, '2027-02', { levels: { 'p1-resolution': 'no-data', 'p1-response': 'no-data' } })],
    ]);
    const result = evaluateIncentiveRule(allMet, 1, scorecardFor(northstar, '2027-03'), months);
    // February had data for the other service levels, all met: it counts.
    expect(result.outcome.status).toBe('applies');
    expect(result.outcome.measured).toBe('2027-01: all 5 met; 2027-02: all 3 met; 2027-03: all 5 met');
    const noneAtAll = new Map(months).set('2027-02', scorecardFor(northstar, '2027-02', { levels: Object.fromEntries(northstar.sla!.serviceLevels!.map((l) => [l.id, 'no-data' as const])) }));
    expect(evaluateIncentiveRule(allMet, 1, scorecardFor(northstar, '2027-03'), noneAtAll).outcome).toMatchObject({ status: 'no-data', reason: '2027-02: no data' });
  });
});
