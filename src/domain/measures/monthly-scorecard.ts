import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { openSecondsOutsidePauses } from '../calendar/paused-time.js';
import type { Contract } from '../contract/schema/contract-schema.js';
import type { ClockResult } from '../sla/clock-types.js';
import type { SlaPolicy } from '../sla/sla-policy.js';
import type { TicketTimeline } from '../sla/ticket-timeline.js';
import type { Outage, VendorReportDelivery } from '../tickets/ticket-event.js';
import { compareCodePoints } from '../tickets/ticket-order.js';
import { secondsOf } from '../time/duration.js';
import { addDays, monthBounds } from '../time/local-date.js';
import { startOfLocalDate } from '../time/zone.js';
import { isWithin, monthPeriod, type MonthPeriod } from './month-period.js';
import { ScorecardRules, type TicketFacts } from './ticket-facts.js';
import type { ClockMetric } from '../contract/schema/sla.js';
import type { AvailabilityScore, ChannelCoverage, MonthlyScorecard, QualityScore, ServiceLevelScore, VendorReportScore } from './scorecard.js';
import { share, shareAtLeast, shareAtMost } from './share.js';

/** Most tickets listed per measure; counts stay exact. */
export const maxListedTickets = 1000;

/**
 * The first `maxListedTickets` ids in id order, whatever order they arrive in (streamed,
 * aggregated, then running tickets): cut back whenever it doubles, and once cut, an id after
 * the last one kept is turned away at once (it can never be among the first).
 */
class CappedIds {
  private readonly items: string[] = [];
  private last: string | undefined;

  push(ticket: string): void {
    if (this.last !== undefined && compareIds(ticket, this.last) > 0) return;
    this.items.push(ticket);
    if (this.items.length >= 2 * maxListedTickets) {
      this.items.sort(compareIds);
      this.items.length = maxListedTickets;
      this.last = this.items[maxListedTickets - 1];
    }
  }

  /** The kept ids, sorted and cut to `maxListedTickets`. */
  sorted(): string[] {
    return [...this.items].sort(compareIds).slice(0, maxListedTickets);
  }
}

/** Ticket ids in the store's order (code points: UTF-8 byte order, as COLLATE "C"), so every path lists the same tickets. */
const compareIds = compareCodePoints;

/** Slowest first; equal times in id order, so every path keeps the same twenty. */
function slowestFirst(a: { ticket: string; seconds: number }, b: { ticket: string; seconds: number }): number {
  return b.seconds - a.seconds || compareIds(a.ticket, b.ticket);
}

/** The twenty slowest, kept the same way: once cut, a ticket after the twentieth is turned away. */
class SlowestTickets {
  private readonly items: { ticket: string; seconds: number }[] = [];
  private last: { ticket: string; seconds: number } | undefined;

  push(entry: { ticket: string; seconds: number }): void {
    if (this.last !== undefined && slowestFirst(entry, this.last) > 0) return;
    this.items.push(entry);
    if (this.items.length > 40) {
      this.items.sort(slowestFirst).splice(20);
      this.last = this.items[19];
    }
  }

  sorted(): { ticket: string; seconds: number }[] {
    return [...this.items].sort(slowestFirst).slice(0, 20);
  }
}

type ServiceLevelSpec = NonNullable<NonNullable<Contract['sla']>['serviceLevels']>[number];

interface LevelTally {
  settled: number;
  met: number;
  breached: CappedIds;
  breachedCount: number;
}

/**
 * Counts of one month already aggregated elsewhere (a store grouping materialised ticket
 * facts), in the builder's own terms. Lists hold ticket ids in ticket order, at most
 * `maxListedTickets` each; counts are exact.
 */
export interface MonthAggregate {
  /** Settled clocks by metric and priority: how many, how many met, the breached tickets (`T-1#2` for cycle 2). */
  readonly clocks: readonly { readonly metric: ClockMetric; readonly priority: string; readonly settled: number; readonly met: number; readonly breached: readonly string[] }[];
  /** Tickets created in the month that are out of scope. */
  readonly outOfScope: readonly { readonly ticket: string; readonly reason: string }[];
  /** Raw priorities of tickets created in the month that map to no contract priority. */
  readonly unmapped: Readonly<Record<string, number>>;
  readonly createdByPriority: Readonly<Record<string, number>>;
  /** In-scope tickets created in the month whose priority does not map (they count in `created` too). */
  readonly createdUnmapped: number;
  readonly resolvedByPriority: Readonly<Record<string, number>>;
  readonly coverage: readonly { readonly channel: string; readonly created: number; readonly outside: number; readonly tickets: readonly string[] }[];
  readonly extras: Readonly<Record<string, readonly string[]>>;
  /** Tickets whose last solve falls in the month and that stayed solved. */
  readonly solved: number;
  readonly firstContactResolved: number;
  readonly notFirstContactResolved: readonly string[];
  readonly reopened: number;
  readonly reopenedTickets: readonly string[];
  /** Per `sla.quality` index: sum and count of resolution seconds, and the slowest tickets (slowest first). */
  readonly mttr: readonly { readonly sum: number; readonly count: number; readonly slowest: readonly { readonly ticket: string; readonly seconds: number }[] }[];
}

/**
 * Builds one month's scorecard one ticket at a time (memory grows only with the tickets it
 * lists), so a million tickets can be streamed through it:
 * `const card = new MonthlyScorecardBuilder(contract, policy, '2027-03', asOf); for (...) card.addTicket(timeline, clocks); card.addOutages(o); card.build()`.
 * Tickets can also arrive as stored facts (`addFacts`) or as counts a store aggregated from
 * such facts (`addAggregate`): all three feed the same tallies.
 */
export class MonthlyScorecardBuilder {
  readonly period: MonthPeriod;
  readonly rules: ScorecardRules;
  private readonly levels: LevelTally[];
  private readonly outOfScope: { ticket: string; reason: string }[] = [];
  private solvedCount = 0;
  private fcrYes = 0;
  private readonly fcrNo = new CappedIds();
  private reopened = 0;
  private readonly reopenedTickets = new CappedIds();
  private readonly mttr: { sum: number; count: number; slowest: SlowestTickets }[];
  private readonly coverage = new Map<string, { created: number; outside: number; tickets: CappedIds }>();
  private readonly unmapped: Record<string, number> = {};
  private created = 0;
  private readonly resolvedByPriority: Record<string, number> = {};
  private readonly createdByPriority: Record<string, number> = {};
  private readonly extras: Record<string, string[]> = {};
  private readonly outages: Outage[] = [];
  private readonly reports: VendorReportDelivery[] = [];
  private readonly serviceLevels: readonly ServiceLevelSpec[];

  constructor(
    private readonly contract: Contract,
    private readonly policy: SlaPolicy,
    month: string,
    private readonly asOf: number,
    rules?: ScorecardRules,
  ) {
    this.period = monthPeriod(month, contract.timezone);
    this.rules = rules ?? new ScorecardRules(contract, policy);
    this.levels = (contract.sla?.serviceLevels ?? []).map(() => ({ settled: 0, met: 0, breached: new CappedIds(), breachedCount: 0 }));
    this.mttr = (contract.sla?.quality ?? []).map(() => ({ sum: 0, count: 0, slowest: new SlowestTickets() }));
    for (const extra of contract.pricing?.extras ?? []) this.extras[extra.id] = [];
    this.serviceLevels = contract.sla?.serviceLevels ?? [];
  }

  /** Adds one ticket: its timeline and its evaluated clocks. */
  addTicket(timeline: TicketTimeline, clocks: readonly ClockResult[], priority: string | undefined): void {
    this.addFacts(this.rules.factsOf(timeline, clocks, priority));
  }

  /** Adds one ticket's facts (as `ScorecardRules.factsOf` gives them, or as stored). */
  addFacts(facts: TicketFacts): void {
    const period = this.period;
    const ticket = facts.ticket;
    const createdInMonth = isWithin(period, facts.createdAt);
    const priority = facts.priority;
    if (priority === undefined && createdInMonth) this.unmapped[facts.rawPriority] = (this.unmapped[facts.rawPriority] ?? 0) + 1;
    if (facts.outOfScope !== undefined) {
      if (createdInMonth) this.outOfScope.push({ ticket, reason: facts.outOfScope });
      return;
    }
    if (createdInMonth) {
      this.created++;
      if (priority !== undefined) this.createdByPriority[priority] = (this.createdByPriority[priority] ?? 0) + 1;
      if (facts.channel !== undefined) this.countCoverage(facts.channel, 1, facts.outsideCoverage ? 1 : 0, facts.outsideCoverage ? [ticket] : []);
      for (const id of facts.extras) this.extras[id]?.push(ticket);
    }
    if (priority !== undefined && isWithin(period, facts.firstSolvedAt)) this.resolvedByPriority[priority] = (this.resolvedByPriority[priority] ?? 0) + 1;

    // Service levels: each clock counts in the month it settles.
    const levels = this.serviceLevels;
    for (const clock of facts.settledClocks) {
      if (!isWithin(period, clock.settledAt)) continue;
      for (let i = 0; i < levels.length; i++) {
        const level = levels[i]!;
        if (level.metric !== clock.metric || !level.priorities.includes(clock.priority)) continue;
        const tally = this.levels[i]!;
        tally.settled++;
        if (clock.met) tally.met++;
        else {
          tally.breachedCount++;
          tally.breached.push(clock.cycle > 1 ? `${ticket}#${clock.cycle}` : ticket);
        }
      }
    }

    // Quality: tickets whose last solve falls in the month (and that stayed solved).
    if (!isWithin(period, facts.solvedAt)) return;
    this.solvedCount++;
    if (facts.firstContactResolved) this.fcrYes++;
    else this.fcrNo.push(ticket);
    if (facts.reopened) {
      this.reopened++;
      this.reopenedTickets.push(ticket);
    }
    facts.mttrSeconds.forEach((seconds, index) => {
      if (seconds === null) return;
      const tally = this.mttr[index]!;
      tally.sum += seconds;
      tally.count++;
      tally.slowest.push({ ticket, seconds });
    });
  }

  /** Adds counts aggregated elsewhere (see `MonthAggregate`). */
  addAggregate(aggregate: MonthAggregate): void {
    const levels = this.serviceLevels;
    for (const group of aggregate.clocks) {
      for (let i = 0; i < levels.length; i++) {
        const level = levels[i]!;
        if (level.metric !== group.metric || !level.priorities.includes(group.priority)) continue;
        const tally = this.levels[i]!;
        tally.settled += group.settled;
        tally.met += group.met;
        tally.breachedCount += group.settled - group.met;
        for (const ticket of group.breached) tally.breached.push(ticket);
      }
    }
    for (const entry of aggregate.outOfScope) this.outOfScope.push(entry);
    for (const [raw, n] of Object.entries(aggregate.unmapped)) this.unmapped[raw] = (this.unmapped[raw] ?? 0) + n;
    for (const [p, n] of Object.entries(aggregate.createdByPriority)) {
      this.createdByPriority[p] = (this.createdByPriority[p] ?? 0) + n;
      this.created += n;
    }
    this.created += aggregate.createdUnmapped;
    for (const [p, n] of Object.entries(aggregate.resolvedByPriority)) this.resolvedByPriority[p] = (this.resolvedByPriority[p] ?? 0) + n;
    for (const c of aggregate.coverage) this.countCoverage(c.channel, c.created, c.outside, c.tickets);
    for (const [id, tickets] of Object.entries(aggregate.extras)) this.extras[id]?.push(...tickets);
    this.solvedCount += aggregate.solved;
    this.fcrYes += aggregate.firstContactResolved;
    for (const t of aggregate.notFirstContactResolved) this.fcrNo.push(t);
    this.reopened += aggregate.reopened;
    for (const t of aggregate.reopenedTickets) this.reopenedTickets.push(t);
    aggregate.mttr.forEach((m, index) => {
      const tally = this.mttr[index];
      if (!tally) return;
      tally.sum += m.sum;
      tally.count += m.count;
      for (const entry of m.slowest) tally.slowest.push(entry);
    });
  }

  addOutages(outages: readonly Outage[]): void {
    this.outages.push(...outages);
  }

  addVendorReports(reports: readonly VendorReportDelivery[]): void {
    this.reports.push(...reports);
  }

  private countCoverage(channel: string, created: number, outside: number, tickets: readonly string[]): void {
    let entry = this.coverage.get(channel);
    if (!entry) this.coverage.set(channel, (entry = { created: 0, outside: 0, tickets: new CappedIds() }));
    entry.created += created;
    entry.outside += outside;
    for (const t of tickets) entry.tickets.push(t);
  }

  build(): MonthlyScorecard {
    const sla = this.contract.sla;
    const serviceLevels: ServiceLevelScore[] = (sla?.serviceLevels ?? []).map((level, i) => {
      const tally = this.levels[i]!;
      const attainment = share(tally.met, tally.settled);
      return {
        id: level.id,
        metric: level.metric,
        priorities: level.priorities,
        target: level.atLeast.text,
        settled: tally.settled,
        met: tally.met,
        breached: tally.breachedCount,
        attainment,
        result: attainment === undefined ? 'no-data' : shareAtLeast(attainment, level.atLeast.fraction) ? 'met' : 'missed',
        breachedTickets: tally.breached.sorted(),
      };
    });
    const quality: QualityScore[] = (sla?.quality ?? []).map((measure, i): QualityScore => {
      switch (measure.metric) {
        case 'firstContactResolution': {
          const value = share(this.fcrYes, this.solvedCount);
          return { id: measure.id, metric: measure.metric, target: `at least ${measure.atLeast.text}`, definition: measure.definition, count: this.solvedCount, ...(value ? { share: value } : {}), result: value === undefined ? 'no-data' : shareAtLeast(value, measure.atLeast.fraction) ? 'met' : 'missed', tickets: this.fcrNo.sorted() };
        }
        case 'reopenRate': {
          const value = share(this.reopened, this.solvedCount);
          return { id: measure.id, metric: measure.metric, target: `at most ${measure.atMost.text}`, count: this.solvedCount, ...(value ? { share: value } : {}), result: value === undefined ? 'no-data' : shareAtMost(value, measure.atMost.fraction) ? 'met' : 'missed', tickets: this.reopenedTickets.sorted() };
        }
        case 'meanTimeToResolve': {
          const tally = this.mttr[i]!;
          const mean = tally.count === 0 ? undefined : Math.floor(tally.sum / tally.count);
          const limit = secondsOf(measure.atMost);
          // Exact: sum <= limit * count, never a rounded mean.
          const result = tally.count === 0 ? 'no-data' : tally.sum <= limit * tally.count ? 'met' : 'missed';
          const slowest = tally.slowest.sorted().map((s) => s.ticket);
          return { id: measure.id, metric: measure.metric, target: `at most ${measure.atMost.text} (${measure.calendar} calendar)`, count: tally.count, ...(mean !== undefined ? { meanSeconds: mean } : {}), result, tickets: slowest };
        }
      }
    });
    const availability = (sla?.availability ?? []).map((target) => this.scoreAvailability(target));
    const coverage: ChannelCoverage[] = [...this.coverage.entries()].sort(([a], [b]) => compareIds(a, b)).map(([channel, entry]) => ({ channel, coverage: this.rules.coverageOf(channel), created: entry.created, createdOutsideCoverage: entry.outside, tickets: entry.tickets.sorted() }));
    const withData = serviceLevels.filter((l) => l.result !== 'no-data');
    return {
      contractId: this.contract.id,
      month: this.period.month,
      zone: this.period.zone,
      startAt: this.period.startAt,
      endAt: this.period.endAt,
      asOf: this.asOf,
      serviceLevels,
      quality,
      availability,
      vendorReport: this.scoreVendorReport(),
      volumes: {
        created: this.created,
        solved: this.solvedCount,
        resolvedByPriority: sortedRecord(this.resolvedByPriority),
        createdByPriority: sortedRecord(this.createdByPriority),
        extras: sortedRecord(Object.fromEntries(Object.entries(this.extras).map(([id, tickets]) => [id, [...tickets].sort(compareIds)]))),
      },
      outOfScope: [...this.outOfScope].sort((a, b) => compareIds(a.ticket, b.ticket)),
      coverage,
      unmappedPriorities: sortedRecord(this.unmapped),
      allServiceLevelsMet: withData.length > 0 && withData.every((l) => l.result === 'met'),
    };
  }

  private scoreAvailability(target: NonNullable<NonNullable<Contract['sla']>['availability']>[number]): AvailabilityScore {
    const calendar = this.policy.calendars.get(target.calendar);
    const period = this.period;
    const relevant = this.outages.filter((o) => o.service === target.id || o.service === target.service);
    // Merge overlapping outages of the service, clipped to the month.
    const spans = relevant
      .map((o) => [Math.max(o.startAt, period.startAt), Math.min(o.endAt, period.endAt)] as [number, number])
      .filter(([a, b]) => b > a)
      .sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const span of spans) {
      const last = merged[merged.length - 1];
      if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
      else merged.push([span[0], span[1]]);
    }
    const none = new Float64Array(0);
    const periodSeconds = calendar ? openSecondsOutsidePauses(calendar, period.startAt, period.endAt, none) : 0;
    let outageSeconds = 0;
    let longest = 0;
    for (const [a, b] of merged) {
      const seconds = calendar ? openSecondsOutsidePauses(calendar, a, b, none) : 0;
      outageSeconds += seconds;
      longest = Math.max(longest, seconds);
    }
    const available = share(periodSeconds - outageSeconds, periodSeconds);
    const maxSingle = target.maxSingleOutage ? secondsOf(target.maxSingleOutage) : undefined;
    const tooLong = maxSingle !== undefined && longest > maxSingle;
    return {
      id: target.id,
      service: target.service,
      target: target.target.text,
      calendar: target.calendar,
      periodSeconds,
      outageSeconds,
      availability: available,
      longestOutageSeconds: longest,
      maxSingleOutageSeconds: maxSingle,
      longestOutageTooLong: tooLong,
      result: available === undefined ? 'no-data' : shareAtLeast(available, target.target.fraction) && !tooLong ? 'met' : 'missed',
      outages: relevant.filter((o) => o.endAt > period.startAt && o.startAt < period.endAt).map((o) => o.id),
    };
  }

  private scoreVendorReport(): VendorReportScore | undefined {
    const spec = this.contract.sla?.reporting?.vendorReport;
    if (!spec) return undefined;
    const dueAt = vendorReportDueAt(spec.dueWithin, spec.calendar ? this.policy.calendars.get(spec.calendar) : undefined, this.period);
    const delivered = this.reports.filter((r) => r.month === this.period.month).map((r) => r.deliveredAt).sort((a, b) => a - b)[0];
    if (delivered !== undefined) return { dueAt, deliveredAt: delivered, result: delivered <= dueAt ? 'on-time' : 'late' };
    return { dueAt, deliveredAt: undefined, result: this.asOf > dueAt ? 'missing' : 'not-due' };
  }
}

/**
 * When a month's vendor report is due: `Nbd` is the closing of the Nth business day of the
 * next month (day 1 is the first open day on or after the 1st); `Nd` is the end of the Nth
 * calendar day after the month ends.
 */
export function vendorReportDueAt(dueWithin: { amount: number; unit: string }, calendar: BusinessCalendar | undefined, period: MonthPeriod): number {
  if (dueWithin.unit === 'bd' && calendar) return calendar.closingOfBusinessDay(period.endAt, Math.max(0, dueWithin.amount - 1));
  // N calendar days after month end: the end of the Nth day of the next month, local time.
  const lastDay = monthBounds(period.month)[1];
  return startOfLocalDate(addDays(lastDay, dueWithin.amount + 1), period.zone);
}

/**
 * The record with its keys in code-unit order: a scorecard's JSON must not depend on the order
 * tickets (or a database's groups) arrived in, since invoices digest it.
 */
function sortedRecord<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareIds(a, b)));
}
