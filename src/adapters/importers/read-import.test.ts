import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SupportPactError } from '../../domain/errors/index.js';
import type { ImportSource } from './import-types.js';
import { readImport } from './read-import.js';

/** A stream of `chunks` chunks that counts how many the reader has pulled. */
function countingStream(chunks: readonly Buffer[]): { stream: AsyncGenerator<Buffer>; pulled: () => number } {
  let pulled = 0;
  async function* stream(): AsyncGenerator<Buffer> {
    for (const chunk of chunks) {
      pulled++;
      yield chunk;
    }
  }
  return { stream: stream(), pulled: () => pulled };
}

function linesInChunks(header: string | undefined, line: (i: number) => string, count: number, perChunk: number): Buffer[] {
  const chunks: Buffer[] = [];
  let text = header === undefined ? '' : `${header}\n`;
  for (let i = 0; i < count; i++) {
    text += `${line(i)}\n`;
    if ((i + 1) % perChunk === 0) {
      chunks.push(Buffer.from(text));
      text = '';
    }
  }
  if (text) chunks.push(Buffer.from(text));
  return chunks;
}

async function pulledAtFirstEvent(source: ImportSource, chunks: readonly Buffer[], zone?: string): Promise<number> {
  const { stream, pulled } = countingStream(chunks);
  for await (const record of readImport(source, stream, { fileName: 'big', ...(zone ? { zone } : {}) })) {
    if (record.type === 'event') return pulled();
  }
  throw new Error('no event');
}

describe('readImport', () => {
  it('streams JSON Lines, CSV and ServiceNow: the first event arrives after a few of 200 chunks', async () => {
    const jsonl = linesInChunks(undefined, (i) => JSON.stringify({ ticket: `T-${i}`, at: '2027-03-01T09:15:00-08:00', kind: 'created', priority: 'high' }), 20_000, 100);
    const csv = linesInChunks('ticket,at,kind', (i) => `T-${i},2027-03-01T09:15:00-08:00,created`, 20_000, 100);
    const servicenow = linesInChunks('number,incident_state,opened_at,sys_updated_at,priority', (i) => `INC${i},New,1/3/2016 10:00,1/3/2016 10:05,3 - Moderate`, 20_000, 100);
    expect(jsonl.length).toBe(200);
    expect(await pulledAtFirstEvent('jsonl', jsonl)).toBeLessThanOrEqual(2);
    // csv-parse reads ahead up to its buffer (16 KiB): a handful of 3 KiB chunks.
    expect(await pulledAtFirstEvent('csv', csv)).toBeLessThanOrEqual(10);
    expect(await pulledAtFirstEvent('servicenow', servicenow, 'UTC')).toBeLessThanOrEqual(10);
  });

  it('streams gzipped input too', async () => {
    const jsonl = Buffer.concat(linesInChunks(undefined, (i) => JSON.stringify({ ticket: `T-${i}`, at: '2027-03-01T17:15:00Z', kind: 'created' }), 50_000, 1000));
    const gzipped = gzipSync(jsonl);
    const chunks: Buffer[] = [];
    for (let i = 0; i < gzipped.length; i += 1024) chunks.push(gzipped.subarray(i, i + 1024));
    expect(await pulledAtFirstEvent('jsonl', chunks)).toBeLessThan(chunks.length / 4);
  });

  it('refuses an unknown zone, a missing zone for sources without offsets, and a bad statusMap, before reading', () => {
    const empty = countingStream([]).stream;
    const usage = (f: () => unknown): SupportPactError => {
      try {
        f();
      } catch (error) {
        return error as SupportPactError;
      }
      throw new Error('no error');
    };
    expect(usage(() => readImport('jsonl', empty, { fileName: 'a', zone: 'Mars/Olympus' }))).toMatchObject({ code: 'USAGE', problems: [{ path: ['zone'] }] });
    expect(usage(() => readImport('servicenow', empty, { fileName: 'a' }))).toMatchObject({ code: 'USAGE', message: expect.stringMatching(/UTC|--zone/) });
    expect(usage(() => readImport('jira', empty, { fileName: 'a' }))).toMatchObject({ code: 'USAGE' });
    expect(usage(() => readImport('zendesk', empty, { fileName: 'a', statusMap: { hold: 'paused' as never } }))).toMatchObject({ code: 'USAGE', problems: [{ path: ['statusMap', 'hold'] }] });
    expect(usage(() => readImport('tsv' as ImportSource, empty, { fileName: 'a' }))).toMatchObject({ code: 'USAGE' });
  });

  it('ends every import with an end record, even an empty file', async () => {
    for (const source of ['jsonl', 'csv', 'zendesk', 'freshdesk', 'zammad', 'outages', 'vendor-reports'] as const) {
      const records = [];
      for await (const record of readImport(source, countingStream([]).stream, { fileName: 'empty' })) records.push(record);
      expect(records).toEqual([{ type: 'end', rowsRead: 0, instantsWithOffset: 0, instantsInGivenZone: 0 }]);
    }
  });
});
