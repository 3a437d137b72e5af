/**
 * Whole tickets spread over cells in proportion to weights. Two ways, each keeping the sum
 * exact and every part within one ticket of its exact share:
 * - `spreadWhole`, cumulative rounding (part k is round(T × C_k) − round(T × C_{k−1}) for the
 *   cumulative shares C): no sorting, for a month's tickets in a million simulated months;
 * - `volumeLadder`, one ticket at a time to the cell furthest below its share: each step adds
 *   exactly one ticket, so cost grows step by step with the volume, for cost curves.
 */

/** Cumulative shares of the weights, the last exactly 1: `[0.25, 0.5, 1]` for weights `[1, 1, 2]`; all zeros when the weights sum to 0. */
export function cumulativeShares(weights: readonly number[]): Float64Array {
  const shares = new Float64Array(weights.length);
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return shares;
  let running = 0;
  weights.forEach((w, k) => {
    running += w;
    shares[k] = running / sum;
  });
  // The last share is 1 exactly (not 0.9999999), so the parts add up to the total.
  if (weights.length > 0) shares[weights.length - 1] = 1;
  return shares;
}

/**
 * `spreadWhole(10, cumulativeShares([1, 1, 1]))` is `[3, 4, 3]` (round 3.33, 6.67, 10);
 * `spreadWhole(7, cumulativeShares([2, 1, 1]))` is `[4, 1, 2]` (round 3.5, 5.25, 7).
 * Writes into `out` when given. With all-zero shares every part is 0.
 */
export function spreadWhole(total: number, cumulative: Float64Array, out: number[] | Float64Array = new Array<number>(cumulative.length)): number[] | Float64Array {
  let before = 0;
  for (let k = 0; k < cumulative.length; k++) {
    const upTo = cumulative[k] === 0 ? 0 : Math.round(total * cumulative[k]!);
    out[k] = upTo - before;
    before = upTo;
  }
  return out;
}

/**
 * The cells' counts at every volume from 0 to `maxVolume`, one ticket added per step to the
 * cell with the largest shortfall `volume × share − count` (ties to the first cell):
 * `volumeLadder([3, 1], 4).countsAt(4)` is `[3, 1]`, and `countsAt(1)` is `[1, 0]`.
 */
export function volumeLadder(weights: readonly number[], maxVolume: number): { countsAt(volume: number): Int32Array } {
  const cells = weights.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  // Which cell the v-th ticket goes to; counts at any volume are rebuilt from checkpoints every 256 steps.
  const step = new Int32Array(maxVolume + 1).fill(-1);
  const every = 256;
  const checkpoints: Int32Array[] = [];
  const counts = new Int32Array(cells);
  for (let v = 1; v <= maxVolume; v++) {
    if ((v - 1) % every === 0) checkpoints.push(Int32Array.from(counts));
    if (sum <= 0) continue;
    let best = 0;
    let bestShortfall = -Infinity;
    for (let k = 0; k < cells; k++) {
      const shortfall = (v * weights[k]!) / sum - counts[k]!;
      if (weights[k]! > 0 && shortfall > bestShortfall) {
        best = k;
        bestShortfall = shortfall;
      }
    }
    counts[best]! += 1;
    step[v] = best;
  }
  return {
    countsAt(volume: number): Int32Array {
      if (!Number.isSafeInteger(volume) || volume < 0 || volume > maxVolume) throw new RangeError(`volume ${volume} is outside 0..${maxVolume}`);
      const base = Math.floor(Math.max(0, volume - 1) / every);
      const result = Int32Array.from(checkpoints[base] ?? new Int32Array(cells));
      for (let v = base * every + 1; v <= volume; v++) if (step[v]! >= 0) result[step[v]!]! += 1;
      return result;
    },
  };
}
