/**
 * Splits money by ratios so the parts add back exactly to the whole (largest-remainder
 * method). Each part is the exact share rounded down, in minor units; the units left
 * over go one each to the parts with the largest remainders, ties to the earlier part.
 * A negative amount is split as its magnitude, then negated, so signs mirror.
 */
import { SupportPactError, type Problem } from '../errors/index.js';
import { scaledIntegerOf } from './exact-decimal.js';
import type { Money } from './money.js';
import { tryParseAmount } from './parse-amount.js';

/** A ratio: a decimal string ("0.25"), a whole number (3) or a bigint. */
export type Ratio = string | number | bigint;

/**
 * `allocate(USD 100.00, [1, 1, 1])` is USD 33.34, 33.33, 33.33;
 * `allocate(USD 0.05, ['0.3', '0.7'])` is USD 0.02, 0.03 (exact shares 1.5 and 3.5 cents).
 */
export function allocate(amount: Money, ratios: readonly Ratio[]): Money[] {
  const weights = integerWeights(ratios);
  const total = weights.reduce((a, b) => a + b, 0n);
  const magnitude = amount.minor < 0n ? -amount.minor : amount.minor;
  const floors = weights.map((w) => (magnitude * w) / total);
  const remainders = weights.map((w) => (magnitude * w) % total);
  let leftover = magnitude - floors.reduce((a, b) => a + b, 0n);
  // Indexes by remainder, largest first; equal remainders keep index order (stable sort).
  const order = remainders.map((_, i) => i).sort((a, b) => {
    const ra = remainders[a] ?? 0n;
    const rb = remainders[b] ?? 0n;
    return ra > rb ? -1 : ra < rb ? 1 : a - b;
  });
  const parts = [...floors];
  // leftover < number of parts with a non-zero remainder, so a zero ratio never gets a unit.
  for (const i of order) {
    if (leftover === 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    leftover -= 1n;
  }
  return parts.map((minor) => ({ minor: amount.minor < 0n ? -minor : minor, currency: amount.currency }));
}

/** Ratios scaled to integers with a common denominator: ["0.3", 1] becomes [3n, 10n]. */
function integerWeights(ratios: readonly Ratio[]): bigint[] {
  const problems: Problem[] = [];
  const parsed = ratios.map((ratio, index) => {
    const at = { path: ['ratios', index] };
    if (typeof ratio === 'bigint') {
      if (ratio < 0n) problems.push({ message: `ratio ${ratio} is negative`, hint: 'ratios are shares: 0 or more', ...at });
      return { units: ratio, decimals: 0 };
    }
    if (typeof ratio === 'number') {
      if (!Number.isSafeInteger(ratio) || ratio < 0) {
        problems.push({ message: `ratio ${ratio} is not a whole number of 0 or more`, hint: `pass fractional ratios as strings, e.g. "0.3"`, ...at });
        return { units: 0n, decimals: 0 };
      }
      return { units: BigInt(ratio), decimals: 0 };
    }
    const result = tryParseAmount(ratio, { label: 'ratio', at });
    if (!result.ok) {
      problems.push(...result.problems);
      return { units: 0n, decimals: 0 };
    }
    return scaledIntegerOf(result.value);
  });
  if (ratios.length === 0) problems.push({ message: 'no ratios given', hint: 'pass at least one ratio, e.g. [1, 1]' });
  else if (problems.length === 0 && parsed.every((p) => p.units === 0n)) {
    problems.push({ message: 'all ratios are zero', hint: 'at least one ratio must be above zero' });
  }
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new SupportPactError('MONEY_INVALID', `cannot allocate: ${first.message}`, { problems });
  }
  const decimals = Math.max(...parsed.map((p) => p.decimals));
  return parsed.map((p) => p.units * 10n ** BigInt(decimals - p.decimals));
}
