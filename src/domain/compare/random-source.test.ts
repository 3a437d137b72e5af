import { describe, expect, it } from 'vitest';
import { createRandomSource } from './random-source.js';
import { percentileOfSorted } from './percentile.js';

describe('createRandomSource', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = createRandomSource(42);
    const b = createRandomSource(42);
    const c = createRandomSource(43);
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('draws multipliers with mean 1 and the asked coefficient of variation (20,000 draws within 1%)', () => {
    const random = createRandomSource(7);
    const draws = Array.from({ length: 20_000 }, () => random.multiplier(0.15));
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    const sd = Math.sqrt(draws.reduce((a, d) => a + (d - mean) ** 2, 0) / (draws.length - 1));
    expect(mean).toBeCloseTo(1, 2);
    expect(sd / mean).toBeGreaterThan(0.14);
    expect(sd / mean).toBeLessThan(0.16);
    expect(random.multiplier(0)).toBe(1);
  });
});

describe('percentileOfSorted', () => {
  it('takes the nearest rank: one of the values, never an interpolation', () => {
    expect(percentileOfSorted([10, 20, 30, 40], 0.5)).toBe(20);
    expect(percentileOfSorted([10, 20, 30, 40], 0.9)).toBe(40);
    expect(percentileOfSorted([10, 20, 30, 40], 0.1)).toBe(10);
    expect(percentileOfSorted([5], 0.5)).toBe(5);
    expect(() => percentileOfSorted([], 0.5)).toThrow(RangeError);
    expect(() => percentileOfSorted([1], 0)).toThrow(RangeError);
  });
});
