/** Scorecards, ticket clocks and explanations as the API answers them. Instants are ISO-8601 UTC strings. */

export interface Share {
  readonly numerator: number;
  readonly denominator: number;
  readonly percent: string;
}

export type MeasureResult = 'met' | 'missed' | 'no-data';

export interface ServiceLevelResult {
  readonly id: string;
  readonly metric: 'firstResponse' | 'resolution';
  readonly priorities: readonly string[];
  readonly target: string;
  readonly settled: number;
  readonly met: number;
  readonly breached: number;
  readonly attainment: Share | null;
  readonly result: MeasureResult;
  readonly breachedTickets: readonly string[];
}

export interface QualityResult {
  readonly id: string;
  readonly metric: 'firstContactResolution' | 'meanTimeToResolve' | 'reopenRate';
  readonly target: string;
  readonly definition?: string;
  readonly count: number;
  readonly share?: Share | null;
  readonly meanSeconds?: number | null;
  readonly result: MeasureResult;
  readonly tickets: readonly string[];
}

export interface AvailabilityResult {
  readonly id: string;
  readonly service: string;
  readonly target: string;
  readonly calendar: string;
  readonly periodSeconds: number;
  readonly outageSeconds: number;
  readonly availability: Share | null;
  readonly longestOutageSeconds: number;
  readonly maxSingleOutageSeconds?: number | null;
  readonly longestOutageTooLong?: boolean;
  readonly result: MeasureResult;
  readonly outages: readonly string[];
}

export interface Scorecard {
  readonly contract: string;
  readonly contractVersion: number;
  readonly month: string;
  readonly zone: string;
  readonly period: { readonly start: string; readonly end: string };
  readonly asOf: string;
  readonly serviceLevels: readonly ServiceLevelResult[];
  readonly quality: readonly QualityResult[];
  readonly availability: readonly AvailabilityResult[];
  readonly vendorReport: { readonly dueAt: string | null; readonly deliveredAt: string | null; readonly result: string } | null;
  readonly volumes: {
    readonly created: number;
    readonly solved: number;
    readonly resolvedByPriority: Readonly<Record<string, number>>;
    readonly createdByPriority?: Readonly<Record<string, number>>;
    readonly extras: Readonly<Record<string, readonly string[]>>;
  };
  readonly outOfScope: readonly { readonly ticket: string; readonly reason: string }[];
  readonly coverage: readonly { readonly channel: string; readonly coverage: string; readonly created: number; readonly createdOutsideCoverage: number; readonly tickets: readonly string[] }[];
  readonly unmappedPriorities: Readonly<Record<string, number>>;
  readonly allServiceLevelsMet: boolean;
}

export type ClockStatus = 'met' | 'breached' | 'at-risk' | 'running' | 'paused' | 'canceled';

export interface Clock {
  readonly metric: 'firstResponse' | 'resolution';
  readonly cycle: number;
  readonly status: ClockStatus;
  readonly priority: string;
  readonly calendarName: string;
  readonly targetText: string;
  readonly targetSeconds: number;
  readonly elapsedSeconds: number;
  readonly startedAt: string;
  readonly stoppedAt: string | null;
  readonly dueAt: string | null;
  readonly breachedAt: string | null;
  readonly settledAt: string | null;
  readonly met: boolean | null;
}

export interface TicketClocks {
  readonly ticket: string;
  readonly priority: string | null;
  readonly rawPriority: string | null;
  readonly createdAt: string;
  readonly notes: readonly string[];
  readonly clocks: readonly Clock[];
}

export interface ClockList {
  readonly contractId: string;
  readonly contractVersion: number;
  readonly asOf: string;
  readonly total: number;
  readonly tickets: readonly TicketClocks[];
}

export type StepKind =
  | 'opened'
  | 'reopened'
  | 'paused'
  | 'resumed'
  | 'priority-changed'
  | 'clock-restarted'
  | 'replied'
  | 'customer-replied'
  | 'internal-note'
  | 'solved'
  | 'closed'
  | 'canceled'
  | 'status-changed'
  | 'as-of';

export interface ClockStep {
  readonly at: string;
  readonly kind: StepKind;
  readonly note: string;
  readonly addedSeconds: number;
  readonly elapsedSeconds: number;
}

export interface ExplainedClock extends Clock {
  readonly steps: readonly ClockStep[];
}

export interface ExplainedTicket extends Omit<TicketClocks, 'clocks'> {
  readonly contractId: string;
  readonly contractVersion: number;
  readonly zone: string;
  readonly clocks: readonly ExplainedClock[];
}
