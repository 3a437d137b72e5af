import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventKinds } from '../../domain/tickets/index.js';
import { fixturePath, importBytes, importFixture, timeline } from './test-support/import-fixture.js';

const file = 'jsonl/events.jsonl';
const utc = (iso: string): number => Date.parse(iso) / 1000;

describe('readCanonicalJsonl', () => {
  it('maps the DESIGN.md example: pause, customer reply, priority change, solve, reopen, solve', async () => {
    const { events } = await importFixture('jsonl', file);
    expect(timeline(events, 'T-1001')).toEqual([
      'created',
      'internal_note',
      'agent_replied',
      'status_changed:pending_customer',
      'customer_replied',
      'status_changed:open',
      'priority_changed:urgent',
      'solved',
      'reopened',
      'solved',
    ]);
    expect(events[0]).toMatchObject({ ticket: 'T-1001', at: utc('2027-03-01T17:15:00Z'), kind: 'created', priority: 'high', channel: 'email', category: 'troubleshooting', technology: 'Windows 11', source: 'jsonl:events.jsonl:1' });
  });

  it('keeps raw priorities exactly, trailing space included, and numbers as text', async () => {
    const { headers, summary } = await importFixture('jsonl', file);
    expect(headers.map((h) => [h.ticket, h.rawPriority])).toEqual([['T-1001', 'high'], ['T-1002', 'Normal '], ['1003', '3']]);
    expect(summary.rawPriorities).toEqual([
      { value: '3', count: 1 },
      { value: 'high', count: 1 },
      { value: 'Normal ', count: 1 },
      { value: 'urgent', count: 1 },
    ]);
  });

  it('keeps a given id, source and actor, and orders same-second events by file order', async () => {
    const { events } = await importFixture('jsonl', file);
    const hold = events.find((e) => e.id === 'evt-2002')!;
    const assigned = events.find((e) => e.id === 'evt-2003')!;
    expect(events.find((e) => e.id === 'evt-2001')).toMatchObject({ actor: 'phone-bot', source: 'pbx' });
    expect(hold.at).toBe(assigned.at);
    expect(hold.seq!).toBeLessThan(assigned.seq!);
  });

  it('reports every bad line with its line number, field, reason and value', async () => {
    const { skips, summary, notices } = await importFixture('jsonl', file);
    expect(skips.map((s) => [s.line, s.field, s.value])).toEqual([
      [14, 'at', '2027-13-01'],
      [15, 'kind', 'escalated'],
      [16, 'ticket', undefined],
      [17, 'status', 'waiting'],
      [18, 'at', '2027-03-02T09:00:00'],
      [19, 'priority', undefined],
      [20, undefined, '{"ticket":"T-1002","at":"2027-03-02T10:00:00-08:00","kind":"solved"'],
      [21, undefined, '[1,2]'],
      [23, 'status', 'open'],
    ]);
    expect(skips[0]).toEqual({ type: 'skip', line: 14, field: 'at', reason: 'not an ISO-8601 instant', value: '2027-13-01' });
    expect(skips[4]!.reason).toBe('local time without an offset, and no zone was given (--zone)');
    expect(summary).toMatchObject({ rowsRead: 24, tickets: 3, events: 15, skipped: 9, complete: true });
    expect(notices).toEqual(['field "note" (first on line 13) is not a canonical field and is ignored']);
  });

  it('places a time without offset in the given zone, and says the zones were mixed', async () => {
    const { events, skips, summary } = await importFixture('jsonl', file, { zone: 'America/Los_Angeles' });
    expect(skips.map((s) => s.line)).not.toContain(18);
    expect(events.find((e) => e.source === 'jsonl:events.jsonl:18')).toMatchObject({ kind: 'solved', at: utc('2027-03-02T17:00:00Z') });
    expect(summary.zone).toEqual({ given: 'America/Los_Angeles', basis: 'mixed', instantsWithOffset: 18, instantsInGivenZone: 1 });
  });

  it('reads gzipped input and gives identical ids on every read', async () => {
    const bytes = readFileSync(fixturePath(file));
    const plain = await importBytes('jsonl', bytes, { fileName: 'events.jsonl' });
    const again = await importBytes('jsonl', bytes, { fileName: 'events.jsonl' }, 1);
    const gzipped = await importBytes('jsonl', gzipSync(bytes), { fileName: 'events.jsonl.gz' });
    expect(again.events.map((e) => e.id)).toEqual(plain.events.map((e) => e.id));
    expect(gzipped.events.map((e) => e.id)).toEqual(plain.events.map((e) => e.id));
    expect(new Set(plain.events.map((e) => e.id)).size).toBe(plain.events.length);
  });

  it('names an event by the digest of its content, so the same event in another file keeps its id', async () => {
    const line = '{"ticket":"T-9","at":"2027-03-01T09:15:00-08:00","kind":"agent_replied"}';
    const reordered = '{"kind":"agent_replied", "at":"2027-03-01T17:15:00Z","ticket":"T-9"}';
    const a = await importBytes('jsonl', Buffer.from(`${line}\n`), { fileName: 'a.jsonl' });
    const b = await importBytes('jsonl', Buffer.from(`\n\n${reordered}\n`), { fileName: 'b.jsonl' });
    expect(a.events[0]!.id).toMatch(/^sha256:[0-9a-f]{24}$/);
    expect(b.events[0]!.id).toBe(a.events[0]!.id);
  });

  it('yields the same events for any JSON Lines file, whatever the chunk size (property)', async () => {
    const event = fc.record({
      ticket: fc.stringMatching(/^[A-Z]{1,3}-[0-9]{1,4}$/),
      at: fc.integer({ min: utc('2026-01-01T00:00:00Z'), max: utc('2028-12-31T00:00:00Z') }).map((s) => new Date(s * 1000).toISOString().replace('.000Z', 'Z')),
      kind: fc.constantFrom(...eventKinds.filter((k) => k !== 'status_changed' && k !== 'priority_changed')),
      actor: fc.option(fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() === s && s !== ''), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 64 }), async (rows, chunkSize) => {
        const bytes = Buffer.from(rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
        const whole = await importBytes('jsonl', bytes, { fileName: 'p.jsonl' }, bytes.length);
        const chunked = await importBytes('jsonl', bytes, { fileName: 'p.jsonl' }, chunkSize);
        expect(chunked.records).toEqual(whole.records);
        expect(whole.events.map((e) => [e.ticket, e.at, e.kind, e.actor])).toEqual(rows.map((r) => [r.ticket, utc(r.at), r.kind, r.actor]));
      }),
      { numRuns: 60 },
    );
  });
});
