import type { BusinessCalendar } from '../calendar/business-calendar.js';
import type { Contract } from '../contract/schema/contract-schema.js';
import type { ClockMetric } from '../contract/schema/sla.js';
import type { ClockResult } from '../sla/clock-types.js';
import type { SlaPolicy } from '../sla/sla-policy.js';
import type { TicketTimeline } from '../sla/ticket-timeline.js';
import { resolutionSecondsOn } from './resolution-seconds.js';
import { createScopeMatcher, type OutOfScopeReason } from './scope-match.js';

/** One settled clock as the scorecard counts it: in the month of `settledAt`. */
export interface SettledClockFact {
  readonly metric: ClockMetric;
  readonly cycle: number;
  readonly priority: string;
  readonly met: boolean;
  readonly settledAt: number;
}

/**
 * What one ticket contributes to monthly scorecards, independent of the month: the instants
 * that decide the months it counts in, and the per-ticket answers (scope, coverage, extras,
 * first-contact resolution, resolution time on each MTTR calendar). Plain data, so it can be
 * stored and aggregated, and the in-memory path and the stored path count the same things.
 */
export interface TicketFacts {
  readonly ticket: string;
  readonly createdAt: number;
  /** Contract priority at the end, if the raw value maps. */
  readonly priority: string | undefined;
  readonly rawPriority: string;
  /** Why the ticket is outside the service levels (it then counts in nothing else). */
  readonly outOfScope: string | undefined;
  /** The contract's name for the ticket's channel (or the source's, when the scope does not name it). */
  readonly channel: string | undefined;
  /** Created while its channel's coverage calendar was closed. */
  readonly outsideCoverage: boolean;
  /** Ids of the priced extras the ticket triggers. */
  readonly extras: readonly string[];
  readonly firstSolvedAt: number | undefined;
  /** The last solve, when the ticket stayed solved after it (quality measures count it then). */
  readonly solvedAt: number | undefined;
  readonly firstContactResolved: boolean;
  readonly reopened: boolean;
  /** Resolution seconds per `sla.quality` index for MTTR measures that apply to the ticket; null elsewhere. */
  readonly mttrSeconds: readonly (number | null)[];
  /** Clocks that settled (met or breached, stopped or breached while running). */
  readonly settledClocks: readonly SettledClockFact[];
  /** Whether a clock still runs (not stopped, not canceled): its facts change with as-of. */
  readonly running: boolean;
}

interface MttrMeasure {
  readonly index: number;
  readonly priorities: readonly string[] | undefined;
  readonly calendar: BusinessCalendar;
}

type ExtraSpec = NonNullable<NonNullable<Contract['pricing']>['extras']>[number];

interface ExtraRule {
  readonly id: string;
  readonly when: ExtraSpec['when'];
  /** 'unknown': the calendar does not exist, so the extra never applies. */
  readonly outsideCalendar: BusinessCalendar | 'unknown' | undefined;
}

function normaliseChannel(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_-]+/g, '');
}

/**
 * The contract's name for a source channel: exact, else matched ignoring case, spaces,
 * dashes and underscores (ServiceNow's "Self service" is the contract's `self-service`);
 * the source's name when the contract names no such channel.
 */
export function contractChannelName(contractChannels: readonly string[], source: string): string {
  const key = normaliseChannel(source);
  return contractChannels.find((name) => name === source || normaliseChannel(name) === key) ?? source;
}

function outOfScopeText(out: OutOfScopeReason): string {
  return out.kind === 'excluded-service' ? `excluded service ${out.service}` : `technology not covered: ${out.technology}`;
}

/**
 * The parts of a contract that decide a ticket's contribution to scorecards, looked up once
 * (a million tickets read them a million times): scope, channel coverage, extras, the
 * first-contact-resolution definition and the MTTR calendars.
 */
export class ScorecardRules {
  readonly qualityCount: number;
  private readonly scopeOf: (category: string | undefined, technology: string | undefined) => OutOfScopeReason | undefined;
  private readonly fcrDefinition: 'default' | 'one-touch' | 'no-reopen';
  private readonly mttrMeasures: readonly MttrMeasure[];
  private readonly extraRules: readonly ExtraRule[];
  private readonly channelNames = new Map<string, string>();
  private readonly coverageCalendars = new Map<string, BusinessCalendar | undefined>();

  constructor(
    private readonly contract: Contract,
    policy: SlaPolicy,
  ) {
    this.scopeOf = createScopeMatcher(contract);
    const quality = contract.sla?.quality ?? [];
    this.qualityCount = quality.length;
    const fcr = quality.find((q) => q.metric === 'firstContactResolution');
    this.fcrDefinition = fcr?.metric === 'firstContactResolution' ? fcr.definition : 'default';
    const mttrMeasures: MttrMeasure[] = [];
    quality.forEach((measure, index) => {
      if (measure.metric !== 'meanTimeToResolve') return;
      const calendar = policy.calendars.get(measure.calendar);
      // A measure on an unknown calendar counts nothing (the loader rejects such contracts).
      if (calendar) mttrMeasures.push({ index, priorities: measure.priorities, calendar });
    });
    this.mttrMeasures = mttrMeasures;
    this.extraRules = (contract.pricing?.extras ?? []).map((extra) => ({
      id: extra.id,
      when: extra.when,
      outsideCalendar: extra.when.outsideCalendar === undefined ? undefined : policy.calendars.get(extra.when.outsideCalendar) ?? 'unknown',
    }));
    for (const [name, spec] of Object.entries(contract.scope?.channels ?? {})) this.coverageCalendars.set(name, spec.coverage ? policy.calendars.get(spec.coverage) : undefined);
  }

  /** The contract's name for a source channel (`contractChannelName`, remembered). */
  channelName(source: string): string {
    let known = this.channelNames.get(source);
    if (known === undefined) {
      known = contractChannelName(Object.keys(this.contract.scope?.channels ?? {}), source);
      this.channelNames.set(source, known);
    }
    return known;
  }

  /** The coverage calendar name of a contract channel (for the scorecard's coverage section). */
  coverageOf(channel: string): string | undefined {
    return this.contract.scope?.channels?.[channel]?.coverage;
  }

  /**
   * default: at most one public agent reply, no customer reply after the first agent reply,
   * never reopened. one-touch: at most one public agent reply, never reopened. no-reopen:
   * never reopened.
   */
  private isFirstContactResolved(timeline: TicketTimeline): boolean {
    if (timeline.reopens.length > 0) return false;
    switch (this.fcrDefinition) {
      case 'default':
        return timeline.agentReplies <= 1 && !timeline.customerRepliedAfterAgent;
      case 'one-touch':
        return timeline.agentReplies <= 1;
      case 'no-reopen':
        return true;
    }
  }

  /** A ticket's contribution, from its timeline and its clocks evaluated at some as-of. */
  factsOf(timeline: TicketTimeline, clocks: readonly ClockResult[], priority: string | undefined): TicketFacts {
    const lastMark = timeline.priorities[timeline.priorities.length - 1];
    const out = this.scopeOf(timeline.category, timeline.technology);
    const channel = timeline.channel === undefined ? undefined : this.channelName(timeline.channel);
    const coverage = channel === undefined ? undefined : this.coverageCalendars.get(channel);
    const extras: string[] = [];
    for (const extra of this.extraRules) {
      const when = extra.when;
      if (when.priority !== undefined && when.priority !== priority) continue;
      if (when.channel !== undefined && when.channel !== channel) continue;
      if (when.category !== undefined && when.category !== timeline.category) continue;
      if (extra.outsideCalendar !== undefined && (extra.outsideCalendar === 'unknown' || extra.outsideCalendar.isOpenAt(timeline.createdAt))) continue;
      extras.push(extra.id);
    }
    const lastSolve = timeline.solvedAt[timeline.solvedAt.length - 1];
    const lastWindow = timeline.windows[timeline.windows.length - 1];
    const staysSolved = lastWindow !== undefined && lastWindow.stopKind === 'solved' && lastWindow.stopAt === lastSolve;
    const mttrSeconds: (number | null)[] = new Array<number | null>(this.qualityCount).fill(null);
    if (staysSolved) {
      for (const measure of this.mttrMeasures) {
        if (measure.priorities && (priority === undefined || !measure.priorities.includes(priority))) continue;
        mttrSeconds[measure.index] = resolutionSecondsOn(measure.calendar, timeline);
      }
    }
    const settledClocks: SettledClockFact[] = [];
    let running = false;
    for (const clock of clocks) {
      if (clock.stoppedAt === undefined && clock.status !== 'canceled') running = true;
      if (clock.met !== undefined && clock.settledAt !== undefined) settledClocks.push({ metric: clock.metric, cycle: clock.cycle, priority: clock.priority, met: clock.met, settledAt: clock.settledAt });
    }
    return {
      ticket: timeline.ticket,
      createdAt: timeline.createdAt,
      priority,
      rawPriority: lastMark?.raw ?? '',
      outOfScope: out ? outOfScopeText(out) : undefined,
      channel,
      outsideCoverage: coverage !== undefined && !coverage.isOpenAt(timeline.createdAt),
      extras,
      firstSolvedAt: timeline.solvedAt[0],
      solvedAt: staysSolved ? lastSolve : undefined,
      firstContactResolved: this.isFirstContactResolved(timeline),
      reopened: timeline.reopens.length > 0,
      mttrSeconds,
      settledClocks,
      running,
    };
  }
}
