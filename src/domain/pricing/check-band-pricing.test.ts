import { describe, expect, it } from 'vitest';
import { SupportPactError } from '../errors/index.js';
import { checkBandPricing, checkQuantity } from './check-band-pricing.js';

function problemsOf(input: unknown): { path: string; message: string }[] {
  try {
    checkBandPricing(input);
  } catch (error) {
    if (!(error instanceof SupportPactError)) throw error;
    expect(error.code).toBe('MONEY_INVALID');
    return error.problems.map((p) => ({ path: (p.path ?? []).join('.'), message: p.message }));
  }
  throw new Error('expected problems');
}

describe('checkBandPricing', () => {
  it('accepts the northstar bands and records where each band starts', () => {
    const checked = checkBandPricing({ mode: 'graduated', unit: 'resolved-ticket', bands: [{ upTo: 500, unitPrice: '18.00' }, { upTo: 1500, unitPrice: '15.00' }, { unitPrice: '12.50' }] });
    if (checked.mode === 'package') throw new Error('expected bands');
    expect(checked.bands.map((b) => [b.fromUnit, b.upTo])).toEqual([[1, 500], [501, 1500], [1501, undefined]]);
    expect(checked.decimals).toBe(2);
  });

  it('names the band index of each problem', () => {
    expect(problemsOf({ mode: 'graduated', bands: [{ upTo: 500, unitPrice: '18.00' }, { upTo: 400, unitPrice: '15.00' }, { unitPrice: '12.50' }] })).toEqual([
      { path: 'bands.1.upTo', message: "upTo 400 is not above the previous band's upTo 500" },
    ]);
  });

  it('requires upTo on every band but the last, and none on the last', () => {
    expect(problemsOf({ mode: 'volume', bands: [{ unitPrice: '1' }, { upTo: 10, unitPrice: '2' }] })).toEqual([
      { path: 'bands.0.upTo', message: 'only the last band may omit upTo' },
      { path: 'bands.1.upTo', message: 'the last band has upTo 10' },
    ]);
  });

  it('wants upTo as a whole number, amounts as strings, and reports all problems together', () => {
    expect(problemsOf({ mode: 'graduated', bands: [{ upTo: '500', unitPrice: 18 }, { upTo: 2.5, flatFee: '1e3' }, {}] })).toEqual([
      { path: 'bands.0.upTo', message: 'upTo is the string "500", not a whole number of 0 or more' },
      { path: 'bands.0.unitPrice', message: 'unitPrice is the number 18, not a quoted string (an unquoted 18.00 arrives as 18, its decimals lost)' },
      { path: 'bands.1.upTo', message: 'upTo is 2.5, not a whole number of 0 or more' },
      { path: 'bands.1.flatFee', message: 'flatFee "1e3" uses an exponent' },
      { path: 'bands.2', message: 'the band has neither unitPrice nor flatFee' },
    ]);
  });

  it('rejects negative prices, unknown keys and fields of another mode', () => {
    expect(problemsOf({ mode: 'graduated', freeUnits: 5, bands: [{ unitPrice: '-1.00', price: '2' }] })).toEqual([
      { path: 'freeUnits', message: 'freeUnits is not used in graduated mode' },
      { path: 'bands.0.price', message: 'price is not a band field' },
      { path: 'bands.0.unitPrice', message: 'unitPrice "-1.00" is negative' },
    ]);
    expect(problemsOf({ mode: 'package', packageSize: 0, packagePrice: '10.00', bands: [] })).toEqual([
      { path: 'bands', message: 'bands is not used in package mode' },
      { path: 'packageSize', message: 'packageSize is 0, not a whole number of 1 or more' },
    ]);
  });

  it('rejects an unknown mode, a missing band list and a non-object', () => {
    expect(problemsOf({ mode: 'tiered' })).toEqual([{ path: 'mode', message: 'mode "tiered" is not a band mode' }]);
    expect(problemsOf({ mode: 'volume', bands: [] })).toEqual([{ path: 'bands', message: 'bands must be a non-empty list' }]);
    expect(problemsOf(null)).toEqual([{ path: '', message: 'band pricing must be an object' }]);
    expect(problemsOf({ mode: 'volume', bands: ['x', { unitPrice: '1' }] })).toEqual([{ path: 'bands.0', message: 'a band must be an object' }]);
  });

  it('says in its message where the first problem is and how to fix it', () => {
    expect(() => checkBandPricing({ mode: 'graduated', bands: [{ upTo: 5, unitPrice: '1' }, { upTo: 5, unitPrice: '1' }, { unitPrice: '1' }] }, ['pricing', 'tiers'])).toThrow(
      "pricing.tiers.bands[1].upTo: upTo 5 is not above the previous band's upTo 5; list bands in ascending order of upTo",
    );
  });
});

describe('checkQuantity', () => {
  it('accepts whole counts from 0', () => {
    expect(checkQuantity(0)).toBe(0);
    expect(checkQuantity(1200)).toBe(1200);
  });

  it('rejects fractions, negatives, NaN and text', () => {
    expect(() => checkQuantity(0.5)).toThrow('units are counted whole');
    expect(() => checkQuantity(-3)).toThrow('not a whole number of 0 or more');
    expect(() => checkQuantity(Number.NaN)).toThrow('quantity is NaN');
    expect(() => checkQuantity(2 ** 53)).toThrow('not a whole number');
  });
});
