import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type OpenedStore } from '../adapters/store/open-store.js';
import { addContractVersion } from './add-contract-version.js';
import { importTicketRecords, type TicketRecord } from './import-ticket-records.js';
import { exampleContractPath } from '../../test/support/examples.js';
import type { TicketEvent } from '../domain/tickets/index.js';

let store: OpenedStore;
const contractId = 'acme-northstar-2027';

beforeEach(async () => {
  store = await openStore({ dataDir: 'memory://' });
  const path = exampleContractPath('northstar-tiered');
  await addContractVersion(store, { text: readFileSync(path, 'utf8'), file: path, now: 1_800_000_000, actor: 'test' });
});
afterEach(async () => store.close());

function recordsFor(tickets: number, from = 0): TicketRecord[] {
  const records: TicketRecord[] = [];
  for (let i = from; i < from + tickets; i++) {
    const ticket = `T-${i}`;
    const createdAt = 1_803_900_000 + i * 60;
    records.push({ type: 'ticket', header: { ticket, createdAt, rawPriority: 'normal' } });
    const events: TicketEvent[] = [
      { ticket, at: createdAt, kind: 'created', id: `${ticket}:c`, priority: 'normal' },
      { ticket, at: createdAt + 600, kind: 'agent_replied', id: `${ticket}:r` },
      { ticket, at: createdAt + 3600, kind: 'solved', id: `${ticket}:s` },
    ];
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

const base = { contractId, source: 'jsonl', fileName: 'e.jsonl', fileDigest: 'd'.repeat(64), now: () => 1_810_000_000, actor: 'test', batchEvents: 30 };

describe('importTicketRecords', () => {
  it('stores tickets and events, and changes nothing when the same data is imported again', async () => {
    const first = await importTicketRecords(store, { ...base, records: stream(recordsFor(50)) });
    expect(first.newRows).toMatchObject({ tickets: 50, events: 150 });
    expect(first.batches).toBeGreaterThan(1);
    const again = await importTicketRecords(store, { ...base, fileDigest: 'e'.repeat(64), records: stream(recordsFor(50)) });
    expect(again.newRows).toMatchObject({ tickets: 0, events: 0 });
    expect(await store.tickets.countTickets(contractId)).toEqual({ tickets: 50, events: 150 });
  });

  it('cuts a full batch before the next ticket, so no ticket straddles two batches and every batch stores its own facts; one huge ticket is cut at twice the size', async () => {
    const batchEnds: number[] = [];
    // 30 events a batch: the 31st event of a full batch belongs to the ticket under way, so the cut waits for the next ticket (every 4 records).
    const huge: TicketRecord[] = [{ type: 'ticket', header: { ticket: 'HUGE', createdAt: 1_803_800_000, rawPriority: 'normal' } }];
    for (let i = 0; i < 70; i++) huge.push({ type: 'event', event: { ticket: 'HUGE', at: 1_803_800_000 + i * 60, kind: i === 0 ? 'created' : 'agent_replied', id: `HUGE:${i}`, ...(i === 0 ? { priority: 'normal' } : {}) } });
    const written: string[] = [];
    const original = store.importJobs.writeImportBatch.bind(store.importJobs);
    store.importJobs.writeImportBatch = async (input) => {
      const result = await original(input);
      written.push(...result.ticketsNeedingFacts);
      return result;
    };
    const result = await importTicketRecords(store, { ...base, records: stream([...recordsFor(20), ...huge]), onBatch: (b) => batchEnds.push(b.recordsConsumed) });
    // Tickets of 4 records (header + 3 events): 10 tickets make 30 events, cut before the 11th (record 40), and so on; HUGE is cut at 60 events.
    expect(batchEnds).toEqual([40, 80, 141, 151]);
    expect(result.newRows).toMatchObject({ tickets: 21, events: 130 });
    // Only the huge ticket, split across batches, needed its facts read back.
    expect(written).toEqual(['HUGE']);
    expect(await store.ticketFacts.listTicketsWithoutFacts(contractId)).toEqual([]);
  });

  it('imports the same file twice within one second as two jobs, the second changing nothing', async () => {
    const first = await importTicketRecords(store, { ...base, records: stream(recordsFor(5)) });
    const again = await importTicketRecords(store, { ...base, records: stream(recordsFor(5)) });
    expect(first.newRows).toMatchObject({ tickets: 5, events: 15 });
    expect(again.newRows).toMatchObject({ tickets: 0, events: 0 });
    expect(again.importJobId).toBe(`${first.importJobId}-2`);
    expect(await store.tickets.countTickets(contractId)).toEqual({ tickets: 5, events: 15 });
  });

  it('stores only the new part of an overlapping export', async () => {
    await importTicketRecords(store, { ...base, records: stream(recordsFor(30)) });
    const overlap = await importTicketRecords(store, { ...base, fileDigest: 'f'.repeat(64), records: stream(recordsFor(30, 20)) });
    expect(overlap.newRows).toMatchObject({ tickets: 20, events: 60 });
  });

  it('resumes an interrupted import of the same file after its last committed batch', async () => {
    const records = recordsFor(40);
    await expect(importTicketRecords(store, { ...base, records: stream(records, 70) })).rejects.toThrow('the process died');
    const partial = await store.tickets.countTickets(contractId);
    expect(partial.events % 30).toBe(0);
    expect(partial.events).toBeGreaterThan(0);
    const resumed = await importTicketRecords(store, { ...base, records: stream(records) });
    expect(resumed.resumed).toBe(true);
    expect(resumed.recordsAlreadyCommitted).toBeGreaterThan(0);
    expect(await store.tickets.countTickets(contractId)).toEqual({ tickets: 40, events: 120 });
  });

  it('stops after max-errors bad rows, storing nothing of the failing batch, and lists each row', async () => {
    const records: TicketRecord[] = [...recordsFor(12), { type: 'skip', line: 37, field: 'at', reason: 'not an ISO-8601 instant', value: '2027-13-01' }, { type: 'skip', line: 38, field: 'kind', reason: 'unknown kind', value: 'escalated' }, ...recordsFor(5, 100)];
    const error = await importTicketRecords(store, { ...base, maxErrors: 1, records: stream(records) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'IMPORT_INVALID' });
    expect((error as { problems: { line: number; path: string[] }[] }).problems.map((p) => [p.line, p.path[0]])).toEqual([
      [37, 'at'],
      [38, 'kind'],
    ]);
    // 36 events in batches of 30: the first batch is stored, the failing one is not.
    expect((await store.tickets.countTickets(contractId)).events).toBe(30);
  });

  it('writes nothing on a dry run', async () => {
    const result = await importTicketRecords(store, { ...base, dryRun: true, records: stream(recordsFor(10)) });
    expect(result.dryRun).toBe(true);
    expect(await store.tickets.countTickets(contractId)).toEqual({ tickets: 0, events: 0 });
  });

  it('refuses an unknown contract, naming the stored ones', async () => {
    await expect(importTicketRecords(store, { ...base, contractId: 'nope', records: stream([]) })).rejects.toMatchObject({ code: 'CONTRACT_NOT_FOUND' });
  });

  it('records the completed import in the audit log', async () => {
    await importTicketRecords(store, { ...base, records: stream(recordsFor(3)) });
    const entries = await store.audit.listAudit({ contractId });
    expect(entries.map((e) => e.action)).toEqual(['contract.version-added', 'import.completed']);
    expect((await store.audit.verifyAudit()).intact).toBe(true);
  });
});
