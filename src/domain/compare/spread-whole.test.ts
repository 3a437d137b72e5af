import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cumulativeShares, spreadWhole, volumeLadder } from './spread-whole.js';

const weights = fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 12 }).filter((w) => w.some((x) => x > 0));

describe('spreadWhole', () => {
  it('gives each cell the difference of its rounded cumulative shares', () => {
    expect([...spreadWhole(10, cumulativeShares([1, 1, 1]))]).toEqual([3, 4, 3]);
    expect([...spreadWhole(7, cumulativeShares([2, 1, 1]))]).toEqual([4, 1, 2]);
    expect([...spreadWhole(5, cumulativeShares([0, 0]))]).toEqual([0, 0]);
  });

  it('adds up to the total and keeps every part within one ticket of its exact share', () => {
    fc.assert(
      fc.property(weights, fc.integer({ min: 0, max: 100_000 }), (w, total) => {
        const parts = [...spreadWhole(total, cumulativeShares(w))];
        const sum = w.reduce((a, b) => a + b, 0);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        parts.forEach((p, k) => {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(Math.abs(p - (total * w[k]!) / sum)).toBeLessThan(1);
        });
      }),
    );
  });
});

describe('volumeLadder', () => {
  it('adds one ticket a step to the cell furthest below its share', () => {
    const ladder = volumeLadder([3, 1], 8);
    expect([...ladder.countsAt(0)]).toEqual([0, 0]);
    expect([...ladder.countsAt(1)]).toEqual([1, 0]);
    expect([...ladder.countsAt(4)]).toEqual([3, 1]);
    expect([...ladder.countsAt(8)]).toEqual([6, 2]);
  });

  it('never takes a ticket away from a cell as the volume grows, and every volume adds up', () => {
    fc.assert(
      fc.property(weights, fc.integer({ min: 1, max: 700 }), (w, max) => {
        const ladder = volumeLadder(w, max);
        let previous = ladder.countsAt(0);
        for (let v = 1; v <= max; v++) {
          const counts = ladder.countsAt(v);
          expect(counts.reduce((a, b) => a + b, 0)).toBe(v);
          const grew = [...counts].map((c, k) => c - previous[k]!);
          expect(grew.filter((g) => g === 1)).toHaveLength(1);
          expect(grew.every((g) => g === 0 || g === 1)).toBe(true);
          previous = counts;
        }
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a volume outside the ladder', () => {
    expect(() => volumeLadder([1], 5).countsAt(6)).toThrow(RangeError);
  });
});
