import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fixturePath, importBytes, importFixture, timeline } from './test-support/import-fixture.js';

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
