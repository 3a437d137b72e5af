import type { ClockMetric } from '../contract/schema/sla.js';

export type ClockStatus = 'running' | 'at-risk' | 'paused' | 'met' | 'breached' | 'canceled';

/** One SLA clock of one ticket: a metric, a cycle, and its result at `asOf`. */
export interface ClockResult {
  readonly metric: ClockMetric;
  /** 1 for the first cycle; a `restart` on reopen opens cycle 2. */
  readonly cycle: number;
  readonly status: ClockStatus;
  /** The contract priority the clock was measured against. */
  readonly priority: string;
  readonly calendarName: string;
  readonly targetText: string;
  readonly targetSeconds: number;
  readonly elapsedSeconds: number;
  /** Where counting started: creation, the reopen, or (restart-from-change) the priority change. */
  readonly startedAt: number;
  /** Stop instant (reply, solve, close, cancel), or undefined while running. */
  readonly stoppedAt: number | undefined;
  /** First instant at which elapsed time reaches the target, given the pauses known so far. */
  readonly dueAt: number;
  /** When elapsed time first exceeded the target (breached clocks only). */
  readonly breachedAt: number | undefined;
  /** The instant that decides the month the clock counts in: the stop, or the breach of a running clock. */
  readonly settledAt: number | undefined;
  /** Whether elapsed is within target (met) — defined once the clock is settled. */
  readonly met: boolean | undefined;
}

/** All clocks of one ticket. */
export interface TicketClocks {
  readonly ticket: string;
  /** Contract priority at the end (or at `asOf`), if the raw value maps. */
  readonly priority: string | undefined;
  readonly rawPriority: string;
  readonly createdAt: number;
  readonly clocks: readonly ClockResult[];
  /** Why a clock is missing or an event was ignored. */
  readonly notes: readonly string[];
}
