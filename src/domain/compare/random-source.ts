/**
 * A small seeded pseudo-random source (sfc32, seeded through splitmix32), so a simulation is
 * the same on every machine for the same seed. Not for anything secret.
 */

export interface RandomSource {
  /** A uniform number in [0, 1). */
  next(): number;
  /** A standard normal draw (Box–Muller). */
  normal(): number;
  /** A positive multiplier with mean 1 and coefficient of variation `cv` (log-normal); 1 when cv is 0. */
  multiplier(cv: number): number;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * `createRandomSource(42).next()` is the same number on every run and machine; seeds are
 * whole numbers (taken modulo 2^32).
 */
export function createRandomSource(seed: number): RandomSource {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const next = (): number => {
    // sfc32 (Chris Doty-Humphrey's small fast counting generator), 32-bit state words.
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next(); // discard the first outputs, as sfc32's author advises
  let spare: number | undefined;
  const normal = (): number => {
    if (spare !== undefined) {
      const value = spare;
      spare = undefined;
      return value;
    }
    let u = next();
    while (u === 0) u = next();
    const v = next();
    const radius = Math.sqrt(-2 * Math.log(u));
    spare = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  };
  const sigmas = new Map<number, number>();
  return {
    next,
    normal,
    multiplier(cv: number): number {
      if (cv <= 0) return 1;
      let sigma = sigmas.get(cv);
      if (sigma === undefined) {
        sigma = Math.sqrt(Math.log(1 + cv * cv));
        sigmas.set(cv, sigma);
      }
      // exp(σZ − σ²/2) has mean 1 and coefficient of variation cv.
      return Math.exp(sigma * normal() - (sigma * sigma) / 2);
    },
  };
}
