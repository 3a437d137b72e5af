/**
 * A small seeded pseudo-random source (xoshiro128**, seeded through splitmix32) for the demo
 * data: the same seed always gives the same sequence on every Node version, and nothing here
 * reads `Math.random` or the clock. Not for anything secret.
 */
export interface RandomSource {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  between(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** An index drawn in proportion to `weights` (non-negative, not all zero). */
  weightedIndex(weights: readonly number[]): number;
  /** A shuffled copy (Fisher-Yates); the input is left alone. */
  shuffled<T>(items: readonly T[]): T[];
  /** `n` distinct elements (all when there are fewer), in random order; the input is left alone. */
  sample<T>(items: readonly T[], n: number): T[];
  /** An independent source derived from this one's seed and `label`, so one part's draws never shift another's. */
  fork(label: string): RandomSource;
}

/** splitmix32 step: spreads a 32-bit seed over the 128-bit xoshiro state. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** FNV-1a of a label, mixed with a seed: the seed of a forked source. */
function mixLabel(seed: number, label: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i++) hash = Math.imul(hash ^ label.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

class Xoshiro128 implements RandomSource {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(private readonly seed32: number) {
    const init = { s: seed32 };
    this.a = splitmix32(init);
    this.b = splitmix32(init);
    this.c = splitmix32(init);
    this.d = splitmix32(init);
  }

  next(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  shuffled<T>(items: readonly T[]): T[] {
    return this.sample(items, items.length);
  }

  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    const take = Math.min(Math.max(0, n), copy.length);
    // Partial Fisher-Yates: the first `take` slots end up a uniform sample in random order.
    for (let i = 0; i < take; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      const held = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = held;
    }
    copy.length = take;
    return copy;
  }

  fork(label: string): RandomSource {
    return new Xoshiro128(mixLabel(this.seed32, label));
  }
}

/**
 * Creates the source for a seed (any integer; it is taken modulo 2^32):
 * `createRandomSource(42).int(1, 6)` is the same die roll on every run.
 */
export function createRandomSource(seed: number): RandomSource {
  if (!Number.isInteger(seed)) throw new RangeError(`a demo seed is a whole number, not ${seed}`);
  return new Xoshiro128(seed >>> 0);
}
