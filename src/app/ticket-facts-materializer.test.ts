import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type OpenedStore } from '../adapters/store/open-store.js';
import { addContractVersion } from './add-contract-version.js';
import { importTicketRecords, type TicketRecord } from './import-ticket-records.js';
import { ingestTicketEvents } from './ingest-ticket-events.js';
import { scorecardForMonth } from './scorecard-for-month.js';
import { latestMaterializer, repairTicketFacts } from './ticket-facts-materializer.js';
import { exampleContractPath } from '../../test/support/examples.js';
import type { TicketEvent } from '../domain/tickets/index.js';

const contractId = 'acme-northstar-2027';
const contractPath = exampleContractPath('northstar-tiered');
const contractText = readFileSync(contractPath, 'utf8');
const asOf = 1_810_000_000; // 2027-05-11
let store: OpenedStore;

beforeEach(async () => {
  store = await openStore({ dataDir: 'memory://' });
  await addContractVersion(store, { text: contractText, file: contractPath, now: 1_800_000_000, actor: 'test' });
});
afterEach(async () => store.close());

/** Tickets from 2027-03-01, one every 97 minutes, some answered late, some never solved (their clocks run). */
function ticketsFrom(from: number, count: number): TicketRecord[] {
  const records: TicketRecord[] = [];
  const priorities = ['urgent', 'high', 'normal', 'low'];
  for (let i = from; i < from + count; i++) {
    const ticket = `T-${String(i).padStart(4, '0')}`;
    const createdAt = 1_803_900_000 + i * 97 * 60;
    const priority = priorities[i % 4]!;
    records.push({ type: 'ticket', header: { ticket, createdAt, rawPriority: priority } });
    const events: TicketEvent[] = [
      { ticket, at: createdAt, kind: 'created', id: `${ticket}:c`, priority, channel: i % 3 === 0 ? 'phone' : 'email' },
      { ticket, at: createdAt + (i % 5) * 1_500, kind: 'agent_replied', id: `${ticket}:r` },
    ];
    if (i % 7 !== 0) events.push({ ticket, at: createdAt + (i % 11) * 7_200, kind: 'solved', id: `${ticket}:s` });
    for (const event of events) records.push({ type: 'event', event });
  }
  return records;
}

async function* stream(records: readonly TicketRecord[], failAfter?: number): AsyncIterable<TicketRecord> {
  let n = 0;
  for (const r of records) {
    if (failAfter !== undefined && n++ >= failAfter) throw new Error('the process died');
    yield r;
  }
}

const importBase = { contractId, source: 'jsonl', fileName: 't.jsonl', fileDigest: 'a'.repeat(64), now: () => asOf, actor: 'test', batchEvents: 31 };

/** The month's scorecard both ways: they must agree, and the facts must have been usable. */
async function expectFactsAnswer(month: string): Promise<void> {
  const fromEvents = await scorecardForMonth(store, contractId, month, asOf, { allowFacts: false });
  const fromFacts = await scorecardForMonth(store, contractId, month, asOf);
  expect(fromFacts.source).toBe('ticket-facts');
  expect(JSON.stringify(fromFacts.scorecard)).toBe(JSON.stringify(fromEvents.scorecard));
}

async function factsComplete(): Promise<boolean> {
  const status = await store.ticketFacts.factsStatus(contractId);
  return status.tickets > 0 && status.ticketsWithFacts === status.tickets;
}

describe('ticket facts stay current as data is written', () => {
  it('an import stores every ticket\'s facts, including tickets whose events straddle two batches', async () => {
    const result = await importTicketRecords(store, { ...importBase, records: stream(ticketsFrom(0, 400)) });
    expect(result.batches).toBeGreaterThan(20);
    expect(await factsComplete()).toBe(true);
    expect((await store.ticketFacts.listRunningTickets(contractId)).length).toBeGreaterThan(0);
    await expectFactsAnswer('2027-03');
    await expectFactsAnswer('2027-04');
  }, 60_000);

  it('later events for stored tickets (a second export, then the API) replace those tickets\' facts', async () => {
    await importTicketRecords(store, { ...importBase, records: stream(ticketsFrom(0, 200)) });
    const before = (await scorecardForMonth(store, contractId, '2027-03', asOf)).scorecard;
    // T-0007 was never solved: solve it; T-0001 was solved: reopen it (the export sends its ticket record again).
    const later: TicketRecord[] = [
      { type: 'ticket', header: { ticket: 'T-0001', createdAt: 1_803_900_000 + 97 * 60, rawPriority: 'high' } },
      { type: 'event', event: { ticket: 'T-0007', at: 1_803_950_000, kind: 'solved', id: 'T-0007:s' } },
      { type: 'event', event: { ticket: 'T-0001', at: 1_803_990_000, kind: 'reopened', id: 'T-0001:o' } },
      ...ticketsFrom(200, 10),
    ];
    await importTicketRecords(store, { ...importBase, fileDigest: 'b'.repeat(64), records: stream(later) });
    expect(await factsComplete()).toBe(true);
    await expectFactsAnswer('2027-03');
    const after = (await scorecardForMonth(store, contractId, '2027-03', asOf)).scorecard;
    expect(after.quality).not.toEqual(before.quality);

    await ingestTicketEvents(store, contractId, [{ type: 'ticket', header: { ticket: 'T-0001', createdAt: 1_803_900_000 + 97 * 60, rawPriority: 'high' } }, { type: 'event', event: { ticket: 'T-0001', at: 1_803_995_000, kind: 'solved', id: 'T-0001:s2' } }], { now: asOf, actor: 'test' });
    expect(await factsComplete()).toBe(true);
    await expectFactsAnswer('2027-03');
  }, 60_000);

  it('a resumed import leaves every ticket with facts', async () => {
    const records = ticketsFrom(0, 100);
    await expect(importTicketRecords(store, { ...importBase, records: stream(records, 150) })).rejects.toThrow('the process died');
    await importTicketRecords(store, { ...importBase, records: stream(records) });
    expect(await factsComplete()).toBe(true);
    await expectFactsAnswer('2027-03');
  }, 60_000);

  it('events written without their facts (a crash in between) send scorecards to the events until repaired', async () => {
    await importTicketRecords(store, { ...importBase, records: stream(ticketsFrom(0, 60)) });
    // Straight to the store, as if the process died before the facts were written.
    const extra = ticketsFrom(60, 5);
    await store.tickets.writeTickets(
      contractId,
      extra.flatMap((r) => (r.type === 'ticket' ? [r.header] : [])),
      extra.flatMap((r) => (r.type === 'event' ? [r.event] : [])),
    );
    await store.tickets.writeTickets(contractId, [], [{ ticket: 'T-0003', at: 1_804_200_000, kind: 'reopened', id: 'T-0003:o' }]);
    expect(await store.ticketFacts.listTicketsWithoutFacts(contractId)).toEqual(['T-0003', 'T-0060', 'T-0061', 'T-0062', 'T-0063', 'T-0064']);
    expect((await scorecardForMonth(store, contractId, '2027-03', asOf)).source).toBe('events');
    expect(await repairTicketFacts(store, contractId)).toBe(6);
    await expectFactsAnswer('2027-03');
  }, 60_000);

  it('a new contract version recomputes every ticket\'s facts under it', async () => {
    await importTicketRecords(store, { ...importBase, records: stream(ticketsFrom(0, 80)) });
    const amended = contractText.replace(/title: .*/, 'title: Northstar managed service desk (amended)');
    expect(amended).not.toBe(contractText);
    const added = await addContractVersion(store, { text: amended, file: contractPath, effectiveOn: '2027-03-01', now: asOf, actor: 'test' });
    expect(added.version.version).toBe(2);
    expect(added.ticketFactsRefreshed).toBe(80);
    expect((await store.ticketFacts.factsStatus(contractId)).versions).toEqual([2]);
    await expectFactsAnswer('2027-03');
  }, 60_000);
});

describe('TicketFactsMaterializer', () => {
  it('stores a clock running at the last event with the instant it breaches, and none for a paused clock', async () => {
    const materializer = await latestMaterializer(store, contractId);
    const created = Date.parse('2027-03-01T09:00:00-08:00') / 1000;
    const opened: TicketEvent = { ticket: 'T-P1', at: created, kind: 'created', id: 'c', priority: 'urgent' };
    // P1 (urgent): first response 15m and resolution 4h, both on the around-the-clock calendar.
    const running = materializer.rowOf([opened])!;
    expect(running.live).toBe(false);
    expect(running.pendingClocks.map((c) => [c.metric, c.priority, c.breachAt - created, c.month])).toEqual([
      ['firstResponse', 'P1', 15 * 60 + 1, 202703],
      ['resolution', 'P1', 4 * 3600 + 1, 202703],
    ]);
    // Replied, then waiting on the customer: the resolution clock is paused and never breaches without another event.
    const paused = materializer.rowOf([opened, { ticket: 'T-P1', at: created + 600, kind: 'agent_replied', id: 'r' }, { ticket: 'T-P1', at: created + 660, kind: 'status_changed', id: 's', status: 'pending_customer' }])!;
    expect(paused.facts.running).toBe(true);
    expect(paused.pendingClocks).toEqual([]);
    expect(paused.facts.settledClocks.map((c) => [c.metric, c.met])).toEqual([['firstResponse', true]]);
  });
});
