/**
 * The bounds rule shared by price bands and discount bands: `upTo` is the last unit of a
 * band (inclusive, a whole number), ascending strictly, and only the last band has none
 * (it takes every unit above the band before it).
 */
import type { FieldPath, Problem } from '../errors/index.js';

/**
 * Checks `bands[index].upTo`: with bands `[{ upTo: 500 }, { upTo: 400 }, {}]`, index 1 gives
 * a problem at `bands[1].upTo` ("not above the previous band's upTo 500").
 */
export function checkBandUpTo(
  value: unknown,
  index: number,
  bandCount: number,
  previousUpTo: number | undefined,
  at: FieldPath,
): { upTo: number | undefined; problems: Problem[] } {
  const path = [...at, 'upTo'];
  const isLast = index === bandCount - 1;
  if (value === undefined) {
    if (isLast) return { upTo: undefined, problems: [] };
    const example = (previousUpTo ?? 0) + 100;
    return { upTo: undefined, problems: [{ message: 'only the last band may omit upTo', hint: `give this band the last unit it covers, e.g. upTo: ${example}`, path }] };
  }
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    const shown = typeof value === 'string' ? `the string ${JSON.stringify(value)}` : String(value);
    return { upTo: undefined, problems: [{ message: `upTo is ${shown}, not a whole number of 0 or more`, hint: 'write a plain number without quotes, e.g. upTo: 500', path }] };
  }
  if (isLast) {
    return { upTo: value, problems: [{ message: `the last band has upTo ${value}`, hint: 'remove it: the last band takes every unit above the band before it', path }] };
  }
  if (index > 0 && previousUpTo !== undefined && value <= previousUpTo) {
    return { upTo: value, problems: [{ message: `upTo ${value} is not above the previous band's upTo ${previousUpTo}`, hint: 'list bands in ascending order of upTo', path }] };
  }
  return { upTo: value, problems: [] };
}
