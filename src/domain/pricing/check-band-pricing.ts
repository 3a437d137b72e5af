/**
 * Band pricing as written in a contract (or passed to the library), checked once into
 * exact decimals. Every problem is reported together, each with its field path
 * (`bands[1].upTo`) and what to write instead.
 */
import { SupportPactError, formatFieldPath, type FieldPath, type Problem } from '../errors/index.js';
import { toExact, tryParseAmount, type Exact } from '../money/index.js';
import { checkBandUpTo } from './check-band-up-to.js';

export type BandMode = 'graduated' | 'volume' | 'package';
export const bandModes: readonly BandMode[] = ['graduated', 'volume', 'package'];

/** One band: `upTo` is the last unit in it (inclusive); the last band has none. Amounts are decimal strings. */
export interface PriceBand {
  readonly upTo?: number;
  readonly unitPrice?: string;
  readonly flatFee?: string;
}

/** `{ mode: 'graduated', bands: [{ upTo: 500, unitPrice: '18.00' }, { unitPrice: '15.00' }] }`. */
export interface BandPricing {
  readonly mode: BandMode;
  /** What one unit is (`resolved-ticket`); descriptive only. */
  readonly unit?: string;
  readonly bands?: readonly PriceBand[];
  readonly packageSize?: number;
  readonly packagePrice?: string;
  readonly freeUnits?: number;
}

export interface CheckedBand {
  readonly index: number;
  /** First unit in the band: 1 for the first band, previous `upTo` + 1 after. */
  readonly fromUnit: number;
  readonly upTo: number | undefined;
  readonly unitPrice: Exact;
  readonly flatFee: Exact;
}

export type CheckedBandPricing =
  | { readonly mode: 'graduated' | 'volume'; readonly bands: readonly CheckedBand[]; readonly decimals: number }
  | { readonly mode: 'package'; readonly packageSize: number; readonly packagePrice: Exact; readonly freeUnits: number; readonly decimals: number };

const topKeys: Record<BandMode, readonly string[]> = {
  graduated: ['mode', 'unit', 'bands'],
  volume: ['mode', 'unit', 'bands'],
  package: ['mode', 'unit', 'packageSize', 'packagePrice', 'freeUnits'],
};
const bandKeys = ['upTo', 'unitPrice', 'flatFee'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks band pricing into exact decimals, or throws MONEY_INVALID listing every problem:
 * bands `[{ upTo: 500, ... }, { upTo: 400, ... }, {...}]` fail at `bands[1].upTo`. `path`
 * prefixes field paths (`['pricing', 'tiers']`).
 */
export function checkBandPricing(input: unknown, path: FieldPath = []): CheckedBandPricing {
  const problems: Problem[] = [];
  const add = (at: FieldPath, message: string, hint: string): void => {
    problems.push({ message, hint, path: [...path, ...at] });
  };
  if (!isRecord(input)) {
    add([], 'band pricing must be an object', 'write { mode: graduated, bands: [...] }');
    throw pricingError(problems);
  }
  const mode = input['mode'];
  if (typeof mode !== 'string' || !(bandModes as readonly string[]).includes(mode)) {
    add(['mode'], `mode ${JSON.stringify(mode)} is not a band mode`, 'write graduated, volume or package');
    throw pricingError(problems);
  }
  const bandMode = mode as BandMode;
  for (const key of Object.keys(input)) {
    if (!topKeys[bandMode].includes(key)) {
      const hint = bandMode === 'package' ? 'package mode takes packageSize, packagePrice and freeUnits' : `${bandMode} mode takes bands; for free units use a first band with unitPrice "0.00"`;
      add([key], `${key} is not used in ${bandMode} mode`, hint);
    }
  }
  let decimals = 0;
  const amount = (value: unknown, at: FieldPath, label: string): Exact | undefined => {
    const result = tryParseAmount(value, { label, at: { path: [...path, ...at] } });
    if (!result.ok) {
      problems.push(...result.problems);
      return undefined;
    }
    decimals = Math.max(decimals, result.writtenDecimals);
    return result.value;
  };
  const whole = (value: unknown, at: FieldPath, label: string, min: number): number | undefined => {
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= min) return value;
    const shown = typeof value === 'string' ? `the string ${JSON.stringify(value)}` : String(value);
    add(at, `${label} is ${shown}, not a whole number of ${min} or more`, `write a plain number without quotes, e.g. ${label}: ${Math.max(min, 100)}`);
    return undefined;
  };

  if (bandMode === 'package') {
    const packageSize = whole(input['packageSize'], ['packageSize'], 'packageSize', 1);
    const packagePrice = amount(input['packagePrice'], ['packagePrice'], 'packagePrice');
    const freeUnits = input['freeUnits'] === undefined ? 0 : whole(input['freeUnits'], ['freeUnits'], 'freeUnits', 0);
    if (problems.length > 0 || packageSize === undefined || packagePrice === undefined || freeUnits === undefined) throw pricingError(problems);
    return { mode: 'package', packageSize, packagePrice, freeUnits, decimals };
  }

  const rawBands = input['bands'];
  if (!Array.isArray(rawBands) || rawBands.length === 0) {
    add(['bands'], 'bands must be a non-empty list', 'write bands: [{ upTo: 500, unitPrice: "18.00" }, { unitPrice: "15.00" }]');
    throw pricingError(problems);
  }
  const bands: CheckedBand[] = [];
  let previousUpTo: number | undefined = 0;
  rawBands.forEach((raw: unknown, index: number) => {
    const at: FieldPath = ['bands', index];
    if (!isRecord(raw)) {
      add(at, 'a band must be an object', 'write { upTo: 500, unitPrice: "18.00" }');
      previousUpTo = undefined;
      return;
    }
    for (const key of Object.keys(raw)) {
      if (!bandKeys.includes(key)) add([...at, key], `${key} is not a band field`, 'a band takes upTo, unitPrice and flatFee');
    }
    const bounds = checkBandUpTo(raw['upTo'], index, rawBands.length, previousUpTo, [...path, ...at]);
    problems.push(...bounds.problems);
    const upTo = bounds.upTo;
    if (raw['unitPrice'] === undefined && raw['flatFee'] === undefined) {
      add(at, 'the band has neither unitPrice nor flatFee', 'write unitPrice: "0.00" for free units');
    }
    const unitPrice = raw['unitPrice'] === undefined ? undefined : amount(raw['unitPrice'], [...at, 'unitPrice'], 'unitPrice');
    const flatFee = raw['flatFee'] === undefined ? undefined : amount(raw['flatFee'], [...at, 'flatFee'], 'flatFee');
    const fromUnit = index === 0 ? 1 : (previousUpTo ?? 0) + 1;
    bands.push({ index, fromUnit, upTo, unitPrice: unitPrice ?? toExact(0), flatFee: flatFee ?? toExact(0) });
    previousUpTo = upTo;
  });
  if (problems.length > 0) throw pricingError(problems);
  return { mode: bandMode, bands, decimals };
}

/** A whole, non-negative quantity, or MONEY_INVALID: `checkQuantity(1200)` is 1200, `checkQuantity(2.5)` throws. */
export function checkQuantity(quantity: unknown, path: FieldPath = ['quantity']): number {
  if (typeof quantity === 'number' && Number.isSafeInteger(quantity) && quantity >= 0) return quantity;
  const shown = typeof quantity === 'string' ? `the string ${JSON.stringify(quantity)}` : String(quantity);
  const why = typeof quantity === 'number' && Number.isFinite(quantity) && quantity >= 0 ? 'units are counted whole (a started ticket is one ticket)' : 'pass a count such as 1200';
  throw pricingError([{ message: `quantity is ${shown}, not a whole number of 0 or more`, hint: why, path }]);
}

/** The MONEY_INVALID error for pricing problems, its message led by the first problem's field path. */
export function pricingError(problems: readonly Problem[]): SupportPactError {
  const first = problems[0];
  const where = first?.path && first.path.length > 0 ? `${formatFieldPath(first.path)}: ` : '';
  const message = first ? `${where}${first.message}${first.hint ? `; ${first.hint}` : ''}` : 'invalid pricing';
  return new SupportPactError('MONEY_INVALID', message, { problems });
}
