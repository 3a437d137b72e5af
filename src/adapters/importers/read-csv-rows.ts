import { StringDecoder } from 'node:string_decoder';
import { CsvError, parse } from 'csv-parse';
import { SupportPactError } from '../../domain/errors/index.js';
import type { ByteStream } from './import-types.js';

export interface CsvRow {
  /** 1-based line on which the record starts (a quoted field may span several lines). */
  readonly line: number;
  readonly fields: readonly string[];
}

/**
 * Streams CSV records with csv-parse's streaming parser: the first record is the header,
 * blank lines are skipped, `\r\n` and `\n` both end a record, and a row may have a different
 * field count than the header (the caller reports it). Malformed quoting cannot be resynchronised,
 * so it fails the import with `IMPORT_INVALID` naming the line.
 */
export async function* readCsvRows(input: ByteStream, fileName: string): AsyncGenerator<CsvRow> {
  // A record over 16 Mi characters is not an export row (a binary file, a lost quote): fail rather than buffer it.
  const parser = parse({ info: true, relax_column_count: true, skip_empty_lines: true, bom: true, max_record_size: 16 * 1024 * 1024 });
  const feeding = feed(input, parser);
  feeding.catch((error: unknown) => parser.destroy(error as Error));
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      // `info.lines` is the record's last line; a newline inside a quoted field moves its start up.
      let inner = 0;
      for (const field of item.record) for (let i = field.indexOf('\n'); i >= 0; i = field.indexOf('\n', i + 1)) inner++;
      yield { line: item.info.lines - inner, fields: item.record };
    }
  } catch (error) {
    if (error instanceof SupportPactError) throw error;
    const line = error instanceof CsvError ? (error as CsvError & { lines?: number }).lines : undefined;
    throw new SupportPactError('IMPORT_INVALID', `${fileName}${line ? `:${line}` : ''}: not readable as CSV (${(error as Error).message})`, {
      problems: [
        {
          message: 'malformed CSV',
          file: fileName,
          ...(line ? { line } : {}),
          hint: 'a quote opened in a field must close in it; export the file again as CSV (comma separated, UTF-8)',
        },
      ],
      cause: error,
    });
  } finally {
    parser.destroy();
  }
}

/** Writes the bytes into the parser as text with `\r\n` turned into `\n`, honouring back-pressure. */
async function feed(input: ByteStream, parser: ReturnType<typeof parse>): Promise<void> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  const write = async (text: string): Promise<void> => {
    if (text.length === 0 || parser.destroyed) return;
    if (parser.write(text)) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        parser.off('drain', done);
        parser.off('close', done);
        resolve();
      };
      parser.on('drain', done);
      parser.on('close', done);
    });
  };
  for await (const chunk of input) {
    if (parser.destroyed) return;
    let text = carry + (typeof chunk === 'string' ? chunk : decoder.write(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk)));
    // A chunk may end between `\r` and `\n`: keep the `\r` for the next one.
    carry = text.endsWith('\r') ? '\r' : '';
    if (carry) text = text.slice(0, -1);
    await write(text.replaceAll('\r\n', '\n'));
  }
  await write((carry + decoder.end()).replaceAll('\r\n', '\n'));
  if (!parser.destroyed) parser.end();
}

/** Column lookup by header name: trimmed, case-insensitive, and aware of repeated columns (JSM's `Comment`). */
export class CsvColumns {
  private readonly positions = new Map<string, number[]>();

  constructor(readonly header: readonly string[]) {
    header.forEach((name, index) => {
      const key = normaliseHeader(name);
      const list = this.positions.get(key);
      if (list) list.push(index);
      else this.positions.set(key, [index]);
    });
  }

  /** Index of the first column with any of `names`, or undefined. */
  index(...names: string[]): number | undefined {
    for (const name of names) {
      const found = this.positions.get(normaliseHeader(name));
      if (found) return found[0];
    }
    return undefined;
  }

  /** Indexes of every column called `name` (repeated headers). */
  all(name: string): readonly number[] {
    return this.positions.get(normaliseHeader(name)) ?? [];
  }

  /** Header names not among `known` (as written in the file). */
  unknown(known: readonly string[]): string[] {
    const wanted = new Set(known.map(normaliseHeader));
    return this.header.filter((name) => !wanted.has(normaliseHeader(name)));
  }
}

function normaliseHeader(name: string): string {
  return name.trim().toLowerCase();
}

/** A field's value exactly as written (raw priorities are kept byte for byte); blank cells are undefined. */
export function rawCell(fields: readonly string[], index: number | undefined, missing?: string): string | undefined {
  if (index === undefined) return undefined;
  const value = fields[index];
  if (value === undefined || value.trim() === '' || value.trim() === missing) return undefined;
  return value;
}

/** A field's value, trimmed; empty cells (and `missing` markers such as ServiceNow's `?`) are undefined. */
export function cell(fields: readonly string[], index: number | undefined, missing?: string): string | undefined {
  if (index === undefined) return undefined;
  const value = fields[index]?.trim();
  if (value === undefined || value === '' || value === missing) return undefined;
  return value;
}

/** Fails the whole file when a required column is missing: no row could be read. */
export function requireColumns(columns: CsvColumns, names: readonly string[], fileName: string, what: string): void {
  const missing = names.filter((name) => columns.index(name) === undefined);
  if (missing.length === 0) return;
  throw new SupportPactError('IMPORT_INVALID', `${fileName}:1: not a ${what} file: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, {
    problems: missing.map((name) => ({
      message: `missing column "${name}"`,
      file: fileName,
      line: 1,
      hint: `the header row has: ${columns.header.join(', ') || '(nothing)'}`,
    })),
  });
}
