import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SupportPactError } from '../../domain/errors/index.js';
import { gunzipIfCompressed, openImportFile } from './open-import-file.js';
import { inChunks } from './test-support/import-fixture.js';

async function textOf(stream: AsyncIterable<Buffer>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}

describe('openImportFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'importers-'));

  it('gunzips a file by its magic bytes even when its name does not end in .gz', async () => {
    const path = join(dir, 'events.jsonl');
    writeFileSync(path, gzipSync('{"a":1}\n'));
    expect(await textOf(await openImportFile(path))).toBe('{"a":1}\n');
  });

  it('passes a plain file through unchanged, even when it is named .gz', async () => {
    const path = join(dir, 'plain.csv.gz');
    writeFileSync(path, 'ticket,at,kind\n');
    expect(await textOf(await openImportFile(path))).toBe('ticket,at,kind\n');
  });

  it('names a missing path INPUT_NOT_FOUND and a folder INPUT_UNREADABLE', async () => {
    await expect(openImportFile(join(dir, 'nope.csv'))).rejects.toMatchObject({ code: 'INPUT_NOT_FOUND' });
    await expect(openImportFile(dir)).rejects.toMatchObject({ code: 'INPUT_UNREADABLE' });
  });
});

describe('gunzipIfCompressed', () => {
  it('detects gzip when the two magic bytes arrive in separate chunks', async () => {
    expect(await textOf(gunzipIfCompressed(inChunks(gzipSync('hello'), 1)))).toBe('hello');
  });

  it('passes an empty or one-byte stream through', async () => {
    expect(await textOf(gunzipIfCompressed(inChunks(Buffer.alloc(0))))).toBe('');
    expect(await textOf(gunzipIfCompressed(inChunks(Buffer.from('x'))))).toBe('x');
  });

  it('reports damaged gzip data as INPUT_UNREADABLE', async () => {
    const damaged = gzipSync('hello world, hello world').subarray(0, 15);
    const error = await textOf(gunzipIfCompressed(inChunks(damaged), 'cut.gz')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SupportPactError);
    expect(error).toMatchObject({ code: 'INPUT_UNREADABLE' });
  });
});
