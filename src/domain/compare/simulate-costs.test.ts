import { describe, expect, it } from 'vitest';
import { isSupportPactError } from '../errors/index.js';
import { compileCostModel } from './compile-cost-model.js';
import { prepareProposal } from './prepare-proposal.js';
import { projectCosts } from './project-costs.js';
import { simulateCosts } from './simulate-costs.js';
import { bandContract, flatForecast, loadExample, missing } from './test-support/compare-fixtures.js';
import type { ForecastModel } from './forecast-types.js';

const months = ['2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06'];
const cells = [
  { priority: 'P1', channel: 'phone', count: 15 },
  { priority: 'P2', channel: 'chat', count: 120 },
  { priority: 'P3', channel: 'email', count: 700 },
  { priority: 'P4', channel: 'portal', count: 365 },
];

function setUp(forecast: ForecastModel) {
  const prepared = [loadExample('northstar-tiered'), loadExample('bayline-per-incident')].map((l) => prepareProposal(l, forecast));
  return { models: prepared.map(compileCostModel), projections: prepared.map((p) => projectCosts(p, forecast)) };
}

describe('simulateCosts', () => {
  const uncertain = flatForecast(cells, months, { levelCv: 0.15, monthlyCv: 0.08, performance: missing('0.05') });

  it('gives the same figures for the same seed and different ones for another seed', () => {
    const { models } = setUp(uncertain);
    const a = simulateCosts(models, uncertain, { paths: 500, seed: 7 });
    expect(simulateCosts(models, uncertain, { paths: 500, seed: 7 })).toEqual(a);
    expect(simulateCosts(models, uncertain, { paths: 500, seed: 8 }).proposals[0]!.p50Minor).not.toBe(a.proposals[0]!.p50Minor);
    const p = a.proposals[0]!;
    expect(p.p10Minor).toBeLessThan(p.p50Minor);
    expect(p.p50Minor).toBeLessThan(p.p90Minor);
    expect(a.proposals.reduce((sum, s) => sum + s.probabilityCheapest, 0)).toBeCloseTo(1, 12);
  });

  it('reproduces the deterministic projection in every future when nothing is uncertain', () => {
    const certain = flatForecast(cells, months, { performance: missing('0') });
    const { models, projections } = setUp(certain);
    const result = simulateCosts(models, certain, { paths: 50, seed: 1 });
    result.proposals.forEach((s, i) => {
      const total = Number(projections[i]!.totals.total.minor);
      expect([s.p10Minor, s.p50Minor, s.p90Minor, s.meanMinor]).toEqual([total, total, total, total]);
    });
    // Northstar is cheaper at 1,200 tickets a month in every future.
    expect(result.proposals.map((s) => s.probabilityCheapest)).toEqual([1, 0]);
  });

  it('applies the monthly and rolling caps per future: northstar missing every measure is cut to 10% of fees by the rolling cap, as in the projection', () => {
    const allMissed = flatForecast(cells, months, { performance: missing('1') });
    const { models, projections } = setUp(allMissed);
    const result = simulateCosts(models, allMissed, { paths: 20, seed: 3 });
    const northstarTotal = Number(projections[0]!.totals.total.minor);
    expect(result.proposals[0]!.p50Minor).toBe(northstarTotal);
    expect(result.proposals[0]!.p90Minor).toBe(northstarTotal);
  });

  it('shares a tie equally between the proposals that cost the same', () => {
    const forecast = flatForecast([{ priority: 'P3', channel: 'email', count: 50 }], months, { levelCv: 0.2 });
    const twins = ['x', 'y'].map((id) => compileCostModel(prepareProposal(bandContract(id, 'graduated', [[undefined, '3.00']]), forecast)));
    expect(simulateCosts(twins, forecast, { paths: 100, seed: 5 }).proposals.map((s) => s.probabilityCheapest)).toEqual([0.5, 0.5]);
  });

  it('refuses a number of futures outside 1 to 1,000,000 and a seed that is not whole', () => {
    const { models } = setUp(uncertain);
    for (const options of [{ paths: 0, seed: 1 }, { paths: 2_000_000, seed: 1 }, { paths: 10, seed: 1.5 }]) {
      try {
        simulateCosts(models, uncertain, options);
        expect.unreachable();
      } catch (error) {
        expect(isSupportPactError(error) && error.code).toBe('USAGE');
      }
    }
  });
});
