/**
 * A proposal made ready to price against a forecast: its term laid over the forecast's
 * months, the forecast's priorities mapped through its `mapFrom`, the share of each cell's
 * tickets its extras apply to, and its performance model.
 */
import { compileCalendars } from '../sla/sla-policy.js';
import type { LoadedContract } from '../contract/parse-contract.js';
import type { Contract } from '../contract/schema/contract-schema.js';
import { termEndOn } from '../lifecycle/term-dates.js';
import type { Money, RoundingMode } from '../money/index.js';
import { amountOf, roundingOf } from '../settlement/compute-month-charges.js';
import { describeDuration } from '../time/duration.js';
import { evenArrivals, shareOutsideCalendar } from './arrival-share.js';
import type { ForecastModel } from './forecast-types.js';
import { buildPerformanceModel, type PerformanceModel } from './performance-model.js';

export interface PreparedExtra {
  readonly id: string;
  readonly description: string;
  readonly price: string;
  readonly clause: string;
  /** factor[monthIndex][cellIndex]: the share of the cell's tickets the extra applies to. */
  readonly factor: readonly (readonly number[])[];
}

export interface PreparedProposal {
  readonly loaded: LoadedContract;
  readonly contract: Contract;
  /** The contract with its term spanning exactly the forecast months, and without extras and minimum (priced here, in order). */
  readonly pricingContract: Contract;
  readonly currency: string;
  readonly rounding: RoundingMode;
  /** The proposal's priority for each forecast cell; undefined when it has none. */
  readonly priorityOfCell: readonly (string | undefined)[];
  readonly priorities: readonly string[];
  readonly extras: readonly PreparedExtra[];
  readonly minimumMonthly: Money | undefined;
  readonly performance: PerformanceModel;
  /** Facts the report must state about this proposal (unmapped priorities, its own term, extras not costed). */
  readonly notes: readonly string[];
}

/** Priority labels are matched like the SLA engine does: the priority id or a `mapFrom` value, trimmed and case-insensitive. */
function priorityMap(contract: Contract): Map<string, string> {
  const map = new Map<string, string>();
  for (const [id, spec] of Object.entries(contract.sla?.priorities ?? {})) {
    map.set(id.trim().toLowerCase(), id);
    for (const raw of spec.mapFrom ?? []) map.set(raw.trim().toLowerCase(), id);
  }
  return map;
}

function ownTermNote(contract: Contract, months: number): string {
  const term = contract.term;
  if (!term) return `No term is stated: its prices are applied to all ${months} forecast months.`;
  const renewal = term.renewal?.automatic ? `renews automatically for ${describeDuration(term.renewal.period ?? term.initialTerm)}` : 'does not renew automatically';
  return `Its own term is ${describeDuration(term.initialTerm)} from ${term.start} (to ${termEndOn(term.start, term.initialTerm)}) and ${renewal}; the comparison applies its prices to all ${months} forecast months, from the first, as if renewed on the same terms.`;
}

/**
 * Northstar against a forecast of P1–P4 over phone, chat, email and portal: every cell maps
 * (P1 to P1, ...), its after-hours P1 extra applies to the P1 cells' tickets arriving outside
 * the business calendar, and its term becomes the forecast's 36 months for pricing.
 */
export function prepareProposal(loaded: LoadedContract, forecast: ForecastModel): PreparedProposal {
  const contract = loaded.contract;
  const notes: string[] = [ownTermNote(contract, forecast.months.length)];
  const map = priorityMap(contract);
  const priorityOfCell = forecast.cells.map((cell) => map.get(cell.priority.trim().toLowerCase()));
  const unmapped = new Map<string, number>();
  forecast.cells.forEach((cell, k) => {
    if (priorityOfCell[k] !== undefined) return;
    const tickets = forecast.expected.reduce((sum, month) => sum + (month[k] ?? 0), 0);
    unmapped.set(cell.priority, (unmapped.get(cell.priority) ?? 0) + tickets);
  });
  for (const [priority, tickets] of unmapped) notes.push(`Forecast priority "${priority}" (${tickets.toLocaleString('en-US')} tickets over the forecast) is not one of its priorities (nor in their mapFrom): those tickets are neither priced by priority nor measured.`);

  const first = `${forecast.months[0] ?? '2000-01'}-01`;
  const pricing = contract.pricing;
  const pricingContract: Contract = {
    ...contract,
    term: { start: first, initialTerm: { amount: forecast.months.length, unit: 'mo', text: `${forecast.months.length}mo` }, renewal: { automatic: false } },
    ...(pricing ? { pricing: { ...pricing, extras: undefined, minimumMonthly: undefined } } : {}),
  };
  const currency = contract.currency;
  const rounding = roundingOf(contract);

  const calendars = compileCalendars(contract);
  const arrivals = forecast.arrivals ?? evenArrivals;
  const extras: PreparedExtra[] = [];
  (pricing?.extras ?? []).forEach((extra, index) => {
    const when = extra.when;
    if (when.category !== undefined) {
      notes.push(`Extra ${extra.id} applies to category ${when.category}; a forecast has no categories, so it is not costed.`);
      return;
    }
    const calendar = when.outsideCalendar !== undefined ? calendars.get(when.outsideCalendar) : undefined;
    const zone = when.outsideCalendar !== undefined ? contract.calendars?.[when.outsideCalendar]?.timezone ?? contract.timezone : contract.timezone;
    if (calendar && !forecast.arrivals) notes.push(`Extra ${extra.id}: the forecast has no arrivals profile, so tickets are assumed to arrive evenly over the week when counting those outside the ${when.outsideCalendar} calendar.`);
    const factor = forecast.months.map((month) => {
      const outside = calendar ? shareOutsideCalendar(calendar, zone, arrivals, month) : 1;
      return forecast.cells.map((cell, k) => {
        if (when.priority !== undefined && priorityOfCell[k] !== when.priority) return 0;
        if (when.channel !== undefined && cell.channel !== when.channel) return 0;
        return outside;
      });
    });
    extras.push({ id: extra.id, description: extra.description ?? `Extra: ${extra.id}`, price: extra.price, clause: `pricing.extras[${index}]`, factor });
  });

  return {
    loaded,
    contract,
    pricingContract,
    currency,
    rounding,
    priorityOfCell,
    priorities: Object.keys(contract.sla?.priorities ?? {}),
    extras,
    minimumMonthly: pricing?.minimumMonthly ? amountOf(pricing.minimumMonthly, currency, rounding) : undefined,
    performance: buildPerformanceModel(contract, forecast.performance),
    notes,
  };
}

/**
 * A month's counts for a proposal: tickets by its priorities, and each extra's count (the
 * expected share, rounded half-up): northstar with 17 P1 phone tickets of which 76% arrive
 * outside business hours has `byPriority.P1` 17 and 13 after-hours P1 extras.
 */
export function countsForMonth(proposal: PreparedProposal, cellCounts: readonly number[], monthIndex: number): { byPriority: Record<string, number>; extras: number[] } {
  const byPriority: Record<string, number> = {};
  cellCounts.forEach((n, k) => {
    const priority = proposal.priorityOfCell[k];
    if (priority !== undefined && n > 0) byPriority[priority] = (byPriority[priority] ?? 0) + n;
  });
  const extras = proposal.extras.map((extra) => {
    const row = extra.factor[monthIndex] ?? [];
    let expected = 0;
    cellCounts.forEach((n, k) => (expected += n * (row[k] ?? 0)));
    return Math.round(expected);
  });
  return { byPriority, extras };
}
