import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SupportPactError } from '../../domain/errors/index.js';
import { CsvColumns, cell, rawCell, readCsvRows } from './read-csv-rows.js';
import { inChunks } from './test-support/import-fixture.js';
import { referenceCsvRows } from './test-support/reference-csv-rows.js';

async function rowsOf(text: string, chunkSize = 5): Promise<{ line: number; fields: readonly string[] }[]> {
  const out = [];
  for await (const row of readCsvRows(inChunks(Buffer.from(text, 'utf8'), chunkSize), 'x.csv')) out.push(row);
  return out;
}

describe('readCsvRows', () => {
  it('gives each record the line it starts on, across quoted newlines, blank lines and CRLF', async () => {
    const rows = await rowsOf('a,b\r\n1,"two\r\nlines"\r\n\r\n3,4\r\n5,"x\ny\nz"\n6,7');
    expect(rows.map((r) => [r.line, ...r.fields])).toEqual([
      [1, 'a', 'b'],
      [2, '1', 'two\nlines'],
      [5, '3', '4'],
      [6, '5', 'x\ny\nz'],
      [9, '6', '7'],
    ]);
  });

  it('returns rows with a different field count for the caller to report', async () => {
    const rows = await rowsOf('a,b,c\n1,2\n1,2,3,4\n');
    expect(rows.map((r) => r.fields.length)).toEqual([3, 2, 4]);
  });

  it('fails the file with IMPORT_INVALID and the line when a quote never closes properly', async () => {
    const error = await rowsOf('a,b\n1,2\n3,"x"y\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SupportPactError);
    expect((error as SupportPactError).code).toBe('IMPORT_INVALID');
    expect((error as SupportPactError).problems[0]).toMatchObject({ file: 'x.csv', line: 3 });
  });
});

describe('readCsvRows against csv-parse alone', () => {
  /** Pieces of CSV text: plain cells and breaks, and now and then what only csv-parse may read. */
  const piece = fc.oneof(
    { arbitrary: fc.constantFrom('a', 'bc', ' d ', '42', 'é', '😀', ''), weight: 10 },
    { arbitrary: fc.constantFrom(',', ',', ','), weight: 6 },
    { arbitrary: fc.constantFrom('\n', '\n', '\r\n', '\n\n'), weight: 4 },
    { arbitrary: fc.constantFrom('"q"', '"a,b"', '"x\ny"', '"say ""hi"""', '"open', 'x"y', '\r', '\ufeff'), weight: 1 },
  );
  const text = fc.tuple(fc.boolean(), fc.array(piece, { maxLength: 80 }), fc.boolean()).map(([bom, pieces, plainOnly]) => {
    const body = pieces.join('');
    return `${bom ? '\ufeff' : ''}${plainOnly ? body.replace(/["\r\ufeff]/g, '') : body}`;
  });

  async function outcome(read: () => AsyncIterable<{ line: number; fields: readonly string[] }>): Promise<unknown> {
    const rows: unknown[] = [];
    try {
      for await (const row of read()) rows.push([row.line, ...row.fields]);
      return rows;
    } catch (error) {
      return { rows, code: (error as SupportPactError).code, message: (error as Error).message, problems: (error as SupportPactError).problems };
    }
  }

  it('gives the rows, lines and errors csv-parse alone gives, for any text and chunk size (property)', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.integer({ min: 1, max: 40 }), async (csv, chunkSize) => {
        const bytes = Buffer.from(csv, 'utf8');
        const fast = await outcome(() => readCsvRows(inChunks(bytes, chunkSize), 'p.csv'));
        const reference = await outcome(() => referenceCsvRows(inChunks(bytes, chunkSize), 'p.csv'));
        if (Array.isArray(reference)) expect(fast).toEqual(reference);
        // On an error, the rows read before it depend on how far csv-parse had buffered: only the error must match.
        else expect({ ...(fast as object), rows: [] }).toEqual({ ...(reference as object), rows: [] });
      }),
      { numRuns: 1500 },
    );
  });

  it('hands over to csv-parse late in a file with the right line numbers', async () => {
    const plain = Array.from({ length: 2000 }, (_, i) => `${i},x`).join('\n');
    const rows = await rowsOf(`${plain}\n"a\nb",c\nd,"e"x\n`, 4096).catch((e: unknown) => e);
    expect((rows as SupportPactError).problems[0]).toMatchObject({ line: 2003 });
    expect((rows as Error).message).toMatch(/^x\.csv:2003: not readable as CSV \(.*line 2003/);
  });
});

describe('CsvColumns', () => {
  it('finds columns by trimmed, case-insensitive name and lists repeated ones', () => {
    const columns = new CsvColumns(['Issue key', ' Comment', 'comment ', 'Created']);
    expect(columns.index('issue KEY')).toBe(0);
    expect(columns.index('Missing', 'created')).toBe(3);
    expect(columns.all('Comment')).toEqual([1, 2]);
    expect(columns.unknown(['Issue key', 'Created'])).toEqual([' Comment', 'comment ']);
  });
});

describe('cell', () => {
  it('trims, and treats empty cells and the missing marker as absent; rawCell keeps spaces', () => {
    const fields = [' a ', '', '?', ' High '];
    expect(cell(fields, 0)).toBe('a');
    expect(cell(fields, 1)).toBeUndefined();
    expect(cell(fields, 2, '?')).toBeUndefined();
    expect(cell(fields, 9)).toBeUndefined();
    expect(rawCell(fields, 3)).toBe(' High ');
    expect(rawCell(fields, 1)).toBeUndefined();
  });
});
