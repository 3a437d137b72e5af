/**
 * The reference scorecard builder: `MonthlyScorecardBuilder` as it stood before its hot path
 * (`addTicket`) was optimised, kept unchanged so a property test can hold the optimised
 * builder to it. It looks contract sections up per ticket, normalises scope strings per
 * ticket and allocates freely. Do not optimise this file: its value is being obviously the rules.
 */
import type { BusinessCalendar } from '../../calendar/business-calendar.js';
import { openSecondsOutsidePauses } from '../../calendar/paused-time.js';
import type { Contract } from '../../contract/schema/contract-schema.js';
import type { ClockResult } from '../../sla/clock-types.js';
import type { SlaPolicy } from '../../sla/sla-policy.js';
import type { TicketTimeline } from '../../sla/ticket-timeline.js';
import type { Outage, VendorReportDelivery } from '../../tickets/ticket-event.js';
import { secondsOf } from '../../time/duration.js';
import { addDays, monthBounds } from '../../time/local-date.js';
import { startOfLocalDate } from '../../time/zone.js';
import { isWithin, monthPeriod, type MonthPeriod } from '../month-period.js';
// MTTR's interval arithmetic (pauses and gaps between solves merged) is shared with the builder, not re-derived here.
import { resolutionSecondsOn } from '../resolution-seconds.js';
import type { OutOfScopeReason } from '../scope-match.js';
import type { AvailabilityScore, ChannelCoverage, MonthlyScorecard, QualityScore, ServiceLevelScore, VendorReportScore } from '../scorecard.js';
import { share, shareAtLeast, shareAtMost } from '../share.js';

// The scope matcher as it stood, normalising both strings per ticket.
function normalise(text: string): string {
  return text.trim().toLowerCase();
}

/**
 * Matches a ticket's category and technology against the scope. A category that is an
 * excluded service, or a technology not among the listed operating systems (with version),
 * applications and devices, puts the ticket out of scope; a ticket that names neither is in
 * scope. `Windows 11` matches `{ name: Windows, versions: ["11"] }`; `Windows 10` does not.
 */
function createScopeMatcher(contract: Contract): (category: string | undefined, technology: string | undefined) => OutOfScopeReason | undefined {
  const excluded = new Set((contract.scope?.excluded ?? []).map((s) => normalise(s.id)));
  const tech = contract.scope?.technologies;
  const covered = new Set<string>();
  const osNames = new Set<string>();
  for (const os of tech?.operatingSystems ?? []) {
    osNames.add(normalise(os.name));
    if (!os.versions || os.versions.length === 0) covered.add(normalise(os.name));
    for (const version of os.versions ?? []) covered.add(normalise(`${os.name} ${version}`));
  }
  for (const app of tech?.applications ?? []) covered.add(normalise(app));
  for (const device of tech?.devices ?? []) covered.add(normalise(device));
  const technologiesListed = covered.size > 0;
  return (category, technology) => {
    if (category !== undefined && excluded.has(normalise(category))) return { kind: 'excluded-service', service: category };
    if (technology !== undefined && technologiesListed) {
      const t = normalise(technology);
      if (!covered.has(t)) {
        // "Windows" alone names an operating system whose versions are listed: in scope.
        if (!osNames.has(t)) return { kind: 'uncovered-technology', technology };
      }
    }
    return undefined;
  };
}

/** Most tickets listed per measure; counts stay exact. */
const maxListedTickets = 1000;

/** Keeps every id; `listed` sorts and cuts when the scorecard is built. */
function pushCapped(list: string[], ticket: string): void {
  list.push(ticket);
}

/** Ids in the order of their UTF-8 bytes (PostgreSQL's "C" collation), the obvious way. */
function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** The first `maxListedTickets` ids in byte order. */
function listed(list: readonly string[]): string[] {
  return [...list].sort(byteOrder).slice(0, maxListedTickets);
}

interface LevelTally {
  settled: number;
  met: number;
  breached: string[];
  breachedCount: number;
}

/**
 * Builds one month's scorecard one ticket at a time (memory grows only with the tickets it
 * lists), so a million tickets can be streamed through it:
 * `const card = new MonthlyScorecardBuilder(contract, policy, '2027-03', asOf); for (...) card.addTicket(timeline, clocks); card.addOutages(o); card.build()`.
 */
export class ReferenceMonthlyScorecardBuilder {
  readonly period: MonthPeriod;
  private readonly levels: LevelTally[];
  private readonly outOfScope: { ticket: string; reason: string }[] = [];
  private readonly scopeOf: (category: string | undefined, technology: string | undefined) => OutOfScopeReason | undefined;
  private solvedCount = 0;
  private fcrYes = 0;
  private readonly fcrNo: string[] = [];
  private reopened = 0;
  private readonly reopenedTickets: string[] = [];
  private readonly mttr: { sum: number; count: number; slowest: { ticket: string; seconds: number }[] }[];
  private readonly coverage = new Map<string, { created: number; outside: number; tickets: string[] }>();
  private readonly unmapped: Record<string, number> = {};
  private created = 0;
  private readonly resolvedByPriority: Record<string, number> = {};
  private readonly createdByPriority: Record<string, number> = {};
  private readonly extras: Record<string, string[]> = {};
  private readonly outages: Outage[] = [];
  private readonly reports: VendorReportDelivery[] = [];

  constructor(
    private readonly contract: Contract,
    private readonly policy: SlaPolicy,
    month: string,
    private readonly asOf: number,
  ) {
    this.period = monthPeriod(month, contract.timezone);
    this.levels = (contract.sla?.serviceLevels ?? []).map(() => ({ settled: 0, met: 0, breached: [], breachedCount: 0 }));
    this.mttr = (contract.sla?.quality ?? []).map(() => ({ sum: 0, count: 0, slowest: [] }));
    this.scopeOf = createScopeMatcher(contract);
    for (const extra of contract.pricing?.extras ?? []) this.extras[extra.id] = [];
  }

  /** Adds one ticket: its timeline (facts) and its evaluated clocks. */
  addTicket(timeline: TicketTimeline, clocks: readonly ClockResult[], priority: string | undefined): void {
    const period = this.period;
    const ticket = timeline.ticket;
    const createdInMonth = isWithin(period, timeline.createdAt);
    const lastMark = timeline.priorities[timeline.priorities.length - 1];
    if (priority === undefined && lastMark && createdInMonth) this.unmapped[lastMark.raw] = (this.unmapped[lastMark.raw] ?? 0) + 1;

    const out = this.scopeOf(timeline.category, timeline.technology);
    if (out) {
      if (createdInMonth) this.outOfScope.push({ ticket, reason: out.kind === 'excluded-service' ? `excluded service ${out.service}` : `technology not covered: ${out.technology}` });
      return;
    }

    if (createdInMonth) {
      this.created++;
      if (priority !== undefined) this.createdByPriority[priority] = (this.createdByPriority[priority] ?? 0) + 1;
      this.recordCoverage(timeline);
      this.recordExtras(timeline, priority);
    }
    const firstSolve = timeline.solvedAt[0];
    if (priority !== undefined && isWithin(period, firstSolve)) this.resolvedByPriority[priority] = (this.resolvedByPriority[priority] ?? 0) + 1;

    // Service levels: each clock counts in the month it settles.
    const levels = this.contract.sla?.serviceLevels ?? [];
    for (const clock of clocks) {
      if (clock.met === undefined || !isWithin(period, clock.settledAt)) continue;
      for (let i = 0; i < levels.length; i++) {
        const level = levels[i]!;
        if (level.metric !== clock.metric || !level.priorities.includes(clock.priority)) continue;
        const tally = this.levels[i]!;
        tally.settled++;
        if (clock.met) tally.met++;
        else {
          tally.breachedCount++;
          pushCapped(tally.breached, clock.cycle > 1 ? `${ticket}#${clock.cycle}` : ticket);
        }
      }
    }

    // Quality: tickets whose last solve falls in the month (and that stayed solved).
    const lastSolve = timeline.solvedAt[timeline.solvedAt.length - 1];
    const lastWindow = timeline.windows[timeline.windows.length - 1];
    const staysSolved = lastWindow !== undefined && lastWindow.stopKind === 'solved' && lastWindow.stopAt === lastSolve;
    if (!staysSolved || !isWithin(period, lastSolve)) return;
    this.solvedCount++;
    if (this.isFirstContactResolved(timeline)) this.fcrYes++;
    else pushCapped(this.fcrNo, ticket);
    if (timeline.reopens.length > 0) {
      this.reopened++;
      pushCapped(this.reopenedTickets, ticket);
    }
    (this.contract.sla?.quality ?? []).forEach((measure, i) => {
      if (measure.metric !== 'meanTimeToResolve') return;
      if (measure.priorities && (priority === undefined || !measure.priorities.includes(priority))) return;
      const calendar = this.policy.calendars.get(measure.calendar);
      if (!calendar) return;
      const seconds = resolutionSecondsOn(calendar, timeline);
      const tally = this.mttr[i]!;
      tally.sum += seconds;
      tally.count++;
      tally.slowest.push({ ticket, seconds });
    });
  }

  addOutages(outages: readonly Outage[]): void {
    this.outages.push(...outages);
  }

  addVendorReports(reports: readonly VendorReportDelivery[]): void {
    this.reports.push(...reports);
  }

  private fcrDefinition(): 'default' | 'one-touch' | 'no-reopen' {
    const measure = (this.contract.sla?.quality ?? []).find((q) => q.metric === 'firstContactResolution');
    return measure?.metric === 'firstContactResolution' ? measure.definition : 'default';
  }

  /**
   * default: at most one public agent reply, no customer reply after the first agent reply,
   * never reopened. one-touch: at most one public agent reply, never reopened. no-reopen:
   * never reopened.
   */
  private isFirstContactResolved(timeline: TicketTimeline): boolean {
    if (timeline.reopens.length > 0) return false;
    switch (this.fcrDefinition()) {
      case 'default':
        return timeline.agentReplies <= 1 && !timeline.customerRepliedAfterAgent;
      case 'one-touch':
        return timeline.agentReplies <= 1;
      case 'no-reopen':
        return true;
    }
  }

  private recordCoverage(timeline: TicketTimeline): void {
    const channel = timeline.channel;
    if (channel === undefined) return;
    const spec = this.contract.scope?.channels?.[channel];
    const entry = this.coverage.get(channel) ?? { created: 0, outside: 0, tickets: [] };
    entry.created++;
    const calendar = spec?.coverage ? this.policy.calendars.get(spec.coverage) : undefined;
    if (calendar && !calendar.isOpenAt(timeline.createdAt)) {
      entry.outside++;
      pushCapped(entry.tickets, timeline.ticket);
    }
    this.coverage.set(channel, entry);
  }

  private recordExtras(timeline: TicketTimeline, priority: string | undefined): void {
    for (const extra of this.contract.pricing?.extras ?? []) {
      const when = extra.when;
      if (when.priority !== undefined && when.priority !== priority) continue;
      if (when.channel !== undefined && when.channel !== timeline.channel) continue;
      if (when.category !== undefined && when.category !== timeline.category) continue;
      if (when.outsideCalendar !== undefined) {
        const calendar = this.policy.calendars.get(when.outsideCalendar);
        if (!calendar || calendar.isOpenAt(timeline.createdAt)) continue;
      }
      this.extras[extra.id]?.push(timeline.ticket);
    }
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
        breachedTickets: listed(tally.breached),
      };
    });
    const quality: QualityScore[] = (sla?.quality ?? []).map((measure, i): QualityScore => {
      switch (measure.metric) {
        case 'firstContactResolution': {
          const value = share(this.fcrYes, this.solvedCount);
          return { id: measure.id, metric: measure.metric, target: `at least ${measure.atLeast.text}`, definition: measure.definition, count: this.solvedCount, ...(value ? { share: value } : {}), result: value === undefined ? 'no-data' : shareAtLeast(value, measure.atLeast.fraction) ? 'met' : 'missed', tickets: listed(this.fcrNo) };
        }
        case 'reopenRate': {
          const value = share(this.reopened, this.solvedCount);
          return { id: measure.id, metric: measure.metric, target: `at most ${measure.atMost.text}`, count: this.solvedCount, ...(value ? { share: value } : {}), result: value === undefined ? 'no-data' : shareAtMost(value, measure.atMost.fraction) ? 'met' : 'missed', tickets: listed(this.reopenedTickets) };
        }
        case 'meanTimeToResolve': {
          const tally = this.mttr[i]!;
          const mean = tally.count === 0 ? undefined : Math.floor(tally.sum / tally.count);
          const limit = secondsOf(measure.atMost);
          // Exact: sum <= limit * count, never a rounded mean.
          const result = tally.count === 0 ? 'no-data' : tally.sum <= limit * tally.count ? 'met' : 'missed';
          const slowest = [...tally.slowest].sort((a, b) => b.seconds - a.seconds || byteOrder(a.ticket, b.ticket)).slice(0, 20).map((s) => s.ticket);
          return { id: measure.id, metric: measure.metric, target: `at most ${measure.atMost.text} (${measure.calendar} calendar)`, count: tally.count, ...(mean !== undefined ? { meanSeconds: mean } : {}), result, tickets: slowest };
        }
      }
    });
    const availability = (sla?.availability ?? []).map((target) => this.scoreAvailability(target));
    const coverage: ChannelCoverage[] = [...this.coverage.entries()].sort(([a], [b]) => byteOrder(a, b)).map(([channel, entry]) => ({ channel, coverage: this.contract.scope?.channels?.[channel]?.coverage, created: entry.created, createdOutsideCoverage: entry.outside, tickets: listed(entry.tickets) }));
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
      volumes: { created: this.created, solved: this.solvedCount, resolvedByPriority: this.resolvedByPriority, createdByPriority: this.createdByPriority, extras: Object.fromEntries(Object.entries(this.extras).map(([id, tickets]) => [id, [...tickets].sort(byteOrder)])) },
      outOfScope: [...this.outOfScope].sort((a, b) => byteOrder(a.ticket, b.ticket)),
      coverage,
      unmappedPriorities: this.unmapped,
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
function vendorReportDueAt(dueWithin: { amount: number; unit: string }, calendar: BusinessCalendar | undefined, period: MonthPeriod): number {
  if (dueWithin.unit === 'bd' && calendar) return calendar.closingOfBusinessDay(period.endAt, Math.max(0, dueWithin.amount - 1));
  // N calendar days after month end: the end of the Nth day of the next month, local time.
  const lastDay = monthBounds(period.month)[1];
  return startOfLocalDate(addDays(lastDay, dueWithin.amount + 1), period.zone);
}

