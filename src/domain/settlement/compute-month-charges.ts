/**
 * A service month's charges (the fees credits and bonuses are a percent of): the base fee
 * (prorated by days of service in a partial first or last month), usage by band, per-incident
 * lines, included tickets and overage, extras, then the minimum monthly commitment true-up.
 * Each line is rounded once with the contract's rounding; the fees are their sum.
 */
import type { Contract } from '../contract/schema/contract-schema.js';
import { SupportPactError } from '../errors/index.js';
import type { MonthVolumes } from '../measures/scorecard.js';
import { ExactDecimal, formatMoney, prorate, sumMoney, toMoney, zeroMoney, type Money, type RoundingMode } from '../money/index.js';
import { computeMinimumTrueUp, type MinimumTrueUp } from '../pricing/index.js';
import type { LocalDate } from '../time/local-date.js';
import type { Evidence } from './adjustment-types.js';
import { computeServicePeriod } from './compute-service-period.js';
import type { InvoiceLine, ServicePeriod } from './invoice-types.js';
import { priceUsageLines } from './price-usage-lines.js';
import { formatCount } from './rule-text.js';

export interface MonthCharges {
  readonly contractId: string;
  readonly serviceMonth: string;
  readonly currency: string;
  readonly rounding: RoundingMode;
  readonly service: ServicePeriod;
  /** The billable unit and the month's count of it, by priority. */
  readonly units: { readonly unit: 'resolved-ticket' | 'created-ticket'; readonly count: number; readonly byPriority: Readonly<Record<string, number>> };
  readonly lines: readonly InvoiceLine[];
  /** Sum of the lines: charges before credits, bonuses and tax. */
  readonly fees: Money;
  readonly minimum?: MinimumTrueUp;
  readonly notes: readonly string[];
}

/** What the month's charges read from a scorecard. */
export interface ChargeInputs {
  readonly month: string;
  readonly volumes: Pick<MonthVolumes, 'resolvedByPriority' | 'createdByPriority' | 'extras'>;
}

export const noEvidence: Evidence = { kind: 'none', ids: [] };

/** The contract's rounding, half-up when it names none. */
export function roundingOf(contract: Contract): RoundingMode {
  return contract.pricing?.rounding ?? 'half-up';
}

/** A contract amount as money: `amountOf('4000.00', 'USD', 'half-up')` is USD 4,000.00 (more decimals than the currency has round with the contract's rounding). */
export function amountOf(text: string, currency: string, rounding: RoundingMode): Money {
  return toMoney(new ExactDecimal(text), currency, rounding);
}

/**
 * Northstar in a month with 1,200 resolved tickets: base 4,000.00, usage 500 × 18.00 =
 * 9,000.00 and 700 × 15.00 = 10,500.00, no true-up (23,500.00 is above the 9,000.00
 * minimum): fees USD 23,500.00.
 */
export function computeMonthCharges(contract: Contract, inputs: ChargeInputs, options: { readonly serviceEndOn?: LocalDate } = {}): MonthCharges {
  const pricing = contract.pricing;
  if (!pricing) {
    const message = `contract ${contract.id} has no pricing section`;
    throw new SupportPactError('USAGE', message, { problems: [{ message, path: ['pricing'], hint: 'add pricing (model, base or tiers or perIncident, invoicing) before invoicing' }] });
  }
  const currency = contract.currency;
  const rounding = roundingOf(contract);
  const service = computeServicePeriod(contract, inputs.month, options.serviceEndOn);
  const partial = service.daysOfService < service.daysInMonth;
  const lines: InvoiceLine[] = [];
  const notes: string[] = [];

  if (pricing.base) {
    const monthly = amountOf(pricing.base.monthly, currency, rounding);
    const amount = partial ? prorate(monthly, service.daysOfService, service.daysInMonth, rounding) : monthly;
    lines.push({
      id: 'base',
      kind: 'base',
      description: pricing.base.description ?? 'Monthly base fee',
      quantity: partial ? String(service.daysOfService) : '1',
      unit: partial ? `days of ${service.daysInMonth}` : 'month',
      unitPrice: pricing.base.monthly,
      amount,
      clause: 'pricing.base.monthly',
      evidence: noEvidence,
      notes: partial ? [`prorated: ${service.daysOfService} of ${service.daysInMonth} days of service (${service.startOn} to ${service.endOn}): ${pricing.base.monthly} × ${service.daysOfService} / ${service.daysInMonth}`] : [],
    });
  }

  const unit = pricing.tiers?.unit ?? pricing.perIncident?.unit ?? 'resolved-ticket';
  const byPriority = unit === 'created-ticket' ? inputs.volumes.createdByPriority : inputs.volumes.resolvedByPriority;
  const count = Object.values(byPriority).reduce((a, b) => a + b, 0);
  const usage = priceUsageLines(contract, pricing, { unit, count, byPriority }, currency, rounding);
  lines.push(...usage.lines);
  notes.push(...usage.notes);

  for (const [index, extra] of (pricing.extras ?? []).entries()) {
    const tickets = inputs.volumes.extras[extra.id] ?? [];
    if (tickets.length === 0) continue;
    const amount = toMoney(new ExactDecimal(extra.price).times(tickets.length), currency, rounding);
    lines.push({
      id: `extra-${extra.id}`,
      kind: 'extra',
      description: extra.description ?? `Extra: ${extra.id}`,
      quantity: String(tickets.length),
      unit: extra.per,
      unitPrice: extra.price,
      amount,
      clause: `pricing.extras[${index}]`,
      evidence: { kind: 'tickets', ids: tickets },
      notes: [`${formatCount(tickets.length)} × ${extra.price}`],
    });
  }

  let minimum: MinimumTrueUp | undefined;
  if (pricing.minimumMonthly) {
    const charges = sumMoney(lines.map((l) => l.amount), currency);
    minimum = computeMinimumTrueUp({
      minimumMonthly: amountOf(pricing.minimumMonthly, currency, rounding),
      charges,
      month: inputs.month,
      serviceStart: service.startOn,
      serviceEnd: service.endOn,
      rounding,
    });
    const prorated = partial ? ` prorated to ${service.daysOfService}/${service.daysInMonth} days` : '';
    if (minimum.trueUp.minor > 0n) {
      lines.push({
        id: 'minimum-true-up',
        kind: 'minimum-true-up',
        description: 'Minimum monthly commitment true-up',
        quantity: '1',
        unit: 'month',
        amount: minimum.trueUp,
        clause: 'pricing.minimumMonthly',
        evidence: noEvidence,
        notes: [`minimum ${pricing.minimumMonthly}${prorated} is ${plain(minimum.proratedMinimum)}; charges ${plain(charges)}; true-up ${plain(minimum.proratedMinimum)} - ${plain(charges)}`],
      });
    } else {
      notes.push(`Minimum monthly commitment ${pricing.minimumMonthly}${prorated ? `${prorated} (${plain(minimum.proratedMinimum)})` : ''} not binding: charges ${plain(charges)}.`);
    }
  }

  return {
    contractId: contract.id,
    serviceMonth: inputs.month,
    currency,
    rounding,
    service,
    units: { unit, count, byPriority },
    lines,
    fees: lines.length === 0 ? zeroMoney(currency) : sumMoney(lines.map((l) => l.amount), currency),
    ...(minimum ? { minimum } : {}),
    notes,
  };
}

function plain(amount: Money): string {
  return formatMoney(amount, 'plain');
}
