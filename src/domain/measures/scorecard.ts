import type { ClockMetric } from '../contract/schema/sla.js';

/** How a measure came out against the contract for the month. */
export type MeasureResult = 'met' | 'missed' | 'no-data';

/** An exact share `numerator / denominator` with a display percent (2 decimals, half-up). */
export interface Share {
  readonly numerator: number;
  readonly denominator: number;
  /** "95.24%" */
  readonly percent: string;
}

export interface ServiceLevelScore {
  readonly id: string;
  readonly metric: ClockMetric;
  readonly priorities: readonly string[];
  readonly target: string;
  readonly settled: number;
  readonly met: number;
  readonly breached: number;
  readonly attainment: Share | undefined;
  readonly result: MeasureResult;
  /** The tickets behind the misses: every breached clock settled in the month. */
  readonly breachedTickets: readonly string[];
}

export interface QualityScore {
  readonly id: string;
  readonly metric: 'firstContactResolution' | 'meanTimeToResolve' | 'reopenRate';
  readonly target: string;
  readonly result: MeasureResult;
  /** FCR and reopen rate: a share; MTTR: undefined. */
  readonly share?: Share;
  /** MTTR: mean seconds (rounded down to the second) and the count it is over. */
  readonly meanSeconds?: number;
  readonly count: number;
  readonly definition?: string;
  /** The tickets that pulled the measure down: not first-contact resolved, reopened, or the slowest for MTTR. */
  readonly tickets: readonly string[];
}

export interface AvailabilityScore {
  readonly id: string;
  readonly service: string;
  readonly target: string;
  readonly calendar: string;
  readonly periodSeconds: number;
  readonly outageSeconds: number;
  readonly availability: Share | undefined;
  readonly longestOutageSeconds: number;
  readonly maxSingleOutageSeconds: number | undefined;
  readonly longestOutageTooLong: boolean;
  readonly result: MeasureResult;
  readonly outages: readonly string[];
}

export interface VendorReportScore {
  readonly dueAt: number;
  readonly deliveredAt: number | undefined;
  readonly result: 'on-time' | 'late' | 'missing' | 'not-due';
}

export interface ChannelCoverage {
  readonly channel: string;
  readonly coverage: string | undefined;
  readonly created: number;
  readonly createdOutsideCoverage: number;
  readonly tickets: readonly string[];
}

/** Counts the invoice needs: billable units and extras, by priority. */
export interface MonthVolumes {
  readonly created: number;
  readonly solved: number;
  /** Tickets whose first solve fell in the month (in scope): the `resolved-ticket` unit. */
  readonly resolvedByPriority: Readonly<Record<string, number>>;
  /** Tickets created in the month (in scope): the `created-ticket` unit. */
  readonly createdByPriority: Readonly<Record<string, number>>;
  /** Per extra id, the tickets it applies to. */
  readonly extras: Readonly<Record<string, readonly string[]>>;
}

/** A month of service measured against the contract. */
export interface MonthlyScorecard {
  readonly contractId: string;
  readonly month: string;
  readonly zone: string;
  readonly startAt: number;
  readonly endAt: number;
  readonly asOf: number;
  readonly serviceLevels: readonly ServiceLevelScore[];
  readonly quality: readonly QualityScore[];
  readonly availability: readonly AvailabilityScore[];
  readonly vendorReport: VendorReportScore | undefined;
  readonly volumes: MonthVolumes;
  readonly outOfScope: readonly { readonly ticket: string; readonly reason: string }[];
  readonly coverage: readonly ChannelCoverage[];
  readonly unmappedPriorities: Readonly<Record<string, number>>;
  /** Whether every service level with data was met (months with no data at all are not "all met"). */
  readonly allServiceLevelsMet: boolean;
}
