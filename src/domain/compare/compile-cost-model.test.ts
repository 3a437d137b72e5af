import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LoadedContract } from '../contract/parse-contract.js';
import { computeMonthCharges } from '../settlement/compute-month-charges.js';
import { compileCostModel } from './compile-cost-model.js';
import { countsForMonth, prepareProposal } from './prepare-proposal.js';
import { projectCosts } from './project-costs.js';
import { bandContract, flatForecast, loadExample } from './test-support/compare-fixtures.js';

const proposals: [string, LoadedContract, string][] = [
  ['northstar (graduated, minimum, extra)', loadExample('northstar-tiered'), '2027-03'],
  ['bayline (per incident, volume discount)', loadExample('bayline-per-incident'), '2027-04'],
  ['draft (fixed)', loadExample('draft-with-gaps'), '2027-02'],
  ['volume bands, half-even', bandContract('v', 'volume', [[100, '10.005'], [1000, '9.0051'], [undefined, '8.50']], { rounding: 'half-even' }), '2027-02'],
];
const forecast = flatForecast(['P1', 'P2', 'P3', 'P4'].map((priority) => ({ priority, channel: 'phone', count: 1 })), ['2027-01']);

describe('compileCostModel', () => {
  it.each(proposals)('gives %s the fees computeMonthCharges gives, for any counts', (_name, loaded, month) => {
    const prepared = prepareProposal(loaded, forecast);
    const model = compileCostModel(prepared);
    const known = prepared.priorities;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2500 }), { minLength: known.length, maxLength: known.length }), fc.array(fc.integer({ min: 0, max: 30 }), { minLength: prepared.extras.length, maxLength: prepared.extras.length }), (counts, extras) => {
        const byPriority = Object.fromEntries(known.map((p, i) => [p, counts[i]!]).filter(([, n]) => n !== 0));
        // The settlement code takes an extra's tickets by id; these ids only give the count.
        const extraTickets = Object.fromEntries(prepared.extras.map((e, i) => [e.id, Array.from({ length: extras[i]! }, (_, k) => `T-${k}`)]));
        const exact = computeMonthCharges(loaded.contract, { month, volumes: { resolvedByPriority: byPriority, createdByPriority: byPriority, extras: extraTickets } });
        expect(model.feesMinor(counts, extras)).toBe(Number(exact.fees.minor));
      }),
      { numRuns: 150 },
    );
  });

  it('matches the deterministic projection month by month on the example forecast mix', () => {
    const cells = [
      { priority: 'P1', channel: 'phone', count: 17 },
      { priority: 'P2', channel: 'chat', count: 133 },
      { priority: 'P3', channel: 'email', count: 702 },
      { priority: 'P4', channel: 'portal', count: 377 },
    ];
    const model4 = flatForecast(cells, ['2027-01', '2027-02', '2027-03']);
    for (const [, loaded] of proposals) {
      const prepared = prepareProposal(loaded, model4);
      const model = compileCostModel(prepared);
      const projection = projectCosts(prepared, model4);
      projection.months.forEach((month, m) => {
        const { byPriority, extras } = countsForMonth(prepared, model4.expected[m]!, m);
        const counts = prepared.priorities.map((p) => byPriority[p] ?? 0);
        expect(model.feesMinor(counts, extras)).toBe(Number(month.fees.minor));
      });
    }
  });
});
