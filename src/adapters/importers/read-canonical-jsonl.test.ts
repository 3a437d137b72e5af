import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventKinds } from '../../domain/tickets/index.js';
import type { ImportRecord } from './import-types.js';
import { fixturePath, importBytes, importFixture, inChunks, timeline } from './test-support/import-fixture.js';
import { referenceCanonicalJsonl } from './test-support/reference-canonical-reader.js';

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

/** Values JSON.parse reads differently from a plain string, or refuses. */
const oddJsonValues = ['""', '"  "', '"\\u3000"', '"\\u00a0x\\u00a0"', '"a\\"b"', 'null', 'true', 'false', '[1]', '{"a":1}', '12', '-0.5', '1e400', '-0', '2E-3', '01', '1.', '-', '.5', '"Ünïcode é"', '"tab\there"'];

/** Values a canonical field may hold in the wild, good and bad, written as JSON text. */
const jsonValue = (good: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...good).map((s) => JSON.stringify(s)), weight: 12 },
    { arbitrary: fc.constantFrom(...good).map((s) => JSON.stringify(` ${s}\t`)), weight: 1 },
    { arbitrary: fc.constantFrom(...oddJsonValues), weight: 2 },
  );

/** Space between tokens: mostly none or plain spaces, now and then a tab (allowed) or a no-break space (not JSON). */
const gaps = fc.oneof(
  { arbitrary: fc.array(fc.constantFrom('', '', ' ', '  '), { minLength: 64, maxLength: 64 }), weight: 5 },
  { arbitrary: fc.array(fc.constantFrom('', ' ', '\t', '\u00a0'), { minLength: 64, maxLength: 64 }), weight: 1 },
);

const canonicalLine = fc
  .record(
    {
      ticket: jsonValue(['T-1', 'T-2', 'INC001']),
      at: jsonValue(['2027-03-01T09:15:00-08:00', '2027-03-01T17:15:00Z', '2027-03-01 09:15:00.5+0530', '2027-03-01T09:15', '2027-02-30T09:15:00Z', '2027-03-01T25:00Z', '2027-13-01', '1/3/2027 09:15', '2027-03-01T09:15:00Z[UTC]', 'soon']),
      kind: jsonValue([...eventKinds, 'Solved', 'CREATED', 'escalated']),
      priority: jsonValue(['high', 'Normal ', ' 1', 'urgent']),
      status: jsonValue(['open', 'Pending_Customer', 'solved', 'closed', 'waiting', 'canceled']),
      channel: jsonValue(['email', 'phone']),
      category: jsonValue(['troubleshooting']),
      technology: jsonValue(['Windows 11']),
      id: jsonValue(['evt-1', 'evt-2']),
      actor: jsonValue(['agent-7']),
      source: jsonValue(['pbx']),
      note: jsonValue(['extra']),
      ['__proto__']: jsonValue(['odd']),
      '7': jsonValue(['numeric key']),
      '': jsonValue(['empty key']),
    },
    { requiredKeys: [] },
  )
  .chain((fields) =>
    fc.tuple(
      fc.shuffledSubarray(Object.entries(fields), { minLength: Object.keys(fields).length }),
      fc.option(fc.constantFrom(...Object.keys(fields)), { nil: undefined }),
      gaps,
      fc.constantFrom('', '', '', '}', ',', ' x'),
    ),
  )
  .map(([entries, repeated, gaps, trailer]) => {
    // A key given twice now and then (JSON.parse keeps the last value), spaces between tokens, now and then junk after the object.
    const all = repeated === undefined ? entries : [...entries, [repeated, '"again"'] as [string, string]];
    let g = 0;
    const pad = (): string => gaps[g++ % gaps.length]!;
    return `${pad()}{${pad()}${all.map(([key, value]) => `${JSON.stringify(key)}${pad()}:${pad()}${value}${pad()}`).join(`,${pad()}`)}}${pad()}${trailer}`;
  });

const anyLine = fc.oneof(
  { arbitrary: canonicalLine, weight: 12 },
  { arbitrary: fc.constantFrom('', '   ', '{"ticket":', '[1,2]', '"text"', '42', 'null', '{}'), weight: 1 },
);

describe('readCanonicalJsonl against the reference reader', () => {
  it('reads every odd value in every field as the reference does', async () => {
    const lines = ['ticket', 'at', 'kind', 'priority', 'status', 'id', 'note'].flatMap((field) =>
      oddJsonValues.map((value) => `{"ticket":"T-1","at":"2027-03-01T09:15:00Z","kind":"solved",${JSON.stringify(field)}:${value}}`),
    );
    const bytes = Buffer.from(lines.join('\n'), 'utf8');
    const reference: ImportRecord[] = [];
    for await (const record of referenceCanonicalJsonl(inChunks(bytes, 64), { fileName: 'odd.jsonl' })) reference.push(record);
    const fast = (await importBytes('jsonl', bytes, { fileName: 'odd.jsonl' }, 64)).records;
    expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
    expect(fast).toStrictEqual(reference);
  });

  it('yields exactly the reference records, key order included, for any lines, zone and chunk size (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(anyLine, { minLength: 1, maxLength: 25 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.constantFrom(undefined, 'America/Los_Angeles'),
        fc.integer({ min: 1, max: 400 }),
        async (lines, newline, bom, zone, chunkSize) => {
          const bytes = Buffer.from(`${bom ? '\ufeff' : ''}${lines.join(newline)}${newline}`, 'utf8');
          const options = { fileName: 'p.jsonl', ...(zone ? { zone } : {}) };
          const fast = (await importBytes('jsonl', bytes, options, chunkSize)).records;
          const reference: ImportRecord[] = [];
          for await (const record of referenceCanonicalJsonl(inChunks(bytes, chunkSize), options)) reference.push(record);
          expect(fast).toStrictEqual(reference);
          expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
        },
      ),
      { numRuns: 400 },
    );
  });
});
