/**
 * The deadlines one breach incident creates and where each stands on asOf:
 * - vendor to client: the contract's `vendorToClient` of elapsed time after discovery
 *   (24h is 86,400 real seconds, nights and weekends included, not business time);
 * - individuals: `individuals.within` calendar days (default 30, Civil Code 1798.82 as
 *   amended for 2026), counted in the contract's zone from the day the client learned of
 *   the breach, which is when the vendor notified it (the client owns the data; the
 *   vendor's notice is how it learns). Not started until then;
 * - Attorney General: within `californiaAttorneyGeneral.within` (default 15d) of notifying
 *   individuals, when MORE than `whenResidentsOver` (default 500) California residents are
 *   affected: 500 does not trigger it, 501 does.
 * A date deadline is due by the end of its day: `dueAt` is its last second (23:59:59 local).
 */
import type { Contract } from '../contract/schema/contract-schema.js';
import type { Problem } from '../errors/index.js';
import { checkEpochSeconds, lifecycleInputError } from '../lifecycle/lifecycle-input-error.js';
import { addDays, type LocalDate } from '../time/local-date.js';
import type { Duration } from '../time/duration.js';
import { formatInZone, localDateOf, startOfLocalDate } from '../time/zone.js';
import { breachLawBasis, type BreachIncident } from './breach-incident.js';

export type BreachDeadlineKind = 'vendor-to-client' | 'individuals' | 'attorney-general';
export type BreachDeadlineStatus = 'pending' | 'met' | 'late' | 'overdue' | 'not-required';

export interface BreachDeadline {
  readonly kind: BreachDeadlineKind;
  readonly required: boolean;
  /** Last instant still on time (epoch seconds); absent until the clock starts or when no time is stated. */
  readonly dueAt?: number;
  /** Local date of `dueAt` in the contract's zone. */
  readonly dueOn?: LocalDate;
  readonly doneAt?: number;
  readonly status: BreachDeadlineStatus;
  /** How the deadline was computed, with the numbers. */
  readonly rule: string;
  readonly basis: string;
  readonly clause: string;
  readonly note?: string;
}

export interface BreachIncidentResult {
  readonly id: string;
  readonly discoveredOn: LocalDate;
  readonly deadlines: readonly BreachDeadline[];
  /** Some deadline is overdue on asOf. */
  readonly overdue: boolean;
}

function elapsedSeconds(d: Duration): number {
  const per = { s: 1, m: 60, h: 3600, d: 86_400 } as Record<string, number>;
  return d.amount * (per[d.unit] ?? Number.NaN);
}

function checkIncident(incident: BreachIncident, asOf: number): void {
  const problems: Problem[] = [];
  checkEpochSeconds(asOf, ['asOf'], problems);
  checkEpochSeconds(incident.discoveredAt, ['discoveredAt'], problems);
  for (const key of ['vendorNotifiedClientAt', 'individualsNotifiedAt', 'attorneyGeneralNotifiedAt'] as const) {
    if (incident[key] !== undefined) checkEpochSeconds(incident[key], [key], problems);
  }
  for (const key of ['recordsAffected', 'californiaResidentsAffected'] as const) {
    if (!Number.isSafeInteger(incident[key]) || incident[key] < 0) problems.push({ message: `${key} ${String(incident[key])} is not a whole number of 0 or more`, path: [key] });
  }
  if (problems.length > 0) throw lifecycleInputError(problems);
}

/** Status of a deadline with a known last on-time instant. */
function statusOf(dueAt: number | undefined, doneAt: number | undefined, asOf: number): BreachDeadlineStatus {
  if (doneAt !== undefined && doneAt <= asOf) return dueAt === undefined || doneAt <= dueAt ? 'met' : 'late';
  return dueAt !== undefined && asOf > dueAt ? 'overdue' : 'pending';
}

/** The last second of the local day `days` after the local date of `from`. */
function endOfDayAfter(from: number, days: number, zone: string): { dueAt: number; dueOn: LocalDate } {
  const dueOn = addDays(localDateOf(from, zone), days);
  return { dueOn, dueAt: startOfLocalDate(addDays(dueOn, 1), zone) - 1 };
}

/**
 * Northstar (24h, 30d, AG over 500), discovered 2027-03-05T22:00-08:00, vendor notice
 * 2027-03-06T20:00-08:00, asOf 2027-04-10: vendor-to-client `met` (due 2027-03-06T22:00);
 * individuals due 2027-04-05 (30 days from 2027-03-06), not done: `overdue`; with 501
 * California residents the Attorney General deadline is `pending` until individuals are
 * notified, with 500 it is `not-required`.
 */
export function evaluateBreachIncident(contract: Contract, incident: BreachIncident, asOf: number): BreachIncidentResult {
  checkIncident(incident, asOf);
  const zone = contract.timezone;
  const terms = contract.risk?.breachNotification;
  const done = (at: number | undefined) => (at !== undefined && at <= asOf ? { doneAt: at } : {});
  const deadlines: BreachDeadline[] = [];

  const vendorWithin = terms?.vendorToClient;
  const vendorDueAt = vendorWithin ? incident.discoveredAt + elapsedSeconds(vendorWithin) : undefined;
  deadlines.push({
    kind: 'vendor-to-client',
    required: incident.clientDataInvolved,
    ...(vendorDueAt !== undefined && incident.clientDataInvolved ? { dueAt: vendorDueAt, dueOn: localDateOf(vendorDueAt, zone) } : {}),
    ...done(incident.vendorNotifiedClientAt),
    status: incident.clientDataInvolved ? statusOf(vendorDueAt, incident.vendorNotifiedClientAt, asOf) : 'not-required',
    rule: vendorWithin ? `discovered ${formatInZone(incident.discoveredAt, zone)} + ${vendorWithin.text} elapsed (not business time)` : 'immediately following discovery (the contract states no time)',
    basis: breachLawBasis.vendorToClient,
    clause: 'risk.breachNotification.vendorToClient',
    ...(incident.clientDataInvolved ? {} : { note: 'no client data involved' }),
  });

  const individualsDays = terms?.individuals?.within.amount ?? 30;
  const residents = incident.californiaResidentsAffected;
  const individualsRequired = incident.clientDataInvolved && residents > 0;
  const learnedAt = incident.vendorNotifiedClientAt !== undefined && incident.vendorNotifiedClientAt <= asOf ? incident.vendorNotifiedClientAt : undefined;
  const individualsDue = individualsRequired && learnedAt !== undefined ? endOfDayAfter(learnedAt, individualsDays, zone) : undefined;
  const delayed = incident.lawEnforcementDelay === true;
  let individualsStatus: BreachDeadlineStatus = individualsRequired ? statusOf(individualsDue?.dueAt, incident.individualsNotifiedAt, asOf) : 'not-required';
  // A delay at law enforcement's request is allowed: not overdue while it lasts, not late once given.
  if (delayed && (individualsStatus === 'overdue' || individualsStatus === 'late')) individualsStatus = individualsStatus === 'late' ? 'met' : 'pending';
  deadlines.push({
    kind: 'individuals',
    required: individualsRequired,
    ...(individualsDue ?? {}),
    ...done(incident.individualsNotifiedAt),
    status: individualsStatus,
    rule: `${individualsDays} calendar days from the day the client learned of the breach (the vendor's notice${learnedAt !== undefined ? `, ${localDateOf(learnedAt, zone)}` : ''})`,
    basis: breachLawBasis.individuals,
    clause: terms?.individuals ? 'risk.breachNotification.individuals.within' : 'risk.breachNotification',
    ...(!individualsRequired
      ? { note: incident.clientDataInvolved ? "no California residents affected (other states' laws are not checked)" : 'no client data involved' }
      : learnedAt === undefined
        ? { note: `the ${individualsDays}-day count starts when the vendor notifies the client` }
        : delayed
          ? { note: "delayed at law enforcement's request (Civil Code 1798.82(c)); the count resumes when the delay ends" }
          : {}),
  });

  const ag = terms?.regulator?.californiaAttorneyGeneral;
  const threshold = ag?.whenResidentsOver ?? 500;
  const agDays = ag?.within?.amount ?? 15;
  const agRequired = individualsRequired && residents > threshold;
  const notifiedAt = incident.individualsNotifiedAt !== undefined && incident.individualsNotifiedAt <= asOf ? incident.individualsNotifiedAt : undefined;
  const agDue = agRequired && notifiedAt !== undefined ? endOfDayAfter(notifiedAt, agDays, zone) : undefined;
  deadlines.push({
    kind: 'attorney-general',
    required: agRequired,
    ...(agDue ?? {}),
    ...done(incident.attorneyGeneralNotifiedAt),
    status: agRequired ? statusOf(agDue?.dueAt, incident.attorneyGeneralNotifiedAt, asOf) : 'not-required',
    rule: `${residents} California residents ${residents > threshold ? '>' : '<='} ${threshold}: ${agRequired ? `${agDays} calendar days from notifying individuals` : 'no sample notice to the Attorney General'}`,
    basis: breachLawBasis.attorneyGeneral,
    clause: ag ? 'risk.breachNotification.regulator.californiaAttorneyGeneral' : 'risk.breachNotification',
    ...(agRequired && notifiedAt === undefined ? { note: `due ${agDays} days after individuals are notified` } : {}),
  });

  return { id: incident.id, discoveredOn: localDateOf(incident.discoveredAt, zone), deadlines, overdue: deadlines.some((d) => d.status === 'overdue') };
}
