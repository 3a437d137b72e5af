import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../money/index.js';
import type { BandPricing } from './check-band-pricing.js';
import { priceBands, priceQuantity } from './price-bands.js';

/** northstar-tiered.contract.yaml, pricing.tiers. */
const northstar: BandPricing = {
  mode: 'graduated',
  unit: 'resolved-ticket',
  bands: [{ upTo: 500, unitPrice: '18.00' }, { upTo: 1500, unitPrice: '15.00' }, { unitPrice: '12.50' }],
};

/** Unit prices on bayline's band bounds (800, 2000): 32.00 less 0%, 8%, 12%. */
const baylineVolume: BandPricing = {
  mode: 'volume',
  bands: [{ upTo: 800, unitPrice: '32.00' }, { upTo: 2000, unitPrice: '29.44' }, { unitPrice: '28.16' }],
};

describe('priceQuantity', () => {
  it('prices 1,200 tickets on northstar\'s graduated bands as 500 × 18 + 700 × 15 = 19,500.00', () => {
    expect(priceQuantity(northstar, 1200)).toBe('19500.00');
  });

  it('uses all three northstar bands above 1,500 tickets: 500 × 18 + 1000 × 15 + 500 × 12.50 = 30,250.00', () => {
    expect(priceQuantity(northstar, 2000)).toBe('30250.00');
    expect(priceQuantity(northstar, 0)).toBe('0.00');
    expect(priceQuantity(northstar, 500)).toBe('9000.00');
    expect(priceQuantity(northstar, 501)).toBe('9015.00');
  });

  it('prices the whole quantity at the containing band in volume mode (bayline bounds)', () => {
    expect(priceQuantity(baylineVolume, 1200)).toBe('35328.00'); // 1200 × 29.44
    expect(priceQuantity(baylineVolume, 800)).toBe('25600.00'); // 800 × 32.00: upTo is inclusive
    expect(priceQuantity(baylineVolume, 801)).toBe('23581.44'); // 801 × 29.44
    expect(priceQuantity(baylineVolume, 2001)).toBe('56348.16'); // 2001 × 28.16
    expect(priceQuantity(baylineVolume, 0)).toBe('0.00');
  });

  it('ties graduated and volume in the top band of bands built to meet, but not below it', () => {
    const bands = [{ upTo: 100, unitPrice: '2.00' }, { upTo: 200, unitPrice: '4.00' }, { unitPrice: '3.00' }];
    // 250 units, graduated: 100 × 2.00 + 100 × 4.00 + 50 × 3.00 = 200 + 400 + 150 = 750.00
    expect(priceQuantity({ mode: 'graduated', bands }, 250)).toBe('750.00');
    // 250 units, volume: all at band 3's 3.00 = 750.00 (band 1 saves 100, band 2 costs 100 more)
    expect(priceQuantity({ mode: 'volume', bands }, 250)).toBe('750.00');
    // 150 units part ways: graduated 100 × 2.00 + 50 × 4.00 = 400.00, volume 150 × 4.00 = 600.00
    expect(priceQuantity({ mode: 'graduated', bands }, 150)).toBe('400.00');
    expect(priceQuantity({ mode: 'volume', bands }, 150)).toBe('600.00');
  });

  it('charges the first band\'s flat fee at zero units, as Lago does', () => {
    const bands = [{ upTo: 10, unitPrice: '1.00', flatFee: '50.00' }, { unitPrice: '0.50', flatFee: '20.00' }];
    expect(priceQuantity({ mode: 'graduated', bands }, 0)).toBe('50.00');
    expect(priceQuantity({ mode: 'volume', bands }, 0)).toBe('50.00');
    // Entering band 2 (unit 11) adds its flat fee in graduated mode; volume charges only band 2's.
    expect(priceQuantity({ mode: 'graduated', bands }, 10)).toBe('60.00');
    expect(priceQuantity({ mode: 'graduated', bands }, 11)).toBe('80.50');
    expect(priceQuantity({ mode: 'volume', bands }, 11)).toBe('25.50');
  });

  it('avoids the zero-usage fee with a zero-priced first band (Lago\'s workaround)', () => {
    const bands = [{ upTo: 0, unitPrice: '0' }, { upTo: 10, unitPrice: '1.00', flatFee: '50.00' }, { unitPrice: '0.50' }];
    expect(priceQuantity({ mode: 'graduated', bands }, 0)).toBe('0.00');
    expect(priceQuantity({ mode: 'graduated', bands }, 1)).toBe('51.00');
    expect(priceQuantity({ mode: 'volume', bands }, 0)).toBe('0.00');
  });

  it('prices whole packages after free units: a started package is a whole one', () => {
    const pkg: BandPricing = { mode: 'package', packageSize: 100, packagePrice: '250.00', freeUnits: 50 };
    expect(priceQuantity(pkg, 0)).toBe('0.00');
    expect(priceQuantity(pkg, 50)).toBe('0.00');
    expect(priceQuantity(pkg, 51)).toBe('250.00');
    expect(priceQuantity(pkg, 150)).toBe('250.00');
    expect(priceQuantity(pkg, 151)).toBe('500.00');
    expect(priceQuantity(pkg, 260)).toBe('750.00'); // ceil(210 / 100) = 3
    expect(priceQuantity({ mode: 'package', packageSize: 10, packagePrice: '9.99' }, 1)).toBe('9.99');
  });

  it('keeps prices exact to their written decimals and beyond', () => {
    expect(priceQuantity({ mode: 'volume', bands: [{ unitPrice: '0.00125' }] }, 3)).toBe('0.00375');
    expect(priceQuantity({ mode: 'volume', bands: [{ unitPrice: '1' }] }, 3)).toBe('3');
  });

  it('rejects a fractional or negative quantity: units are counted whole', () => {
    expect(() => priceQuantity(northstar, 2.5)).toThrow('quantity is 2.5, not a whole number of 0 or more; units are counted whole');
    expect(() => priceQuantity(northstar, -1)).toThrow('not a whole number of 0 or more');
    expect(() => priceQuantity(northstar, '12' as unknown as number)).toThrow('the string "12"');
  });

  it('graduated price never falls as the quantity grows', () => {
    const band = fc.record({ width: fc.integer({ min: 1, max: 300 }), price: fc.integer({ min: 0, max: 5000 }), fee: fc.integer({ min: 0, max: 5000 }) });
    fc.assert(
      fc.property(fc.array(band, { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 300 }), (spec, q, step) => {
        let upTo = 0;
        const bands = spec.map((b, i) => {
          upTo += b.width;
          const cents = (n: number) => (n / 100).toFixed(2); // integer cents: exact text
          return i === spec.length - 1 ? { unitPrice: cents(b.price), flatFee: cents(b.fee) } : { upTo, unitPrice: cents(b.price), flatFee: cents(b.fee) };
        });
        const lower = parseAmount(priceQuantity({ mode: 'graduated', bands }, q));
        const higher = parseAmount(priceQuantity({ mode: 'graduated', bands }, q + step));
        expect(higher.greaterThanOrEqualTo(lower)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('volume price at a band boundary uses that band, and one more unit uses the next', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 2, maxLength: 6 }), fc.array(fc.integer({ min: 0, max: 9999 }), { minLength: 6, maxLength: 6 }), (widths, prices) => {
        let upTo = 0;
        const bands = widths.map((w, i) => {
          upTo += w;
          const unitPrice = `${prices[i]}.00`;
          return i === widths.length - 1 ? { unitPrice } : { upTo, unitPrice };
        });
        let bound = 0;
        for (let i = 0; i < widths.length - 1; i++) {
          bound += widths[i]!;
          expect(priceQuantity({ mode: 'volume', bands }, bound)).toBe(`${BigInt(bound) * BigInt(prices[i]!)}.00`);
          expect(priceQuantity({ mode: 'volume', bands }, bound + 1)).toBe(`${BigInt(bound + 1) * BigInt(prices[i + 1]!)}.00`);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('graduated price equals a unit-by-unit sum over the bands (slow oracle)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ width: fc.integer({ min: 1, max: 40 }), price: fc.integer({ min: 0, max: 999 }), fee: fc.integer({ min: 0, max: 999 }) }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 200 }), (spec, q) => {
        let upTo = 0;
        const bounds: number[] = [];
        const bands = spec.map((b, i) => {
          upTo += b.width;
          bounds.push(upTo);
          return i === spec.length - 1 ? { unitPrice: String(b.price), flatFee: String(b.fee) } : { upTo, unitPrice: String(b.price), flatFee: String(b.fee) };
        });
        // Every band whose first unit is reached (band 0 always) adds its fee; then each unit its band's price.
        let total = spec[0]!.fee;
        for (let i = 1; i < spec.length; i++) if (q >= bounds[i - 1]! + 1) total += spec[i]!.fee;
        for (let unit = 1; unit <= q; unit++) {
          const i = bounds.findIndex((b, k) => k === spec.length - 1 || unit <= b);
          total += spec[i]!.price;
        }
        expect(priceQuantity({ mode: 'graduated', bands }, q)).toBe(String(total));
      }),
      { numRuns: 500 },
    );
  });
});

describe('priceBands', () => {
  it('breaks a graduated price down by band, for "usage by band" on invoices', () => {
    const price = priceBands(northstar, 1200);
    expect(price.mode).toBe('graduated');
    expect(price.amount).toBe('19500.00');
    if (price.mode === 'package') throw new Error('expected bands');
    expect(price.lines).toEqual([
      { band: 0, fromUnit: 1, upTo: 500, units: 500, unitPrice: '18.00', unitsAmount: '9000.00', flatFee: '0.00', amount: '9000.00' },
      { band: 1, fromUnit: 501, upTo: 1500, units: 700, unitPrice: '15.00', unitsAmount: '10500.00', flatFee: '0.00', amount: '10500.00' },
    ]);
  });

  it('shows the open last band with upTo null', () => {
    const price = priceBands(northstar, 1600);
    if (price.mode === 'package') throw new Error('expected bands');
    expect(price.lines[2]).toMatchObject({ band: 2, fromUnit: 1501, upTo: null, units: 100, amount: '1250.00' });
  });

  it('shows the one containing band in volume mode', () => {
    const price = priceBands(baylineVolume, 1200);
    if (price.mode === 'package') throw new Error('expected bands');
    expect(price.lines).toEqual([{ band: 1, fromUnit: 801, upTo: 2000, units: 1200, unitPrice: '29.44', unitsAmount: '35328.00', flatFee: '0.00', amount: '35328.00' }]);
  });

  it('shows packages, free and billable units in package mode', () => {
    const price = priceBands({ mode: 'package', packageSize: 100, packagePrice: '250.00', freeUnits: 50 }, 260);
    expect(price).toEqual({
      mode: 'package',
      quantity: 260,
      amount: '750.00',
      package: { freeUnits: 50, billableUnits: 210, packageSize: 100, packages: 3, packagePrice: '250.00', amount: '750.00' },
    });
  });

  it('prefixes error paths with where the bands sit in the contract', () => {
    expect(() => priceBands({ mode: 'graduated', bands: [{ upTo: 5, unitPrice: '1,00' }, { unitPrice: '1' }] }, 1, ['pricing', 'tiers'])).toThrow(
      /^pricing\.tiers\.bands\[0\]\.unitPrice: unitPrice "1,00" uses a comma/,
    );
  });
});
