import { describe, expect, it } from 'vitest';
import { readTextLines } from './read-text-lines.js';
import { inChunks } from './test-support/import-fixture.js';

async function linesOf(bytes: Uint8Array, chunkSize: number): Promise<{ line: number; text: string }[]> {
  const out = [];
  for await (const line of readTextLines(inChunks(bytes, chunkSize))) out.push(line);
  return out;
}

describe('readTextLines', () => {
  it('numbers lines from 1 and strips \\n, \\r\\n and a leading byte-order mark', async () => {
    const bytes = Buffer.from('\ufeffalpha\r\nbeta\n\ngamma', 'utf8');
    expect(await linesOf(bytes, 3)).toEqual([
      { line: 1, text: 'alpha' },
      { line: 2, text: 'beta' },
      { line: 3, text: '' },
      { line: 4, text: 'gamma' },
    ]);
  });

  it('fails with INPUT_UNREADABLE on a line longer than the limit instead of buffering it', async () => {
    const lines = async (): Promise<void> => {
      for await (const line of readTextLines(inChunks(Buffer.from('short\n' + 'x'.repeat(100)), 10), 50, 'blob.jsonl')) void line;
    };
    await expect(lines()).rejects.toMatchObject({ code: 'INPUT_UNREADABLE', problems: [{ file: 'blob.jsonl', line: 2 }] });
  });

  it('keeps a multi-byte character whole when a chunk ends inside it', async () => {
    // "é" is 2 bytes and "€" 3 bytes in UTF-8; 1-byte chunks split both.
    const bytes = Buffer.from('café\n€10\n', 'utf8');
    expect(await linesOf(bytes, 1)).toEqual([
      { line: 1, text: 'café' },
      { line: 2, text: '€10' },
    ]);
  });
});
