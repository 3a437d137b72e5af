/**
 * The usage part of a month's charges, per the pricing model: tiers priced by band
 * (`priceBands`), per-incident prices by priority with the volume discount
 * (`pricePerIncident`), or tickets beyond `base.includedTickets` at `base.overage`.
 * Included tickets come off the count before bands or overage apply.
 */
import type { Contract } from '../contract/schema/contract-schema.js';
import type { Pricing } from '../contract/schema/pricing.js';
import { SupportPactError } from '../errors/index.js';
import { ExactDecimal, toMoney, type RoundingMode } from '../money/index.js';
import { priceBands, pricePerIncident, type BandLine, type BandPricing } from '../pricing/index.js';
import type { InvoiceLine } from './invoice-types.js';
import { formatCount } from './rule-text.js';

export interface BillableUnits {
  readonly unit: 'resolved-ticket' | 'created-ticket';
  readonly count: number;
  readonly byPriority: Readonly<Record<string, number>>;
}

const unitLabels = { 'resolved-ticket': 'Resolved tickets', 'created-ticket': 'Tickets created' } as const;
const none = { kind: 'none', ids: [] } as const;

function contractProblem(message: string, path: (string | number)[], hint: string): SupportPactError {
  return new SupportPactError('CONTRACT_INVALID', message, { problems: [{ message, path, hint }] });
}

/**
 * Northstar (graduated tiers) at 1,200 resolved tickets gives two lines, `Resolved tickets
 * 1–500` 500 × 18.00 = 9,000.00 and `Resolved tickets 501–1,500` 700 × 15.00 = 10,500.00;
 * bayline (per-incident) gives one line per priority with tickets, net of its volume discount.
 */
export function priceUsageLines(contract: Contract, pricing: Pricing, units: BillableUnits, currency: string, rounding: RoundingMode): { lines: InvoiceLine[]; notes: string[] } {
  const included = pricing.base?.includedTickets ?? 0;
  const billable = Math.max(0, units.count - included);
  const label = unitLabels[units.unit];
  const notes: string[] = [];
  if (included > 0) notes.push(`${formatCount(included)} tickets are included in the base fee; ${formatCount(units.count)} ${label.toLowerCase()} leave ${formatCount(billable)} billable.`);
  const money = (exact: string): ReturnType<typeof toMoney> => toMoney(new ExactDecimal(exact), currency, rounding);

  const useTiers = pricing.tiers !== undefined && (pricing.model === 'tiered' || pricing.model === 'hybrid');
  const usePerIncident = !useTiers && pricing.perIncident !== undefined && (pricing.model === 'per-incident' || pricing.model === 'hybrid');
  if (pricing.model === 'tiered' && !pricing.tiers) throw contractProblem('the pricing model is tiered but there are no tiers', ['pricing', 'tiers'], 'add tiers with bands, or change the model');
  if (pricing.model === 'per-incident' && !pricing.perIncident) throw contractProblem('the pricing model is per-incident but there are no per-incident prices', ['pricing', 'perIncident'], 'add perIncident.byPriority, or change the model');

  if (useTiers && pricing.tiers) {
    const bands = pricing.tiers as BandPricing;
    const price = priceBands(bands, billable, ['pricing', 'tiers']);
    if (price.mode === 'package') {
      const p = price.package;
      return {
        notes,
        lines: [{
          id: 'usage-package',
          kind: 'usage',
          description: `${label} in packages of ${formatCount(p.packageSize)}`,
          quantity: String(p.packages),
          unit: 'package',
          unitPrice: p.packagePrice,
          amount: money(p.amount),
          clause: 'pricing.tiers',
          evidence: none,
          notes: [`${formatCount(billable)} billable, ${formatCount(p.freeUnits)} free: ${formatCount(p.billableUnits)} in ${formatCount(p.packages)} started packages`],
        }],
      };
    }
    const bandText = (b: BandLine): string => (b.upTo === null ? `from ${formatCount(b.fromUnit)}` : `${formatCount(b.fromUnit)}–${formatCount(b.upTo)}`);
    const lines = price.lines
      .filter((b) => b.units > 0 || new ExactDecimal(b.flatFee).greaterThan(0))
      .map((b): InvoiceLine => ({
        id: `usage-${b.band + 1}`,
        kind: 'usage',
        description: price.mode === 'volume' ? `${label}: all ${formatCount(b.units)} at band ${b.band + 1} (${bandText(b)})` : `${label} ${bandText(b)}`,
        quantity: String(b.units),
        unit: 'ticket',
        unitPrice: b.unitPrice,
        amount: money(b.amount),
        clause: `pricing.tiers.bands[${b.band}]`,
        evidence: none,
        notes: [`${formatCount(b.units)} × ${b.unitPrice}${new ExactDecimal(b.flatFee).isZero() ? '' : ` + flat fee ${b.flatFee}`}`],
      }));
    if (lines.length === 0) notes.push(`No ${label.toLowerCase()} this month: no usage charge.`);
    return { lines, notes };
  }

  if (usePerIncident && pricing.perIncident) {
    if (included > 0) {
      throw contractProblem(
        'base.includedTickets cannot be combined with per-incident prices: the counts do not say which priorities the included tickets are',
        ['pricing', 'base', 'includedTickets'],
        'use tiers with a first band priced "0.00" up to the included count, or base.overage',
      );
    }
    const spec = pricing.perIncident;
    const price = pricePerIncident(
      {
        byPriority: spec.byPriority,
        ...(spec.volumeDiscount ? { volumeDiscount: { mode: 'volume' as const, bands: spec.volumeDiscount.bands.map((b) => ({ ...(b.upTo !== undefined ? { upTo: b.upTo } : {}), discount: b.discount.text })) } } : {}),
      },
      units.byPriority,
      ['pricing', 'perIncident'],
    );
    const discounted = price.discountBand !== null && price.discount !== '0%';
    if (price.discountBand !== null) notes.push(`${formatCount(price.totalCount)} ${label.toLowerCase()} in the month: volume discount band ${price.discountBand + 1}, ${price.discount} off every per-incident line.`);
    return {
      notes,
      lines: price.lines.map((l): InvoiceLine => {
        const name = contract.sla?.priorities[l.priority]?.name;
        return {
          id: `per-incident-${l.priority}`,
          kind: 'per-incident',
          description: `${label}, ${l.priority}${name ? ` (${name})` : ''}${discounted ? ` less ${price.discount} volume discount` : ''}`,
          quantity: String(l.count),
          unit: 'ticket',
          unitPrice: l.unitPrice,
          amount: money(l.amount),
          clause: `pricing.perIncident.byPriority.${l.priority}`,
          evidence: none,
          notes: discounted ? [`${formatCount(l.count)} × ${l.unitPrice} = ${l.grossAmount}, less ${price.discount} (${l.discountAmount})`] : [`${formatCount(l.count)} × ${l.unitPrice}`],
        };
      }),
    };
  }

  const overage = pricing.base?.overage;
  if (overage !== undefined && billable > 0) {
    return {
      notes,
      lines: [{
        id: 'overage',
        kind: 'overage',
        description: included > 0 ? `${label} beyond the ${formatCount(included)} included` : `${label} at the overage price`,
        quantity: String(billable),
        unit: 'ticket',
        unitPrice: overage,
        amount: money(new ExactDecimal(overage).times(billable).toFixed()),
        clause: 'pricing.base.overage',
        evidence: none,
        notes: [`${formatCount(billable)} × ${overage}`],
      }],
    };
  }
  return { lines: [], notes };
}
