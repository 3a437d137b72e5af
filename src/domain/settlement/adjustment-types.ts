/**
 * Service credits and bonuses for one service month: each rule of the contract evaluated
 * against the month's scorecard, the bands resolved, the caps applied. Amounts are
 * positive; the invoice that carries them (the next month's) signs them.
 */
import type { Money } from '../money/index.js';
import type { MonthlyScorecard } from '../measures/scorecard.js';

export type AdjustmentKind = 'credit' | 'bonus';

/** What a rule's figure rests on: the tickets, outages or report behind it. */
export interface Evidence {
  readonly kind: 'tickets' | 'outages' | 'vendor-report' | 'months' | 'none';
  /** Ticket ids (`T-1001`, `T-1001#2` for a second cycle), outage ids, or months. */
  readonly ids: readonly string[];
  readonly note?: string;
}

/**
 * How one rule came out: `applies` (it counts), `superseded` (it applies but a worse band of
 * the same measure counts instead), `not-met` (the measure did not cross the threshold) or
 * `no-data` (nothing was measured, which never triggers a credit or earns a bonus).
 */
export type RuleStatus = 'applies' | 'superseded' | 'not-met' | 'no-data';

export interface RuleOutcome {
  /** Index in `sla.credits` or `sla.incentives`. */
  readonly ruleIndex: number;
  /** `sla.credits[6]`. */
  readonly clause: string;
  /** The rule's own description, or one written from its condition. */
  readonly rule: string;
  /** `availability phone-line`; rules with the same measure are bands of one another. */
  readonly measure: string;
  /** `98.50% (98.50 of 100)`, `no data`. */
  readonly measured: string;
  /** `below 99.0%`. */
  readonly threshold: string;
  /** The rule's percent of the month's fees, as written: `15%`. */
  readonly percent: string;
  readonly status: RuleStatus;
  readonly reason: string;
  readonly evidence: Evidence;
}

/** A rule that counts, with its amount before and after the caps. */
export interface AdjustmentLine extends RuleOutcome {
  readonly status: 'applies';
  /** percent × fees, rounded once with the contract's rounding. */
  readonly uncappedAmount: Money;
  /** After the caps; the lines' amounts add up exactly to the set's total. */
  readonly amount: Money;
  /** Milder bands of the same measure that also applied and do not count. */
  readonly supersedes: readonly number[];
}

/** One cap checked against the month: its limit and how much it cut. */
export interface CapCheck {
  readonly cap: 'monthly' | 'rolling12Months';
  /** `sla.creditCap.monthly`. */
  readonly clause: string;
  readonly percent: string;
  /** The most it allows this month, rounded down (a limit never rounds up). */
  readonly limit: Money;
  /** How the limit was found, in words and figures. */
  readonly basis: string;
  /** What this cap removed, after the caps before it. */
  readonly cutBy: Money;
}

export interface AdjustmentSet {
  readonly kind: AdjustmentKind;
  readonly month: string;
  /** The month's fees the percents apply to (charges before credits, bonuses and tax). */
  readonly fees: Money;
  /** Rules that count, in rule order. */
  readonly lines: readonly AdjustmentLine[];
  /** Every other rule, in rule order, with why it does not count. */
  readonly notApplied: readonly RuleOutcome[];
  /** Sum of the lines before the caps. */
  readonly uncapped: Money;
  readonly caps: readonly CapCheck[];
  /** Sum of the capped lines: what is granted. */
  readonly total: Money;
  /** uncapped - total. */
  readonly cut: Money;
  /** Sentences for the invoice: what applied, and how the caps cut it. */
  readonly explanation: readonly string[];
}

/** A month's credits and bonuses, computed from that month's scorecard and fees. */
export interface MonthAdjustments {
  readonly contractId: string;
  readonly month: string;
  readonly currency: string;
  readonly fees: Money;
  readonly credits: AdjustmentSet;
  readonly bonuses: AdjustmentSet;
}

/** What a bonus over consecutive months needs from an earlier month's scorecard. */
export type ScorecardSummary = Pick<MonthlyScorecard, 'month' | 'serviceLevels' | 'quality' | 'allServiceLevelsMet'>;

/**
 * An earlier month as settled: its fees, the credits and bonuses actually granted for it
 * (after caps), and its scorecard results. The rolling caps and consecutive-month bonuses
 * read these; a month missing from the history counts as no fees, nothing granted, no data.
 */
export interface SettledMonth {
  readonly month: string;
  readonly fees: Money;
  readonly creditsGranted: Money;
  readonly bonusesGranted: Money;
  readonly scorecard?: ScorecardSummary;
}
