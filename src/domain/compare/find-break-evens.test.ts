import { describe, expect, it } from 'vitest';
import { compileCostModel } from './compile-cost-model.js';
import { breakEvenMaxVolume, findBreakEvens } from './find-break-evens.js';
import { prepareProposal } from './prepare-proposal.js';
import { bandContract, flatForecast, loadExample } from './test-support/compare-fixtures.js';

const forecast = flatForecast([{ priority: 'P3', channel: 'email', count: 150 }], ['2027-01']);
const modelOf = (loaded: ReturnType<typeof bandContract>) => compileCostModel(prepareProposal(loaded, forecast));

describe('findBreakEvens', () => {
  // A graduated: 1–100 at 10.00, then 8.00 each (8V + 200 above 100).
  // B volume:    1–100 at 10.00, then all at 9.00 (9V above 100).
  const graduated = modelOf(bandContract('a-graduated', 'graduated', [[100, '10.00'], [undefined, '8.00']]));
  const volume = modelOf(bandContract('b-volume', 'volume', [[100, '10.00'], [undefined, '9.00']]));

  it('finds where graduated and volume bands tie: equal to 100 tickets, volume cheaper from 101 to 199, equal at 200 (1,800.00 each), graduated cheaper from 201', () => {
    const analysis = findBreakEvens([graduated, volume], forecast, { maxVolume: 400 });
    expect(analysis.segments).toEqual([
      { fromVolume: 0, toVolume: 100, ranking: [['a-graduated', 'b-volume']] },
      { fromVolume: 101, toVolume: 199, ranking: [['b-volume'], ['a-graduated']] },
      { fromVolume: 200, toVolume: 200, ranking: [['a-graduated', 'b-volume']] },
      { fromVolume: 201, toVolume: 400, ranking: [['a-graduated'], ['b-volume']] },
    ]);
    const atTie = analysis.breakEvens.find((b) => b.volume === 200)!;
    expect(atTie.costsAtMinor).toEqual([180_000, 180_000]);
    // At 199: A = 100 × 10 + 99 × 8 = 1,792.00, B = 199 × 9 = 1,791.00.
    expect(atTie.costsBeforeMinor).toEqual([179_200, 179_100]);
    expect(analysis.breakEvens.map((b) => b.volume)).toEqual([101, 200, 201]);
  });

  it('finds a crossing that falls between two whole volumes as the first volume with the new ranking', () => {
    // d: 5.50 a ticket; e: a 7.25 base fee and 5.00 a ticket. 5.5V < 5V + 7.25 while V < 14.5.
    const d = modelOf(bandContract('d', 'graduated', [[undefined, '5.50']]));
    const e = modelOf(bandContract('e-base', 'graduated', [[undefined, '5.00']], { pricingExtra: '  base: { monthly: "7.25" }' }));
    const analysis = findBreakEvens([d, e], forecast, { maxVolume: 100 });
    expect(analysis.breakEvens.map((b) => [b.volume, b.after])).toEqual([[15, [['e-base'], ['d']]]]);
    expect(analysis.segments[0]).toEqual({ fromVolume: 0, toVolume: 14, ranking: [['d'], ['e-base']] });
  });

  it('reports no break-even when the ranking never changes', () => {
    const cheap = modelOf(bandContract('cheap', 'graduated', [[undefined, '4.00']]));
    const dear = modelOf(bandContract('dear', 'graduated', [[undefined, '6.00']], { pricingExtra: '  base: { monthly: "1.00" }' }));
    const analysis = findBreakEvens([dear, cheap], forecast, { maxVolume: 50 });
    expect(analysis.breakEvens).toEqual([]);
    expect(analysis.segments).toEqual([{ fromVolume: 0, toVolume: 50, ranking: [['cheap'], ['dear']] }]);
  });

  it("reaches past the highest band edge and twice the busiest month, on a round number", () => {
    const northstar = compileCostModel(prepareProposal(loadExample('northstar-tiered'), forecast));
    // Highest edge 1,500 × 1.25 = 1,875 beats 2 × 150: rounded up to 1,900.
    expect(breakEvenMaxVolume([northstar], forecast)).toBe(1900);
  });
});
