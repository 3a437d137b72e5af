/**
 * Per-incident pricing: each ticket is priced by its priority, and a volume discount
 * picks ONE band's discount from the month's whole count (all priorities together),
 * applied to every line. Amounts are exact decimal strings; the invoice rounds per line.
 *
 * Only `mode: volume` discounts exist: a graduated discount would need to know which
 * priority's tickets fall in the first band, which counts alone cannot say.
 */
import type { FieldPath, Problem } from '../errors/index.js';
import { formatExact, formatPercent, toExact, tryParseAmount, tryParsePercent, type Exact } from '../money/index.js';
import { pricingError } from './check-band-pricing.js';
import { checkBandUpTo } from './check-band-up-to.js';

export interface DiscountBand {
  readonly upTo?: number;
  /** A percentage string: "8%". */
  readonly discount: string;
}

/** The contract's `pricing.perIncident`: `{ byPriority: { P1: "95.00" }, volumeDiscount: { mode: 'volume', bands } }`. */
export interface PerIncidentPricing {
  readonly unit?: string;
  readonly byPriority: Readonly<Record<string, string>>;
  readonly volumeDiscount?: { readonly mode: 'volume'; readonly bands: readonly DiscountBand[] };
}

export interface PerIncidentLine {
  readonly priority: string;
  readonly count: number;
  readonly unitPrice: string;
  /** count × unitPrice. */
  readonly grossAmount: string;
  /** grossAmount × discount rate. */
  readonly discountAmount: string;
  /** grossAmount - discountAmount. */
  readonly amount: string;
}

export interface PerIncidentPrice {
  readonly totalCount: number;
  /** Index of the discount band the total count fell in; `null` without a volume discount. */
  readonly discountBand: number | null;
  /** The discount applied to every line, as written: "8%". */
  readonly discount: string;
  readonly lines: readonly PerIncidentLine[];
  readonly grossAmount: string;
  readonly discountAmount: string;
  readonly amount: string;
}

interface CheckedDiscountBand {
  readonly upTo: number | undefined;
  readonly rate: Exact;
}

/**
 * Prices counts by priority: with bayline's prices and counts P1 10, P2 100, P3 600,
 * P4 490 (1,200 tickets: the 8% band), the lines are 874.00, 5520.00, 17664.00 and
 * 9466.80, total `"33524.80"`. Priorities with a count of 0 get no line.
 */
export function pricePerIncident(
  pricing: PerIncidentPricing,
  countsByPriority: Readonly<Record<string, number>>,
  path: FieldPath = [],
): PerIncidentPrice {
  const problems: Problem[] = [];
  let decimals = 0;
  const prices = new Map<string, Exact>();
  const byPriority: unknown = pricing?.byPriority;
  if (typeof byPriority !== 'object' || byPriority === null || Array.isArray(byPriority) || Object.keys(byPriority).length === 0) {
    throw pricingError([{ message: 'byPriority must map each priority to a price', hint: 'write byPriority: { P1: "95.00", P2: "60.00" }', path: [...path, 'byPriority'] }]);
  }
  for (const [priority, price] of Object.entries(byPriority)) {
    const parsed = tryParseAmount(price, { label: 'price', at: { path: [...path, 'byPriority', priority] } });
    if (parsed.ok) {
      prices.set(priority, parsed.value);
      decimals = Math.max(decimals, parsed.writtenDecimals);
    } else problems.push(...parsed.problems);
  }
  const discountBands = pricing.volumeDiscount === undefined ? undefined : checkDiscountBands(pricing.volumeDiscount, [...path, 'volumeDiscount'], problems);

  let totalCount = 0;
  for (const [priority, count] of Object.entries(countsByPriority)) {
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) {
      problems.push({ message: `count for ${priority} is ${String(count)}, not a whole number of 0 or more`, hint: 'tickets are counted whole', path: ['counts', priority] });
    } else totalCount += count;
    if (!Object.hasOwn(byPriority, priority) && count !== 0) {
      problems.push({ message: `priority ${priority} has tickets but no price`, hint: `add ${priority} to byPriority`, path: [...path, 'byPriority', priority] });
    }
  }
  if (problems.length > 0) throw pricingError(problems);

  let bandIndex: number | null = null;
  let rate = toExact(0);
  if (discountBands) {
    bandIndex = discountBands.findIndex((b) => b.upTo === undefined || totalCount <= b.upTo);
    rate = discountBands[bandIndex]?.rate ?? rate;
  }
  const show = (value: Exact): string => formatExact(value, decimals);
  const lines: PerIncidentLine[] = [];
  let gross = toExact(0);
  let discount = toExact(0);
  for (const [priority, unitPrice] of prices) {
    const count = countsByPriority[priority] ?? 0;
    if (count === 0) continue;
    const lineGross = unitPrice.times(count);
    const lineDiscount = lineGross.times(rate);
    gross = gross.plus(lineGross);
    discount = discount.plus(lineDiscount);
    lines.push({ priority, count, unitPrice: show(unitPrice), grossAmount: show(lineGross), discountAmount: show(lineDiscount), amount: show(lineGross.minus(lineDiscount)) });
  }
  return {
    totalCount,
    discountBand: bandIndex,
    discount: formatPercent(rate),
    lines,
    grossAmount: show(gross),
    discountAmount: show(discount),
    amount: show(gross.minus(discount)),
  };
}

function checkDiscountBands(volumeDiscount: unknown, path: FieldPath, problems: Problem[]): CheckedDiscountBand[] | undefined {
  const spec = volumeDiscount as { mode?: unknown; bands?: unknown };
  if (spec?.mode !== 'volume') {
    const graduated = spec?.mode === 'graduated';
    problems.push({
      message: graduated ? 'graduated discounts are not supported for per-incident prices' : `discount mode ${JSON.stringify(spec?.mode)} is not known`,
      hint: graduated ? 'use mode: volume (the month\'s whole count picks one discount); counts by priority cannot say which tickets fall in the first band' : 'write mode: volume',
      path: [...path, 'mode'],
    });
    return undefined;
  }
  if (!Array.isArray(spec.bands) || spec.bands.length === 0) {
    problems.push({ message: 'bands must be a non-empty list', hint: 'write bands: [{ upTo: 800, discount: "0%" }, { discount: "8%" }]', path: [...path, 'bands'] });
    return undefined;
  }
  const rawBands: unknown[] = spec.bands;
  const bands: CheckedDiscountBand[] = [];
  let previousUpTo: number | undefined = 0;
  rawBands.forEach((raw, index) => {
    const at: FieldPath = [...path, 'bands', index];
    const band = (typeof raw === 'object' && raw !== null ? raw : {}) as { upTo?: unknown; discount?: unknown };
    const bounds = checkBandUpTo(band.upTo, index, rawBands.length, previousUpTo, at);
    problems.push(...bounds.problems);
    const rate = tryParsePercent(band.discount, { label: 'discount', maxPercent: 100, at: { path: [...at, 'discount'] } });
    if (!rate.ok) problems.push(...rate.problems);
    bands.push({ upTo: bounds.upTo, rate: rate.ok ? rate.value : toExact(0) });
    previousUpTo = bounds.upTo;
  });
  return bands;
}
