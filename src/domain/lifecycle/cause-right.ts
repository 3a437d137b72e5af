import type { CauseGround } from '../contract/schema/term.js';
import type { Money } from '../money/index.js';
import type { Duration } from '../time/duration.js';
import type { LocalDate } from '../time/local-date.js';
import type { SustainedFailure } from './find-sustained-failure.js';
import type { CauseEvent, Party } from './termination-evidence.js';

/** `open`: may be exercised on asOf; `not-open`: evaluated, no ground (or it lapsed); `not-evaluated`: SupportPact has no evidence for it. */
export type CauseStatus = 'open' | 'not-open' | 'not-evaluated';

export type UnpaidInvoiceStatus = 'not-due' | 'within-cure' | 'open' | 'paid-in-time' | 'paid-late';

/** One piece of evidence behind a ground. */
export type CauseEvidence =
  | ({ readonly kind: 'missed-months' } & SustainedFailure)
  | {
      readonly kind: 'unpaid-invoice';
      readonly id: string;
      readonly dueOn: LocalDate;
      readonly amount: Money;
      readonly paidOn?: LocalDate;
      /** Last day to pay before the ground opens: dueOn (+ unpaidDays) + cure. */
      readonly cureEndsOn: LocalDate;
      readonly status: UnpaidInvoiceStatus;
    }
  | { readonly kind: 'breach-incident'; readonly id: string; readonly discoveredOn: LocalDate; readonly discoveredAt: number }
  | ({ readonly kind: 'event'; readonly opensOn: LocalDate; readonly lapsed: boolean } & { readonly event: CauseEvent });

/** One for-cause termination clause, evaluated on asOf. */
export interface CauseRight {
  readonly ground: CauseGround;
  /** `'term.termination.forCause[1]'`. */
  readonly clause: string;
  readonly status: CauseStatus;
  /** First day the ground was open (for an open ground). */
  readonly openSince?: LocalDate;
  /** Why it is open or not, in words. */
  readonly reason: string;
  readonly evidence: readonly CauseEvidence[];
  /** As written in the clause. */
  readonly by: 'client' | 'vendor' | 'either';
  /** Who may terminate on this evidence (the other party when an event names the party it concerns). */
  readonly mayTerminate: readonly Party[];
  readonly notice: Duration;
  readonly cure?: Duration;
  /** For an open ground, notice given on asOf: */
  readonly cureEndsOn?: LocalDate;
  readonly earliestEffectiveOn?: LocalDate;
  readonly lastServiceOn?: LocalDate;
  /** How cure and notice combined: `'notice on 2027-05-01 + 30d cure (to 2027-05-31) + 30d notice'`. */
  readonly effectiveReading?: string;
  /** A weekend effective date, or a term that ends first. */
  readonly note?: string;
}
