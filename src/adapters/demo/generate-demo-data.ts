import type { BusinessCalendar } from '../../domain/calendar/business-calendar.js';
import type { Contract } from '../../domain/contract/schema/contract-schema.js';
import { SupportPactError } from '../../domain/errors/index.js';
import { monthPeriod } from '../../domain/measures/month-period.js';
import { compileSlaPolicy } from '../../domain/sla/index.js';
import type { TicketEvent, VendorReportDelivery } from '../../domain/tickets/index.js';
import { addMonthsToMonth, isMonth } from '../../domain/time/local-date.js';
import { sceneOfMonth, sceneOfMonthInProgress } from './demo-scenes.js';
import type { DemoData, DemoOptions, DemoTicket } from './demo-types.js';
import { readDemoVocabulary } from './demo-vocabulary.js';
import { planArrivals, quietDatesOf } from './plan-arrivals.js';
import { planMonthTickets } from './plan-month-tickets.js';
import { planOpenTickets, type ScriptedTicket } from './plan-open-tickets.js';
import { planOutages, planVendorReports } from './plan-operations.js';
import { planRiskInputs } from './plan-risk-inputs.js';
import { createRandomSource } from './random-source.js';
import type { StoryContext } from './story-builder.js';
import { writeTicketStory } from './write-ticket-story.js';
import { createZoneClock } from './zone-clock.js';

export const defaultDemoMonths: readonly string[] = ['2027-03', '2027-04', '2027-05'];
const agents = ['ana.lopez', 'ben.carter', 'chloe.martin', 'dev.patel', 'elena.rossi', 'farid.haddad', 'grace.kim', 'hugo.silva', 'ivy.chen', 'jonas.berg', 'kemi.adeyemi', 'liam.walsh', 'maya.singh', 'noah.fischer'];
const requesters = ['r.alvarez', 's.brooks', 't.cho', 'u.dubois', 'v.eriksen', 'w.fong', 'x.garcia', 'y.hughes', 'z.ibrahim', 'a.jensen', 'b.kaur', 'c.larsen', 'd.moreau', 'e.novak', 'f.oconnor', 'g.park', 'h.quinn', 'i.rao', 'j.sato', 'k.tanaka'];

function resolveMonths(options: DemoOptions): string[] {
  const fail = (message: string, path: string, hint: string): never => {
    throw new SupportPactError('USAGE', message, { problems: [{ message, path: [path], hint }] });
  };
  let months: string[];
  if (options.startMonth !== undefined || options.monthCount !== undefined) {
    const count = options.monthCount ?? 0;
    if (options.startMonth === undefined || !isMonth(options.startMonth)) return fail(`startMonth "${options.startMonth}" is not a month`, 'startMonth', 'give the first month as YYYY-MM, with monthCount');
    if (!Number.isInteger(count) || count < 1 || count > 24) return fail(`monthCount ${count} is not between 1 and 24`, 'monthCount', 'ask for 1 to 24 months');
    months = Array.from({ length: count }, (_, i) => addMonthsToMonth(options.startMonth!, i));
  } else months = [...(options.months ?? defaultDemoMonths)];
  if (months.length === 0) fail('no months to generate', 'months', 'list at least one month, e.g. ["2027-03"]');
  months.forEach((month, i) => {
    if (!isMonth(month)) fail(`"${month}" is not a month`, 'months', 'write months as YYYY-MM');
    if (i > 0 && month !== addMonthsToMonth(months[i - 1]!, 1)) fail(`months must follow each other: ${months[i - 1]} then ${month}`, 'months', 'list consecutive months');
  });
  return months;
}

/** The calendar people work by: the vendor report's, else the first calendar that is not open around the clock. */
function workCalendarOf(contract: Contract, calendars: ReadonlyMap<string, BusinessCalendar>): BusinessCalendar {
  const named = contract.sla?.reporting?.vendorReport?.calendar;
  if (named && calendars.get(named)) return calendars.get(named)!;
  const sample = monthPeriod('2027-01', contract.timezone);
  for (const calendar of calendars.values()) if (calendar.openSecondsBetween(sample.startAt, sample.endAt) < sample.endAt - sample.startAt) return calendar;
  const first = calendars.values().next();
  if (first.done) throw new SupportPactError('USAGE', 'the demo needs a contract with at least one calendar', { problems: [{ message: 'no calendars', path: ['calendars'], hint: 'use the northstar-tiered example contract' }] });
  return first.value;
}

/**
 * Generates the demo: months of realistic tickets for a contract, with outages, vendor
 * reports and the risk registers' inputs, all from `seed` (no clock, no `Math.random`).
 * `generateDemoData({ seed: 42, contract: northstar })` gives 4,201 tickets (30,912 events)
 * from 2027-03-01 to the demo's now, 2027-06-03 14:30 in Los Angeles.
 */
export function generateDemoData(options: DemoOptions): DemoData {
  const { contract, seed } = options;
  const months = resolveMonths(options);
  const zone = contract.timezone;
  const policy = compileSlaPolicy(contract);
  const work = workCalendarOf(contract, policy.calendars);
  const after = addMonthsToMonth(months[months.length - 1]!, 1);
  const afterPeriod = monthPeriod(after, zone);
  const firstStart = monthPeriod(months[0]!, zone).startAt;
  // Default now: 14:30 on the 3rd business day of the next month (2027-06-03 for May).
  const clock = createZoneClock(zone, firstStart - 86_400, afterPeriod.endAt + 400 * 86_400);
  const now = options.now ?? clock.instantOf(clock.localDateOf(work.closingOfBusinessDay(afterPeriod.startAt, 2) - 1), 14 * 3600 + 30 * 60);
  if (!Number.isInteger(now) || now <= firstStart) throw new SupportPactError('USAGE', 'the demo now must be a whole epoch second after the first month starts', { problems: [{ message: `now ${now} is not after ${firstStart}`, path: ['now'] }] });

  const random = createRandomSource(seed);
  const vocabulary = readDemoVocabulary(contract);
  const years = [...new Set([...months, after].map((m) => Number(m.slice(0, 4))))];
  const quietDates = quietDatesOf(contract, years);
  const isOffHours = (at: number): boolean => !work.isOpenAt(at);
  const context: StoryContext = { policy, workCalendar: work, priorityIds: vocabulary.priorities.map((p) => p.id), agents, requesters, source: `demo:seed-${seed}` };
  const outages = planOutages(contract, months, clock, now);
  const phoneDown = (at: number): boolean => outages.some((o) => at >= o.startAt && at < o.endAt);

  const storyRandom = random.fork('stories');
  const scripted: ScriptedTicket[] = [];
  // The month after the last runs at the last month's pace; only its tickets up to now exist.
  [...months, after].forEach((month, index) => {
    const scene = index < months.length ? sceneOfMonth(index) : sceneOfMonthInProgress(sceneOfMonth(months.length - 1));
    const monthRandom = random.fork(`month:${month}`);
    const volume = Math.round((options.ticketsPerMonth ?? scene.volume) * (options.ticketsPerMonth === undefined ? monthRandom.between(0.97, 1.03) : 1));
    const arrivals = planArrivals(monthRandom, clock, month, volume, quietDates).filter((at) => at <= now);
    for (const plan of planMonthTickets({ random: monthRandom, clock, vocabulary, scene, arrivals, isOffHours })) {
      // Callers cannot phone a line that is down: they open a chat instead.
      if (plan.channel === 'phone' && phoneDown(plan.createdAt) && vocabulary.channels.includes('chat')) Object.assign(plan, { channel: 'chat' });
      scripted.push({ createdAt: plan.createdAt, write: (ticket) => writeTicketStory(ticket, plan, storyRandom.fork(ticket), context) });
    }
  });
  scripted.push(...planOpenTickets(now, random.fork('open'), context, vocabulary));

  const ordered = scripted.map((s, i) => ({ s, i })).sort((a, b) => a.s.createdAt - b.s.createdAt || a.i - b.i);
  const tickets: DemoTicket[] = ordered.map(({ s }, i) => {
    const ticket = `T-${10001 + i}`;
    const events: TicketEvent[] = s.write(ticket).filter((e) => e.at <= now);
    const created = events[0]!;
    return {
      header: {
        ticket,
        createdAt: created.at,
        ...(created.priority !== undefined ? { rawPriority: created.priority } : {}),
        ...(created.channel !== undefined ? { channel: created.channel } : {}),
        ...(created.category !== undefined ? { category: created.category } : {}),
        ...(created.technology !== undefined ? { technology: created.technology } : {}),
      },
      events,
    };
  });

  const vendorDomain = contract.parties.vendor.contact?.split('@')[1] ?? 'vendor.example';
  const vendorReports = planVendorReports(contract, months, policy.calendars, clock, now, random.fork('reports'));
  const risk = planRiskInputs({ contract, months, clock, now, random: random.fork('risk'), tickets: tickets.map((t) => ({ ticket: t.header.ticket, createdAt: t.header.createdAt })), vendorDomain });
  return { seed, contractId: contract.id, zone, months, demoNow: now, tickets, outages, vendorReports, risk, notes: describeDemo(months, outages.length, vendorReports) };
}

function describeDemo(months: readonly string[], outages: number, reports: readonly VendorReportDelivery[]): string[] {
  const notes = months.map((month, i) => {
    const s = sceneOfMonth(i);
    const longest = Math.max(0, ...s.outages.map((o) => o.minutes));
    return `${month}: ${s.p1ResponseBreaches} late P1 first replies, reopens aimed at ${(s.reopenShare * 100).toFixed(1)}%, first-contact resolution at ${(s.firstContactShare * 100).toFixed(0)}%, longest phone outage ${longest} min, vendor report ${reports.some((r) => r.month === month) ? s.report : 'not delivered yet'}`;
  });
  notes.push(`${outages} outages and ${reports.length} vendor reports recorded; tickets keep arriving after the last month until now, and six are open in a known state (a P1 at risk, overdue P2 and P3, paused tickets)`);
  notes.push('risk: one data breach (640 California residents; the vendor told the client 30h after discovery, past 24h), an insurance certificate expiring within 30 days and one below its minimum, data accesses with payroll reads and a shared account without MFA');
  return notes;
}
