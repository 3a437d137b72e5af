/**
 * Prices a quantity on bands, exactly (no rounding: the invoice rounds each line).
 * - graduated: each unit is priced in the band it falls in; every band entered adds its
 *   flat fee (the first band's even at quantity 0, as Lago does).
 * - volume: the whole quantity is priced at the one band containing it (band 1 holds
 *   0..upTo, band k holds previous upTo + 1..upTo), plus that band's flat fee only.
 * - package: whole blocks, a started block counting whole:
 *   ceil(max(0, quantity - freeUnits) / packageSize) × packagePrice.
 * Amounts are decimal strings with at least as many decimals as the prices were written
 * with ("18.00" × 1200 is "21600.00").
 */
import type { FieldPath } from '../errors/index.js';
import { formatExact, toExact, type Exact } from '../money/index.js';
import { checkBandPricing, checkQuantity, type BandPricing, type CheckedBand } from './check-band-pricing.js';

/** What one band contributed. */
export interface BandLine {
  readonly band: number;
  readonly fromUnit: number;
  /** Last unit of the band; `null` for the open last band. */
  readonly upTo: number | null;
  /** Units priced at this band's unit price. */
  readonly units: number;
  readonly unitPrice: string;
  /** units × unitPrice. */
  readonly unitsAmount: string;
  readonly flatFee: string;
  /** unitsAmount + flatFee. */
  readonly amount: string;
}

export interface PackageLine {
  readonly freeUnits: number;
  readonly billableUnits: number;
  readonly packageSize: number;
  readonly packages: number;
  readonly packagePrice: string;
  readonly amount: string;
}

export type BandPrice =
  | { readonly mode: 'graduated' | 'volume'; readonly quantity: number; readonly amount: string; readonly lines: readonly BandLine[] }
  | { readonly mode: 'package'; readonly quantity: number; readonly amount: string; readonly package: PackageLine };

/**
 * The exact price of `quantity` units: with northstar's bands (500 at "18.00", to 1500 at
 * "15.00", then "12.50"), `priceQuantity(bands, 1200)` is `"19500.00"` (500 × 18 + 700 × 15).
 */
export function priceQuantity(bands: BandPricing, quantity: number): string {
  return priceBands(bands, quantity).amount;
}

/**
 * The price with its per-band breakdown, for invoices that show usage by band:
 * `priceBands(northstar, 1200).lines` has 500 units at "18.00" and 700 at "15.00".
 */
export function priceBands(bands: BandPricing, quantity: number, path: FieldPath = []): BandPrice {
  const pricing = checkBandPricing(bands, path);
  const units = checkQuantity(quantity);
  const show = (value: Exact): string => formatExact(value, pricing.decimals);

  if (pricing.mode === 'package') {
    const billableUnits = Math.max(0, units - pricing.freeUnits);
    const packages = Math.ceil(billableUnits / pricing.packageSize); // integers: exact below 2^53
    const amount = pricing.packagePrice.times(packages);
    const line: PackageLine = {
      freeUnits: pricing.freeUnits,
      billableUnits,
      packageSize: pricing.packageSize,
      packages,
      packagePrice: show(pricing.packagePrice),
      amount: show(amount),
    };
    return { mode: 'package', quantity: units, amount: line.amount, package: line };
  }

  const lineOf = (band: CheckedBand, bandUnits: number): { line: BandLine; amount: Exact } => {
    const unitsAmount = band.unitPrice.times(bandUnits);
    const amount = unitsAmount.plus(band.flatFee);
    return {
      amount,
      line: {
        band: band.index,
        fromUnit: band.fromUnit,
        upTo: band.upTo ?? null,
        units: bandUnits,
        unitPrice: show(band.unitPrice),
        unitsAmount: show(unitsAmount),
        flatFee: show(band.flatFee),
        amount: show(amount),
      },
    };
  };

  if (pricing.mode === 'volume') {
    // The band containing the quantity; 0 falls in the first band.
    const band = pricing.bands.find((b) => b.upTo === undefined || units <= b.upTo) ?? pricing.bands[pricing.bands.length - 1]!;
    const { line, amount } = lineOf(band, units);
    return { mode: 'volume', quantity: units, amount: show(amount), lines: [line] };
  }

  const lines: BandLine[] = [];
  let total = toExact(0);
  for (const band of pricing.bands) {
    // A band is entered at its first unit; the first band at quantity 0 (its flat fee is due).
    if (band.index > 0 && units < band.fromUnit) break;
    const bandUnits = Math.max(0, Math.min(units, band.upTo ?? units) - (band.fromUnit - 1));
    const { line, amount } = lineOf(band, bandUnits);
    lines.push(line);
    total = total.plus(amount);
  }
  return { mode: 'graduated', quantity: units, amount: show(total), lines };
}
