import { describe, expect, it } from 'vitest';
import { readJsonDocuments } from './read-json-documents.js';
import { inChunks } from './test-support/import-fixture.js';

async function documentsOf(text: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const doc of readJsonDocuments(inChunks(Buffer.from(text)), 'x.json')) out.push(doc);
  return out;
}

describe('readJsonDocuments', () => {
  it('reads JSON Lines line by line when the first line is a whole document, reporting bad lines', async () => {
    expect(await documentsOf('\n{"a":1}\n{"b":\n\n[3]\n')).toEqual([
      { line: 2, document: { a: 1 } },
      { line: 3, error: expect.stringMatching(/JSON/) },
      { line: 5, document: [3] },
    ]);
  });

  it('reads a pretty-printed file as one document', async () => {
    expect(await documentsOf('{\n  "tickets": [\n    1\n  ]\n}\n')).toEqual([{ line: 1, document: { tickets: [1] } }]);
  });

  it('fails a broken single document with IMPORT_INVALID', async () => {
    await expect(documentsOf('{\n  "tickets": [\n    1,\n  ]\n}\n')).rejects.toMatchObject({ code: 'IMPORT_INVALID' });
  });
});
