import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactDecimal, money, toMoney, type RoundingMode } from '../money/index.js';
import { multiplierOf } from './fraction-multiplier.js';

const modes: RoundingMode[] = ['half-up', 'half-even', 'down', 'up'];

describe('multiplierOf', () => {
  it('rounds once with the named mode: 23,500.50 × 5% = 1,175.025', () => {
    expect(multiplierOf('0.05', 'half-up')(2_350_050)).toBe(117_503);
    expect(multiplierOf('0.05', 'half-even')(2_350_050)).toBe(117_502);
    expect(multiplierOf('0.05', 'down')(2_350_050)).toBe(117_502);
    expect(multiplierOf('0.05', 'up')(2_350_050)).toBe(117_503);
  });

  it('gives the same minor units as toMoney on the exact product, for safe and for very large products', () => {
    const fraction = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 10 })).map(([w, digits, places]) => (places === 0 ? String(w) : `${w}.${String(digits).padStart(8, '0').slice(0, places)}`));
    fc.assert(
      fc.property(fraction, fc.integer({ min: 0, max: 2 ** 50 }), fc.constantFrom(...modes), (f, minor, mode) => {
        const expected = toMoney(new ExactDecimal(minor).times(f).dividedBy(100), 'USD', mode).minor;
        let got: bigint | undefined;
        try {
          got = BigInt(multiplierOf(f, mode)(minor));
        } catch {
          // Results beyond 2^53 are refused rather than rounded.
          expect(expected > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
          return;
        }
        expect(got).toBe(expected);
      }),
    );
  });

  it('handles a negative amount through the exact path', () => {
    expect(multiplierOf('0.075', 'half-up')(-1000)).toBe(-75);
    expect(money(BigInt(multiplierOf('0.0825', 'half-even')(-250)), 'USD').minor).toBe(-21n);
  });
});
