import { describe, expect, it } from 'vitest';
import { toExact } from '../money/index.js';
import { allMetProbability, expectedBonusFraction, expectedCappedFraction, expectedCreditFraction } from './expected-adjustments.js';
import { buildPerformanceModel } from './performance-model.js';
import { loadExample, missing } from './test-support/compare-fixtures.js';

const half = (percent: string) => [{ fraction: toExact(0).plus(percent), probability: toExact(0).plus('0.5') }];

describe('expectedCappedFraction', () => {
  it('caps each combination before averaging: two 10% credits each missed half the time under a 15% cap expect 8.75%, not 10%', () => {
    expect(expectedCappedFraction([half('0.10'), half('0.10')], '0.15').toFixed()).toBe('0.0875');
    expect(expectedCappedFraction([half('0.10'), half('0.10')], undefined).toFixed()).toBe('0.1');
    expect(expectedCappedFraction([], '0.15').toFixed()).toBe('0');
  });
});

describe('expectedCreditFraction', () => {
  it("sums northstar's credit groups at their miss chances under its 15% monthly cap", () => {
    const model = buildPerformanceModel(loadExample('northstar-tiered').contract, missing('1'));
    // Every measure missed: 5+5+2+2+2+2 (levels, fcr) + 5 (availability, mildest band) + 3 (outage) + 1 (report) = 27%, capped at 15%.
    expect(expectedCreditFraction(model).toFixed()).toBe('0.15');
    expect(expectedCreditFraction(buildPerformanceModel(loadExample('northstar-tiered').contract, missing('0'))).toFixed()).toBe('0');
  });

  it("cuts only the combinations over the cap: bayline's 4% + 6% + 3% at 5% each is 0.65%, less 0.05³ × 1% for the month all three miss (13% capped at 12%)", () => {
    expect(expectedCreditFraction(buildPerformanceModel(loadExample('bayline-per-incident').contract, missing('0.05'))).toFixed()).toBe('0.00649875');
  });
});

describe('expectedBonusFraction', () => {
  it('earns "all service levels met 3 months running" only from the third month, at (1 - miss)^(5 levels × 3 months)', () => {
    const model = buildPerformanceModel(loadExample('northstar-tiered').contract, missing('0.05'));
    expect(allMetProbability(model).toFixed()).toBe(toExact(0).plus('0.95').pow(5).toFixed());
    expect(expectedBonusFraction(model, 0).toFixed()).toBe('0');
    expect(expectedBonusFraction(model, 1).toFixed()).toBe('0');
    expect(expectedBonusFraction(model, 2).toFixed()).toBe(toExact(0).plus('0.95').pow(15).times('0.03').toFixed());
  });

  it('adds other bonuses at the stated chance: northstar fcr >= 80% (2%) reached half the time', () => {
    const model = buildPerformanceModel(loadExample('northstar-tiered').contract, missing('0', {}, '0.5'));
    // 3% (all met, certain) + 2% × 0.5, under the 5% monthly cap (4% never reaches it).
    expect(expectedBonusFraction(model, 5).toFixed()).toBe('0.04');
  });
});
