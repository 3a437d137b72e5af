/** Stores for the settlement use-case tests: an example contract and months of demo tickets, in memory. */
import { readFileSync } from 'node:fs';
import { generateDemoData } from '../../adapters/demo/index.js';
import { openStore, type OpenedStore } from '../../adapters/store/open-store.js';
import { parseContract } from '../../domain/contract/parse-contract.js';
import type { TicketEvent } from '../../domain/tickets/index.js';
import { addDays, epochSecondsOfLocal, formatInstantUtc, monthBounds, weekdayOf } from '../../domain/time/index.js';
import { exampleContractPath, type ExampleContractName } from '../../../test/support/examples.js';
import { addContractVersion } from '../add-contract-version.js';
import { importTicketRecords, type TicketRecord } from '../import-ticket-records.js';
import { issueInvoiceForMonth } from '../issue-invoice-for-month.js';

/** 2027-03-01T00:00:00Z: when the fixtures' contracts were added. */
export const addedAt = 1803859200;

/** An in-memory store holding one example contract. */
export async function storeWithContract(name: ExampleContractName): Promise<{ store: OpenedStore; contractId: string }> {
  const store = await openStore({ dataDir: 'memory://' });
  const path = exampleContractPath(name);
  const added = await addContractVersion(store, { text: readFileSync(path, 'utf8'), file: path, now: addedAt, actor: 'test' });
  return { store, contractId: added.contractId };
}

async function* recordsOf(records: readonly TicketRecord[]): AsyncIterable<TicketRecord> {
  yield* records;
}

/** Imports records as the `import` command would (in one job). */
export async function importRecords(store: OpenedStore, contractId: string, records: readonly TicketRecord[], digest = 'a'.repeat(64)): Promise<void> {
  await importTicketRecords(store, { contractId, source: 'jsonl', fileName: 'fixture.jsonl', fileDigest: digest, records: recordsOf(records), now: () => addedAt + 86_400 * 120, actor: 'test' });
}

/**
 * Northstar with three months (March to May 2027) of the seeded demo's tickets, outages and
 * vendor reports: about 4,200 tickets, in memory.
 */
export async function northstarWithDemo(seed = 42): Promise<{ store: OpenedStore; contractId: string; demoNow: number }> {
  const { store, contractId } = await storeWithContract('northstar-tiered');
  const contract = parseContract(readFileSync(exampleContractPath('northstar-tiered'), 'utf8'), 'northstar').contract;
  const data = generateDemoData({ seed, contract });
  const records: TicketRecord[] = [];
  for (const ticket of data.tickets) {
    records.push({ type: 'ticket', header: { ...ticket.header, source: 'demo' } });
    for (const event of ticket.events) records.push({ type: 'event', event });
  }
  for (const outage of data.outages) records.push({ type: 'outage', outage });
  for (const report of data.vendorReports) records.push({ type: 'vendor-report', report });
  await importRecords(store, contractId, records);
  return { store, contractId, demoNow: data.demoNow };
}

/** One solved ticket: created, replied to after `replySeconds`, solved after `solveSeconds`. */
export function solvedTicket(ticket: string, createdAt: number, priority: string, replySeconds = 600, solveSeconds = 3600): TicketRecord[] {
  const events: TicketEvent[] = [
    { ticket, id: `${ticket}/c`, at: createdAt, kind: 'created', priority, channel: 'email', category: 'troubleshooting', technology: 'Windows 11' },
    { ticket, id: `${ticket}/r`, at: createdAt + replySeconds, kind: 'agent_replied' },
    { ticket, id: `${ticket}/s`, at: createdAt + solveSeconds, kind: 'solved' },
  ];
  return [{ type: 'ticket', header: { ticket, createdAt, rawPriority: priority, channel: 'email', category: 'troubleshooting', technology: 'Windows 11' } }, ...events.map((event): TicketRecord => ({ type: 'event', event }))];
}

/** mulberry32: the same seed gives the same tickets on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const H = 3600;
const zone = 'America/Los_Angeles';

/**
 * A month of Bayline tickets (Jira priorities Highest/High/Medium/Low), each created on a
 * weekday between 08:00 and 17:00 Los Angeles time, replied to and solved; a seeded share is
 * late, tuned so that all three of Bayline's service levels are missed (responses about 94%
 * against 95%, P1/P2 resolution about 89% against 92%, P3/P4 about 84% against 88%).
 * Tickets solved after the month end are billed in the next month.
 */
export function baylineMonthTickets(month: string, count: number, seed: number, prefix = 'BAY-'): TicketEvent[][] {
  const random = seeded(seed);
  const [first, last] = monthBounds(month);
  const weekdays: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) if (!['sat', 'sun'].includes(weekdayOf(day))) weekdays.push(day);
  const tickets: TicketEvent[][] = [];
  for (let i = 0; i < count; i++) {
    const ticket = `${prefix}${month.replace('-', '')}-${String(i + 1).padStart(4, '0')}`;
    const day = weekdays[Math.floor(random() * weekdays.length)]!;
    const createdAt = epochSecondsOfLocal(day, 8 * H + Math.floor(random() * 9 * H), zone);
    const r = random();
    const [priority, lateReply, lateSolve, replySeconds, lateReplySeconds, solveSeconds, lateSolveSeconds] =
      r < 0.03 ? (['Highest', 0.2, 0.15, 300, 1200, H, 3 * H] as const)
      : r < 0.15 ? (['High', 0.12, 0.1, 720, 2700, 3 * H, 8 * H] as const)
      : r < 0.7 ? (['Medium', 0.06, 0.25, 2400, 3 * H, 5 * H, 6 * 24 * H] as const)
      : (['Low', 0.02, 0, 2 * H, 10 * H, 2 * 24 * H, 2 * 24 * H] as const);
    const reply = random() < lateReply ? lateReplySeconds : replySeconds;
    const solve = Math.max(reply + 60, random() < lateSolve ? lateSolveSeconds : solveSeconds);
    const channel = ['email', 'phone', 'chat'][Math.floor(random() * 3)]!;
    const category = ['troubleshooting', 'installation', 'security-updates'][Math.floor(random() * 3)]!;
    tickets.push([
      { ticket, id: `${ticket}/1`, at: createdAt, kind: 'created', priority, channel, category, technology: 'Windows 11' },
      { ticket, id: `${ticket}/2`, at: createdAt + reply, kind: 'agent_replied' },
      { ticket, id: `${ticket}/3`, at: createdAt + solve, kind: 'solved' },
    ]);
  }
  return tickets;
}

/** Tickets as import records (a header from each `created` event, then the events). */
export function recordsOfTickets(tickets: readonly (readonly TicketEvent[])[]): TicketRecord[] {
  return tickets.flatMap((events): TicketRecord[] => {
    const created = events[0]!;
    const header = { ticket: created.ticket, createdAt: created.at, ...(created.priority !== undefined ? { rawPriority: created.priority } : {}), ...(created.channel !== undefined ? { channel: created.channel } : {}), ...(created.category !== undefined ? { category: created.category } : {}), ...(created.technology !== undefined ? { technology: created.technology } : {}) };
    return [{ type: 'ticket', header }, ...events.map((event): TicketRecord => ({ type: 'event', event }))];
  });
}

/** Tickets as canonical JSON Lines (instants in UTC), for the `import jsonl` command. */
export function jsonlOfTickets(tickets: readonly (readonly TicketEvent[])[]): string {
  const lines = tickets.flatMap((events) =>
    events.map((e) => JSON.stringify({ ticket: e.ticket, at: formatInstantUtc(e.at), kind: e.kind, ...(e.priority !== undefined ? { priority: e.priority } : {}), ...(e.channel !== undefined ? { channel: e.channel } : {}), ...(e.category !== undefined ? { category: e.category } : {}), ...(e.technology !== undefined ? { technology: e.technology } : {}), id: e.id })),
  );
  return `${lines.join('\n')}\n`;
}

/**
 * Northstar with three tickets in March and two in April 2027, both months issued:
 * NS-2027-0001 is the 9,000.00 minimum (issued 2027-04-01, due 2027-05-01); NS-2027-0002 is
 * the minimum plus March's 2% first-contact bonus, 9,180.00 (issued 2027-05-03, due
 * 2027-06-02). Late interest: 1.5% a month after 5 grace days.
 */
export async function northstarWithTwoInvoices(): Promise<{ store: OpenedStore; contractId: string }> {
  const { store, contractId } = await storeWithContract('northstar-tiered');
  const march = Date.parse('2027-03-02T10:00:00-08:00') / 1000;
  const april = Date.parse('2027-04-06T10:00:00-07:00') / 1000;
  await importRecords(store, contractId, [...solvedTicket('T-1', march, 'normal'), ...solvedTicket('T-2', march + 3600, 'high'), ...solvedTicket('T-3', march + 7200, 'low'), ...solvedTicket('T-4', april, 'normal'), ...solvedTicket('T-5', april + 3600, 'normal')]);
  for (const month of ['2027-03', '2027-04']) await issueInvoiceForMonth(store, { contractId, month, now: addedAt + 90 * 86_400, actor: 'test' });
  return { store, contractId };
}
