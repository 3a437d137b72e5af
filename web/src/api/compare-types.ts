/**
 * Choosing a vendor, as `comparisonToJson` and `backtestToJson` write it
 * (src/adapters/render/compare-json.ts): amounts are plain decimal strings in the currency given
 * once ("24519.83"), months `YYYY-MM`, shares numbers from 0 to 1, instants ISO-8601 UTC.
 */
import type { MeasureResult } from './ticket-types.js';

/** Proposal ids cheapest first; ids in one inner list cost the same. */
export type Ranking = readonly (readonly string[])[];

/** One cost breakdown: a month's or the whole forecast's. */
export interface CostParts {
  readonly base: string;
  readonly usage: string;
  readonly extras: string;
  readonly minimumTrueUp: string;
  readonly fees: string;
  readonly expectedCredits: string;
  readonly expectedBonuses: string;
  readonly tax: string;
  readonly total: string;
}

export interface ComparedProposal {
  readonly id: string;
  readonly title: string;
  readonly file: string;
  readonly vendor: string;
  readonly tickets: number;
  readonly costPerTicket: string | null;
  /** A decimal string: the expected credits as a share of fees. */
  readonly expectedCreditFraction: string;
  readonly totals: CostParts;
  readonly months: readonly (CostParts & { readonly month: string; readonly tickets: number })[];
  readonly notes: readonly string[];
}

export interface BreakEven {
  /** The first volume (tickets a month) with the new ranking. */
  readonly volume: number;
  readonly before: Ranking;
  readonly after: Ranking;
  /** By proposal id: the monthly cost at `volume - 1` and at `volume`. */
  readonly monthlyCostBefore: Readonly<Record<string, string>>;
  readonly monthlyCostAt: Readonly<Record<string, string>>;
}

export interface ComparisonTermsRow {
  readonly topic: 'pricing' | 'targets' | 'coverage' | 'credits' | 'term' | 'exit' | 'check';
  readonly label: string;
  /** One value per proposal, in the order of `proposals`. */
  readonly values: readonly string[];
}

export interface SimulatedCost {
  readonly id: string;
  readonly p10: string;
  readonly p50: string;
  readonly p90: string;
  readonly mean: string;
  /** From 0 to 1: the share of simulated futures in which this proposal is the cheapest. */
  readonly probabilityCheapest: number;
}

export interface Comparison {
  readonly currency: string;
  readonly forecast: {
    readonly title: string;
    readonly basis: string;
    readonly months: readonly string[];
    readonly ticketsByMonth: readonly number[];
    readonly totalTickets: number;
    readonly priorities: readonly string[];
    readonly channels: readonly string[];
    readonly assumptions: readonly string[];
  };
  readonly ranking: Ranking;
  readonly proposals: readonly ComparedProposal[];
  readonly breakEven: {
    readonly maxVolume: number;
    readonly segments: readonly { readonly fromVolume: number; readonly toVolume: number; readonly ranking: Ranking }[];
    readonly breakEvens: readonly BreakEven[];
    /** About 150 volumes with every break-even, and each proposal's monthly cost at them. */
    readonly curve: { readonly volumes: readonly number[]; readonly monthlyCost: Readonly<Record<string, readonly string[]>> };
  };
  readonly terms: readonly ComparisonTermsRow[];
  readonly simulation: {
    readonly paths: number;
    readonly seed: number;
    readonly levelCv: number;
    readonly monthlyCv: number;
    readonly proposals: readonly SimulatedCost[];
  } | null;
}

export interface BacktestMonth {
  readonly month: string;
  readonly created: number;
  readonly serviceLevels: readonly { readonly id: string; readonly target: string; readonly attainment: string | null; readonly met: number; readonly settled: number; readonly result: MeasureResult }[];
  readonly quality: readonly { readonly id: string; readonly target: string; readonly result: MeasureResult; readonly share: string | null; readonly meanSeconds: number | null }[];
  readonly fees: string;
  readonly creditsEarned: string;
  readonly credits: readonly { readonly clause: string; readonly rule: string; readonly percent: string; readonly amount: string }[];
  readonly bonusesEarned: string;
  readonly invoice: { readonly id: string; readonly issueOn: string; readonly dueOn: string; readonly charges: string; readonly credits: string; readonly bonuses: string; readonly tax: string; readonly total: string };
}

export interface BacktestSide {
  readonly contractId: string;
  readonly title: string;
  readonly currency: string;
  readonly totals: { readonly fees: string; readonly creditsEarned: string; readonly bonusesEarned: string; readonly invoiced: string };
  readonly months: readonly BacktestMonth[];
  readonly notes: readonly string[];
}

export interface Backtest {
  readonly basis: string;
  readonly months: readonly string[];
  readonly asOf: string;
  readonly zone: string;
  readonly ticketsRead: number;
  readonly proposal: BacktestSide;
  /** The contract in force over the months; null when the tickets came without one. */
  readonly current: BacktestSide | null;
  readonly notes: readonly string[];
}
