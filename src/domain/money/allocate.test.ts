import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from './allocate.js';
import { money } from './money.js';

const usd = (minor: bigint) => money(minor, 'USD');
const minors = (parts: { minor: bigint }[]) => parts.map((p) => p.minor);

describe('allocate', () => {
  it('splits USD 100.00 three ways as 33.34, 33.33, 33.33', () => {
    expect(minors(allocate(usd(10000n), [1, 1, 1]))).toEqual([3334n, 3333n, 3333n]);
  });

  it('gives leftover units to the largest remainders, ties to the earlier part', () => {
    // 5 cents by 0.3 : 0.7 -> exact 1.5 and 3.5; both remainders are halves, so part 0 wins.
    expect(minors(allocate(usd(5n), ['0.3', '0.7']))).toEqual([2n, 3n]);
    // 10 cents by 1 : 2 : 3 -> exact 1.67, 3.33, 5 -> 2, 3, 5.
    expect(minors(allocate(usd(10n), [1, 2, 3]))).toEqual([2n, 3n, 5n]);
  });

  it('mirrors the split for negative amounts', () => {
    expect(minors(allocate(usd(-10000n), [1, 1, 1]))).toEqual([-3334n, -3333n, -3333n]);
  });

  it('never gives a unit to a zero ratio', () => {
    expect(minors(allocate(usd(7n), [0, 1, 0, 1]))).toEqual([0n, 4n, 0n, 3n]);
  });

  it('mixes decimal-string, whole-number and bigint ratios', () => {
    expect(minors(allocate(usd(1000n), ['0.5', 1, 2n]))).toEqual([143n, 286n, 571n]);
  });

  it('rejects no ratios, all-zero ratios, negative and fractional number ratios', () => {
    expect(() => allocate(usd(1n), [])).toThrow('no ratios given');
    expect(() => allocate(usd(1n), [0, '0.00'])).toThrow('all ratios are zero');
    expect(() => allocate(usd(1n), [-1])).toThrow('not a whole number of 0 or more');
    expect(() => allocate(usd(1n), [0.3, 0.7])).toThrow('not a whole number');
    expect(() => allocate(usd(1n), ['-1'])).toThrow('is negative');
    expect(() => allocate(usd(1n), [-1n])).toThrow('is negative');
  });

  it('parts add back to the whole, each within one minor unit of its exact share', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }).filter((r) => r.some((x) => x > 0)),
        (minor, ratios) => {
          const parts = minors(allocate(usd(minor), ratios));
          expect(parts.reduce((a, b) => a + b, 0n)).toBe(minor);
          const total = BigInt(ratios.reduce((a, b) => a + b, 0));
          parts.forEach((part, i) => {
            // |part * total - minor * ratio| < total  <=>  part is the floor or ceiling of the exact share.
            const diff = part * total - minor * BigInt(ratios[i]!);
            expect(diff < total && diff > -total).toBe(true);
          });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('parts for equal ratios differ by at most one minor unit, larger ones first', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.integer({ min: 1, max: 50 }), (minor, n) => {
        const parts = minors(allocate(usd(minor), Array.from({ length: n }, () => 1)));
        const max = parts.reduce((a, b) => (a > b ? a : b));
        const min = parts.reduce((a, b) => (a < b ? a : b));
        expect(max - min <= 1n).toBe(true);
        expect([...parts].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0))).toEqual(parts);
      }),
    );
  });
});
