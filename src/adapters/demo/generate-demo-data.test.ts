import { describe, expect, it } from 'vitest';
import { SupportPactError } from '../../domain/errors/index.js';
import { buildTicketTimeline, compileSlaPolicy, evaluateTicketClocks, mapPriority } from '../../domain/sla/index.js';
import { loadExample } from '../../domain/sla/test-support/ticket-builder.js';
import { eventKinds, sortTicketEvents, ticketStatuses, type TicketEvent } from '../../domain/tickets/index.js';
import { formatInZone, localPartsOf } from '../../domain/time/zone.js';
import { weekdayOf } from '../../domain/time/local-date.js';
import { generateDemoData } from './generate-demo-data.js';

const contract = loadExample('northstar-tiered');
const policy = compileSlaPolicy(contract);
const data = generateDemoData({ seed: 42, contract });
const zone = contract.timezone;
const monthOf = (at: number): string => formatInZone(at, zone).slice(0, 7);
const allEvents: TicketEvent[] = data.tickets.flatMap((t) => [...t.events]);
const inMonths = data.tickets.filter((t) => data.months.includes(monthOf(t.header.createdAt)));

describe('generateDemoData', () => {
  it('gives the same data for the same seed and different data for another seed', () => {
    const again = generateDemoData({ seed: 42, contract });
    expect(JSON.stringify(again)).toBe(JSON.stringify(data));
    const other = generateDemoData({ seed: 43, contract });
    expect(other.tickets.length).not.toBe(0);
    expect(JSON.stringify(other.tickets.slice(0, 50))).not.toBe(JSON.stringify(data.tickets.slice(0, 50)));
  });

  it('covers 2027-03 to 2027-05 by default, with now at 14:30 on the 3rd business day of June', () => {
    expect(data.months).toEqual(['2027-03', '2027-04', '2027-05']);
    expect(formatInZone(data.demoNow, zone)).toBe('2027-06-03T14:30:00-07:00');
    const byStart = generateDemoData({ seed: 42, contract, startMonth: '2027-03', monthCount: 3 });
    expect(byStart.tickets.length).toBe(data.tickets.length);
    expect(byStart.demoNow).toBe(data.demoNow);
  });

  it('refuses months that are malformed or not consecutive, with a USAGE error naming the field', () => {
    expect(() => generateDemoData({ seed: 1, contract, months: ['2027-13'] })).toThrow(SupportPactError);
    expect(() => generateDemoData({ seed: 1, contract, months: ['2027-03', '2027-05'] })).toThrow(/follow each other/);
    expect(() => generateDemoData({ seed: 1, contract, startMonth: '2027-03' })).toThrow(/monthCount/);
  });

  it('writes only canonical events: known kinds, statuses only on status changes, whole seconds up to now', () => {
    const kinds = new Set<string>(eventKinds);
    const statuses = new Set<string>(ticketStatuses);
    const bad = allEvents.filter(
      (e) =>
        !kinds.has(e.kind) ||
        (e.kind === 'status_changed' ? !statuses.has(e.status ?? '') : e.status !== undefined) ||
        ((e.kind === 'priority_changed' || e.kind === 'created') && e.priority === undefined) ||
        !Number.isInteger(e.at) ||
        e.at > data.demoNow,
    );
    expect(bad).toEqual([]);
    expect(new Set(allEvents.map((e) => e.id)).size).toBe(allEvents.length);
  });

  it('orders each ticket by instant then seq, opens it with its created event, and states the header as that event does', () => {
    const bad = data.tickets.filter(({ header, events }) => {
      const created = events[0]!;
      const sorted = sortTicketEvents(events);
      return (
        sorted.some((e, i) => e !== events[i]) ||
        events.some((e, i) => e.seq !== i || e.ticket !== header.ticket || (i > 0 && e.kind === 'created')) ||
        created.kind !== 'created' ||
        JSON.stringify(header) !== JSON.stringify({ ticket: created.ticket, createdAt: created.at, rawPriority: created.priority, channel: created.channel, category: created.category, technology: created.technology })
      );
    });
    expect(bad.map((t) => t.header.ticket)).toEqual([]);
    const created = data.tickets.map((t) => t.header.createdAt);
    expect(created).toEqual([...created].sort((a, b) => a - b));
  });

  it('uses only raw priorities the contract maps, with critical, medium and "1" among them', () => {
    const raws = new Set(allEvents.filter((e) => e.priority !== undefined).map((e) => e.priority!));
    for (const raw of raws) expect(mapPriority(policy, raw), raw).toBeDefined();
    for (const raw of ['urgent', 'critical', '1', 'high', 'normal', 'medium', 'low']) expect(raws).toContain(raw);
  });

  it('creates 1,000 to 1,500 tickets a month, one month above 1,400, in a P1 2-3.5% / P2 10-15% / P3 ~60% mix', () => {
    for (const month of data.months) {
      const tickets = data.tickets.filter((t) => monthOf(t.header.createdAt) === month);
      expect(tickets.length).toBeGreaterThanOrEqual(1000);
      expect(tickets.length).toBeLessThanOrEqual(1500);
      const share = (id: string) => tickets.filter((t) => mapPriority(policy, t.header.rawPriority) === id).length / tickets.length;
      expect(share('P1')).toBeGreaterThanOrEqual(0.02);
      expect(share('P1')).toBeLessThanOrEqual(0.035);
      expect(share('P2')).toBeGreaterThanOrEqual(0.1);
      expect(share('P2')).toBeLessThanOrEqual(0.15);
      expect(share('P3')).toBeGreaterThanOrEqual(0.55);
      expect(share('P3')).toBeLessThanOrEqual(0.65);
    }
    expect(Math.max(...data.months.map((m) => data.tickets.filter((t) => monthOf(t.header.createdAt) === m).length))).toBeGreaterThan(1400);
  });

  it('peaks on weekday mornings and early afternoons, with few tickets at night, at weekends and on Cesar Chavez Day', () => {
    const parts = inMonths.map((t) => localPartsOf(t.header.createdAt, zone));
    const weekday = parts.filter((p) => !['sat', 'sun'].includes(weekdayOf(p.date)));
    const daytime = weekday.filter((p) => p.secondsOfDay >= 8 * 3600 && p.secondsOfDay < 17 * 3600);
    const night = parts.filter((p) => p.secondsOfDay < 6 * 3600 || p.secondsOfDay >= 22 * 3600);
    expect(daytime.length / parts.length).toBeGreaterThan(0.7);
    expect(night.length / parts.length).toBeLessThan(0.05);
    expect(night.length).toBeGreaterThan(0);
    expect((parts.length - weekday.length) / parts.length).toBeLessThan(0.08);
    const onDate = (date: string) => parts.filter((p) => p.date === date).length;
    // Wednesday 2027-03-31 is a US-CA public holiday; the Wednesday before is a normal day.
    expect(onDate('2027-03-31')).toBeLessThan(onDate('2027-03-24') / 2);
  });

  it('spreads tickets over every channel, service and technology, with a handful outside the scope', () => {
    const count = (pick: (t: (typeof inMonths)[number]) => string | undefined, value: string) => inMonths.filter((t) => pick(t) === value).length;
    for (const channel of ['phone', 'chat', 'email', 'portal']) expect(count((t) => t.header.channel, channel)).toBeGreaterThan(400);
    for (const service of ['troubleshooting', 'configuration', 'installation', 'security-updates', 'account-access']) expect(count((t) => t.header.category, service)).toBeGreaterThan(100);
    expect(count((t) => t.header.category, 'onsite-hardware-repair')).toBeGreaterThanOrEqual(3 * 3);
    expect(count((t) => t.header.category, 'onsite-hardware-repair')).toBeLessThanOrEqual(3 * 8);
    expect(count((t) => t.header.technology, 'Windows 10')).toBeGreaterThanOrEqual(3 * 3);
    expect(count((t) => t.header.technology, 'Windows 10')).toBeLessThanOrEqual(3 * 8);
    const lateChats = inMonths.filter((t) => t.header.channel === 'chat' && localPartsOf(t.header.createdAt, zone).secondsOfDay >= 22 * 3600);
    expect(lateChats.length).toBeGreaterThan(0);
  });

  it('tells every kind of story: notes, both pauses, customer replies, reopens, priority changes up to urgent, cancels and a close without solve', () => {
    const kinds = (kind: string) => allEvents.filter((e) => e.kind === kind).length;
    expect(kinds('internal_note')).toBeGreaterThan(500);
    expect(kinds('customer_replied')).toBeGreaterThan(500);
    expect(kinds('reopened')).toBeGreaterThan(100);
    expect(allEvents.filter((e) => e.status === 'pending_customer').length).toBeGreaterThan(300);
    expect(allEvents.filter((e) => e.status === 'on_hold_third_party').length).toBeGreaterThan(100);
    const changes = allEvents.filter((e) => e.kind === 'priority_changed');
    expect(changes.length).toBeGreaterThanOrEqual(20);
    expect(changes.length).toBeLessThanOrEqual(40);
    expect(changes.filter((e) => mapPriority(policy, e.priority) === 'P1').length).toBeGreaterThanOrEqual(3);
    const canceled = allEvents.filter((e) => e.status === 'canceled').length;
    expect(canceled).toBeGreaterThanOrEqual(3);
    expect(canceled).toBeLessThanOrEqual(15);
    const closedUnsolved = data.tickets.filter(({ events }) => events.some((e) => e.kind === 'closed') && !events.some((e) => e.kind === 'solved'));
    expect(closedUnsolved).toHaveLength(1);
  });

  it('leaves tickets open at now: running, at risk, breached and paused clocks', () => {
    const statuses = new Map<string, number>();
    for (const { events } of data.tickets) {
      const result = evaluateTicketClocks(policy, buildTicketTimeline(events, policy)!, data.demoNow);
      for (const clock of result.clocks) if (clock.stoppedAt === undefined) statuses.set(clock.status, (statuses.get(clock.status) ?? 0) + 1);
    }
    for (const status of ['running', 'at-risk', 'breached', 'paused']) expect(statuses.get(status) ?? 0, status).toBeGreaterThan(0);
    // A P1 waits for its first reply 12 minutes after creation: 80% of 15m, at risk.
    const live = data.tickets.find((t) => t.header.createdAt === data.demoNow - 720)!;
    expect(evaluateTicketClocks(policy, buildTicketTimeline(live.events, policy)!, data.demoNow).clocks[0]).toMatchObject({ metric: 'firstResponse', priority: 'P1', status: 'at-risk' });
  });

  it('records the phone-line outages and the delivered vendor reports, the last month still to come at now', () => {
    expect(data.outages.map((o) => [o.service, monthOf(o.startAt), (o.endAt - o.startAt) / 60])).toEqual([
      ['phone-line', '2027-03', 9],
      ['phone-line', '2027-04', 22],
      ['phone-line', '2027-05', 108],
    ]);
    expect(data.vendorReports.map((r) => r.month)).toEqual(['2027-03', '2027-04']);
    // No phone tickets while the line was down (callers opened chats).
    const big = data.outages[2]!;
    expect(data.tickets.filter((t) => t.header.channel === 'phone' && t.header.createdAt >= big.startAt && t.header.createdAt < big.endAt)).toEqual([]);
  });
});
