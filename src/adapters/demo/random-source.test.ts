import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandomSource } from './random-source.js';

const draw = (seed: number, n = 8): number[] => {
  const random = createRandomSource(seed);
  return Array.from({ length: n }, () => random.next());
};

describe('createRandomSource', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('keeps draws in [0, 1) and integers within their inclusive bounds', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 50 }), (seed, min, width) => {
        const random = createRandomSource(seed);
        for (let i = 0; i < 50; i++) {
          const x = random.next();
          const k = random.int(min, min + width);
          if (!(x >= 0 && x < 1) || k < min || k > min + width || !Number.isInteger(k)) return false;
        }
        return true;
      }),
    );
  });

  it('spreads draws evenly: each tenth of [0, 1) gets 10% +- 1% of 100,000 draws', () => {
    const random = createRandomSource(7);
    const bins = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) bins[Math.floor(random.next() * 10)]!++;
    for (const count of bins) expect(Math.abs(count - 10_000)).toBeLessThan(1_000);
  });

  it('draws weighted indexes in proportion to their weights and never a zero weight', () => {
    const random = createRandomSource(11);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[random.weightedIndex([1, 0, 3])]!++;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeGreaterThan(2.7);
    expect(counts[2]! / counts[0]!).toBeLessThan(3.3);
  });

  it('samples distinct elements without touching the input, and forks independent repeatable sources', () => {
    const random = createRandomSource(5);
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const sample = random.sample(items, 5);
    expect(new Set(sample).size).toBe(5);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(random.sample(items, 20).sort()).toEqual(items);
    const a = createRandomSource(5).fork('T-1');
    const b = createRandomSource(5).fork('T-1');
    const c = createRandomSource(5).fork('T-2');
    const seq = (r: typeof a) => [r.next(), r.next(), r.next()];
    const first = seq(a);
    expect(first).toEqual(seq(b));
    expect(first).not.toEqual(seq(c));
  });

  it('refuses a seed that is not a whole number', () => {
    expect(() => createRandomSource(1.5)).toThrow(RangeError);
  });
});
