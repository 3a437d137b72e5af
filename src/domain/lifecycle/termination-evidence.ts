/** What the termination rules read: plain records that storage or an import hands over. */
import type { Money } from '../money/index.js';
import type { LocalDate } from '../time/local-date.js';

export type Party = 'client' | 'vendor';

/** One month's service-level results (ids of the contract's `sla.serviceLevels`). */
export interface MonthlyServiceLevels {
  readonly month: string;
  readonly missed: readonly string[];
  readonly met: readonly string[];
  /** Service levels with no settled clocks: not misses. */
  readonly noData: readonly string[];
}

/** The fields of a breach incident the termination rules need (the full record is in risk). */
export interface BreachIncidentEvidence {
  readonly id: string;
  /** Epoch seconds. */
  readonly discoveredAt: number;
  readonly clientDataInvolved: boolean;
}

export interface UnpaidInvoice {
  readonly id: string;
  readonly dueOn: LocalDate;
  readonly amount: Money;
  /** The day it was paid in full, if it was. */
  readonly paidOn?: LocalDate;
}

export type CauseEventKind = 'insolvency' | 'force-majeure' | 'material-breach';

export interface CauseEvent {
  readonly kind: CauseEventKind;
  readonly startedOn: LocalDate;
  /** Last day of the event (cured, dismissed, over); absent while it lasts. */
  readonly endedOn?: LocalDate;
  readonly description: string;
  /** The party the event concerns (the insolvent party, the party in breach, the party hit by force majeure). */
  readonly party?: Party;
}

export interface TerminationEvidence {
  readonly monthlyServiceLevels?: readonly MonthlyServiceLevels[];
  readonly breachIncidents?: readonly BreachIncidentEvidence[];
  readonly unpaidInvoices?: readonly UnpaidInvoice[];
  readonly events?: readonly CauseEvent[];
  /** Fees of the trailing months (most recent last), for a convenience fee given in months of fees. */
  readonly trailingMonthlyFees?: readonly Money[];
}
