import { Decimal } from 'decimal.js';
import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { createCalendar } from '../calendar/create-calendar.js';
import type { Contract } from '../contract/schema/contract-schema.js';
import type { ClockMetric } from '../contract/schema/sla.js';
import type { TicketStatus } from '../tickets/ticket-event.js';
import type { Duration } from '../time/duration.js';

export type PriorityChangeMode = 'restart-from-creation' | 'restart-from-change' | 'keep-original';
export type ReopenMode = 'resume' | 'restart';

/** One priority's target for one metric, with the compiled calendar it is counted on. */
export interface CompiledTarget {
  readonly within: Duration;
  readonly calendarName: string;
  readonly calendar: BusinessCalendar;
}

/**
 * Everything the clock engine needs from a contract, compiled once: priority mapping,
 * targets on compiled calendars, and the clock rules (with the documented defaults).
 */
export interface SlaPolicy {
  readonly zone: string;
  /** Raw source priority, trimmed and lower-cased -> contract priority id. */
  readonly priorityByRaw: ReadonlyMap<string, string>;
  readonly priorityIds: readonly string[];
  readonly targets: Readonly<Record<ClockMetric, ReadonlyMap<string, CompiledTarget>>>;
  readonly pausedIn: ReadonlySet<TicketStatus>;
  readonly priorityChange: PriorityChangeMode;
  readonly reopen: ReopenMode;
  /** At-risk share as an exact fraction numerator / denominator (75% = 3/4). */
  readonly atRiskNumerator: number;
  readonly atRiskDenominator: number;
  readonly atRiskText: string;
  /** Every calendar of the contract, compiled (for measures on a named calendar). */
  readonly calendars: ReadonlyMap<string, BusinessCalendar>;
}

/** Defaults when the contract's `sla.clock` is silent (also documented in ARCHITECTURE.md). */
export const clockDefaults = {
  pausedIn: ['pending_customer'] as TicketStatus[],
  priorityChange: 'restart-from-creation' as PriorityChangeMode,
  reopen: 'resume' as ReopenMode,
  dueAtClosingTime: 'next-opening' as const,
  atRiskAt: '75%',
};

/** `"0.75"` -> [3, 4]: an exact small fraction for integer comparisons. */
function fractionOf(text: string): [number, number] {
  const d = new Decimal(text);
  const [numerator, denominator] = d.toFraction(1_000_000) as [Decimal, Decimal];
  return [numerator.toNumber(), denominator.toNumber()];
}

/** Compiles every calendar of a contract with the contract's `dueAtClosingTime`. */
export function compileCalendars(contract: Contract): Map<string, BusinessCalendar> {
  const dueAtClosingTime = contract.sla?.clock?.dueAtClosingTime ?? clockDefaults.dueAtClosingTime;
  const calendars = new Map<string, BusinessCalendar>();
  for (const [name, spec] of Object.entries(contract.calendars ?? {})) {
    calendars.set(name, createCalendar({ timezone: spec.timezone, hours: spec.hours, ...(spec.holidays ? { holidays: spec.holidays } : {}), ...(spec.closures ? { closures: spec.closures } : {}), dueAtClosingTime }));
  }
  return calendars;
}

/**
 * Compiles a contract's service-level rules for the clock engine:
 * `compileSlaPolicy(northstar).targets.resolution.get('P1')` is 4h on the `always` calendar.
 */
export function compileSlaPolicy(contract: Contract, calendars: ReadonlyMap<string, BusinessCalendar> = compileCalendars(contract)): SlaPolicy {
  const sla = contract.sla;
  const priorityByRaw = new Map<string, string>();
  for (const [id, spec] of Object.entries(sla?.priorities ?? {})) {
    priorityByRaw.set(id.trim().toLowerCase(), id);
    for (const raw of spec.mapFrom ?? []) priorityByRaw.set(raw.trim().toLowerCase(), id);
  }
  const targets = { firstResponse: new Map<string, CompiledTarget>(), resolution: new Map<string, CompiledTarget>() };
  for (const metric of ['firstResponse', 'resolution'] as const) {
    for (const [priority, target] of Object.entries(sla?.targets?.[metric] ?? {})) {
      const calendar = calendars.get(target.calendar);
      if (!calendar) continue; // the loader already rejected dangling calendar names
      targets[metric].set(priority, { within: target.within, calendarName: target.calendar, calendar });
    }
  }
  const clock = sla?.clock;
  const atRisk = clock?.atRiskAt ?? { text: clockDefaults.atRiskAt, fraction: '0.75' };
  const [atRiskNumerator, atRiskDenominator] = fractionOf(atRisk.fraction);
  return {
    zone: contract.timezone,
    priorityByRaw,
    priorityIds: Object.keys(sla?.priorities ?? {}),
    targets,
    pausedIn: new Set(clock?.pausedIn ?? clockDefaults.pausedIn),
    priorityChange: clock?.priorityChange ?? clockDefaults.priorityChange,
    reopen: clock?.reopen ?? clockDefaults.reopen,
    atRiskNumerator,
    atRiskDenominator,
    atRiskText: atRisk.text,
    calendars,
  };
}

/**
 * Maps a raw source priority through `mapFrom` (trimmed, case-insensitive); a contract
 * priority id maps to itself: `mapPriority(policy, ' Urgent ')` is `'P1'` for northstar.
 */
export function mapPriority(policy: SlaPolicy, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  return mapRawPriority(policy, raw);
}

/**
 * `mapPriority` for a defined raw value, trying the value as written first: the keys of
 * `priorityByRaw` are already trimmed and lower-cased, so a hit ("urgent", "1") is the answer
 * normalising would give, without allocating the normalised string. `mapRawPriority(policy, 'High')`
 * is `'P2'` for northstar (a miss as written, a hit as "high").
 */
export function mapRawPriority(policy: SlaPolicy, raw: string): string | undefined {
  return policy.priorityByRaw.get(raw) ?? policy.priorityByRaw.get(raw.trim().toLowerCase());
}
