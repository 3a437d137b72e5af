import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventKinds } from '../../domain/tickets/index.js';
import type { ImportRecord } from './import-types.js';
import { canonicalFields } from './map-canonical-row.js';
import { fixturePath, importBytes, importFixture, inChunks, timeline } from './test-support/import-fixture.js';
import { referenceCanonicalCsv } from './test-support/reference-canonical-reader.js';

const file = 'csv/events.csv';

describe('readCanonicalCsv', () => {
  it('reads the same columns as JSON Lines and gives the same event the same id', async () => {
    const csv = await importFixture('csv', file);
    const jsonl = await importFixture('jsonl', 'jsonl/events.jsonl');
    expect(timeline(csv.events, 'T-1001')).toEqual(timeline(jsonl.events, 'T-1001'));
    const ids = (events: typeof csv.events): string[] => events.filter((e) => e.ticket === 'T-1001').map((e) => e.id);
    expect(ids(csv.events)).toEqual(ids(jsonl.events));
    expect(csv.events.find((e) => e.ticket === 'T-1001' && e.kind === 'status_changed')).toMatchObject({ status: 'pending_customer', source: 'csv:events.csv:5' });
  });

  it('keeps raw priorities exactly and the on-hold status of a ticket', async () => {
    const { headers, events } = await importFixture('csv', file);
    expect(headers.map((h) => h.rawPriority)).toEqual(['high', 'Normal ']);
    expect(timeline(events, 'T-1002')).toEqual(['created', 'status_changed:on_hold_third_party', 'assigned', 'closed']);
  });

  it('reports bad rows with their lines: bad instant, unknown kind, wrong field count, missing offset', async () => {
    const { skips, summary } = await importFixture('csv', file);
    expect(skips.map((s) => [s.line, s.field, s.reason])).toEqual([
      [15, 'at', 'not an ISO-8601 instant'],
      [16, 'kind', expect.stringMatching(/^unknown kind/)],
      [17, undefined, 'row has a different number of fields than the header'],
      [18, 'at', 'local time without an offset, and no zone was given (--zone)'],
    ]);
    expect(summary).toMatchObject({ rowsRead: 18, tickets: 2, events: 14, skipped: 4 });
  });

  it('reads gzipped input with the same ids', async () => {
    const bytes = readFileSync(fixturePath(file));
    const plain = await importBytes('csv', bytes, { fileName: 'events.csv' });
    const gzipped = await importBytes('csv', gzipSync(bytes), { fileName: 'events.csv' }, 3);
    expect(gzipped.records).toEqual(plain.records);
  });

  it('fails a file whose header lacks a required column', async () => {
    await expect(importBytes('csv', Buffer.from('ticket,when,kind\nT-1,2027-03-01T09:00:00Z,created\n'), { fileName: 'x.csv' })).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
      problems: [{ message: 'missing column "at"', file: 'x.csv', line: 1 }],
    });
  });
});

const csvCell = (value: string): string => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** Cell text per column, good and bad; unknown columns get anything. */
const cellFor = (column: string): fc.Arbitrary<string> => {
  const good: Record<string, readonly string[]> = {
    ticket: ['T-1', 'T-2', '1003'],
    at: ['2027-03-01T09:15:00-08:00', '2027-03-01T17:15:00Z', '2027-03-01T09:15', '2027-02-30T09:15:00Z', 'yesterday'],
    kind: [...eventKinds, 'Solved', 'escalated'],
    priority: ['high', 'Normal ', ' 3'],
    status: ['open', 'Pending_Customer', 'solved', 'waiting'],
    id: ['evt-1', 'evt-2'],
  };
  return fc.oneof(
    { arbitrary: fc.constantFrom(...(good[column] ?? ['x', 'phone', 'Windows 11'])), weight: 6 },
    { arbitrary: fc.constantFrom('', '  ', 'a,b', 'say "hi"', 'two\nlines', ' padded '), weight: 1 },
  );
};

describe('readCanonicalCsv against the reference reader', () => {
  it('yields exactly the reference records, key order included, for any header, rows and chunk size (property)', async () => {
    const columnsArbitrary = fc.shuffledSubarray([...canonicalFields, 'note'], { minLength: 1 });
    await fc.assert(
      fc.asyncProperty(
        columnsArbitrary.chain((columns) =>
          fc.tuple(fc.constant(columns), fc.array(fc.tuple(fc.tuple(...columns.map(cellFor)), fc.integer({ min: -1, max: 1 })), { minLength: 0, maxLength: 15 })),
        ),
        fc.constantFrom(undefined, 'America/Los_Angeles'),
        fc.integer({ min: 1, max: 300 }),
        async ([columns, rows], zone, chunkSize) => {
          // A row with one field fewer or more than the header now and then.
          const lines = rows.map(([cells, extra]) => (extra < 0 ? cells.slice(1) : extra > 0 ? [...cells, 'more'] : cells).map(csvCell).join(','));
          const bytes = Buffer.from(`${columns.join(',')}\n${lines.map((l) => `${l}\n`).join('')}`, 'utf8');
          const options = { fileName: 'p.csv', ...(zone ? { zone } : {}) };
          const outcome = async (read: () => Promise<ImportRecord[]>): Promise<ImportRecord[] | string> => read().catch((error: Error) => `${(error as { code?: string }).code}: ${error.message}`);
          const fast = await outcome(async () => (await importBytes('csv', bytes, options, chunkSize)).records);
          const reference = await outcome(async () => {
            const records: ImportRecord[] = [];
            for await (const record of referenceCanonicalCsv(inChunks(bytes, chunkSize), options)) records.push(record);
            return records;
          });
          expect(fast).toStrictEqual(reference);
          expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
        },
      ),
      { numRuns: 300 },
    );
  });
});
