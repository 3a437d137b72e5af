import { StringDecoder } from 'node:string_decoder';
import { finished, type Readable } from 'node:stream';
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
  for await (const rows of readCsvRowBatches(input, fileName)) yield* rows;
}

/**
 * `readCsvRows` as arrays of rows, one promise per array instead of per row. While the text
 * holds no quote and no lone carriage return (every line is a record, every comma a field
 * boundary, as in the UCI log and most machine exports), lines are split here, about 4x
 * faster than csv-parse; at the first such character the rest of the text, from the start of
 * its line, goes to csv-parse, which is first given a blank line for each line already split
 * (it skips blank lines but counts them), so its rows, line numbers and error messages are
 * what it alone would give.
 */
export async function* readCsvRowBatches(input: ByteStream, fileName: string): AsyncGenerator<CsvRow[]> {
  const texts = normalisedText(input)[Symbol.asyncIterator]();
  const plain = new PlainCsvLines();
  try {
    for (;;) {
      const next = await texts.next();
      const rows: CsvRow[] = [];
      const rest = next.done ? plain.end(rows) : plain.push(next.value, rows);
      if (rows.length > 0) yield rows;
      if (rest !== undefined) {
        yield* parsedRowBatches(handOver(plain.linesDone, rest, texts));
        return;
      }
      if (next.done) return;
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
    await texts.return?.(undefined);
  }
}

/** Longest unfinished line split here (characters); a longer one goes to csv-parse, which enforces the 16 Mi record limit. */
const maxPlainLineChars = 1024 * 1024;
/** A quote or a lone carriage return: csv-parse's business from there on. */
const notPlain = /["\r]/;

/** Splits plain CSV text (no quote, no carriage return) into rows exactly as csv-parse would. */
class PlainCsvLines {
  /** Lines completed (blank ones included): csv-parse's line count so far. */
  linesDone = 0;
  private pending = '';

  /** Adds the rows of `text`'s complete lines to `rows`; returns the text csv-parse must take over from (an unfinished line first), if any. */
  push(text: string, rows: CsvRow[]): string | undefined {
    const all = this.pending + text;
    const special = all.search(notPlain);
    if (special >= 0) {
      // The complete lines before the first quote or carriage return are split here; csv-parse takes the rest from that line's start.
      const lineStart = all.lastIndexOf('\n', special) + 1;
      this.splitLines(all.slice(0, lineStart), rows);
      this.pending = '';
      return all.slice(lineStart);
    }
    const end = this.splitLines(all, rows);
    this.pending = all.slice(end);
    if (this.pending.length <= maxPlainLineChars) return undefined;
    const rest = this.pending;
    this.pending = '';
    return rest;
  }

  /** At the end of the text: the last line, when it has no line break. */
  end(rows: CsvRow[]): undefined {
    if (this.pending.length > 0) this.addLine(this.pending, 0, this.pending.length, rows);
    this.pending = '';
    return undefined;
  }

  /** Rows of every complete line in `text`; returns where the unfinished line starts. */
  private splitLines(text: string, rows: CsvRow[]): number {
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      this.addLine(text, start, end, rows);
      start = end + 1;
    }
    return start;
  }

  private addLine(text: string, start: number, end: number, rows: CsvRow[]): void {
    this.linesDone++;
    // csv-parse's `bom: true`: a byte-order mark at the very start is not data. Stripped here,
    // not before: when csv-parse takes over on line 1, it must see the mark itself.
    if (this.linesDone === 1 && text.charCodeAt(start) === 0xfeff) start++;
    // csv-parse's `skip_empty_lines`: an empty line is no record.
    if (end > start) rows.push({ line: this.linesDone, fields: text.slice(start, end).split(',') });
  }
}

/** What csv-parse reads after a handover: a blank line per line already split, the rest of the current piece, then every later piece. */
async function* handOver(linesDone: number, rest: string, texts: AsyncIterator<string>): AsyncGenerator<string> {
  // The line breaks also fix csv-parse's record delimiter to `\n`, as the split lines had it.
  // In pieces of 1 Mi, so a late handover makes no huge string.
  for (let left = linesDone; left > 0; left -= 1024 * 1024) yield '\n'.repeat(Math.min(left, 1024 * 1024));
  yield rest;
  for (let next = await texts.next(); !next.done; next = await texts.next()) yield next.value;
}

/** Rows from csv-parse's streaming parser, as arrays of every record it holds when asked. */
async function* parsedRowBatches(texts: AsyncIterable<string>): AsyncGenerator<CsvRow[]> {
  // A record over 16 Mi characters is not an export row (a binary file, a lost quote): fail rather than buffer it.
  const parser = parse({ info: true, relax_column_count: true, skip_empty_lines: true, bom: true, max_record_size: 16 * 1024 * 1024 });
  const feeding = feed(texts, parser);
  feeding.catch((error: unknown) => parser.destroy(error as Error));
  try {
    for await (const items of readableBatches<{ record: string[]; info: { lines: number } }>(parser)) {
      const rows = new Array<CsvRow>(items.length);
      for (let i = 0; i < items.length; i++) {
        const item = items[i]!;
        // `info.lines` is the record's last line; a newline inside a quoted field moves its start up.
        let inner = 0;
        for (const field of item.record) for (let at = field.indexOf('\n'); at >= 0; at = field.indexOf('\n', at + 1)) inner++;
        rows[i] = { line: item.info.lines - inner, fields: item.record };
      }
      yield rows;
    }
  } finally {
    parser.destroy();
  }
}

/**
 * A readable stream's objects in arrays of all it holds each time it is asked, as the stream's
 * own async iterator reads them but one promise per array: ends with the stream, throws its
 * error (an early close is ERR_STREAM_PREMATURE_CLOSE, as for the iterator).
 */
async function* readableBatches<T>(stream: Readable): AsyncGenerator<T[]> {
  let wake = (): void => undefined;
  const wakeUp = (): void => {
    const resolve = wake;
    wake = () => undefined;
    resolve();
  };
  // undefined while running, null once ended cleanly, the error otherwise.
  let outcome: Error | null | undefined;
  stream.on('readable', wakeUp);
  const stopWatching = finished(stream, { writable: false }, (error) => {
    outcome = error ?? null;
    wakeUp();
  });
  try {
    for (;;) {
      const batch: T[] = [];
      for (let item: T | null; !stream.destroyed && (item = stream.read() as T | null) !== null; ) batch.push(item);
      if (batch.length > 0) yield batch;
      else if (outcome) throw outcome;
      else if (outcome === null) return;
      else await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    stream.off('readable', wakeUp);
    stopWatching();
  }
}

/** The bytes as text, decoded as UTF-8 across chunk boundaries, with `\r\n` turned into `\n`. */
async function* normalisedText(input: ByteStream): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  for await (const chunk of input) {
    let text = carry + (typeof chunk === 'string' ? chunk : decoder.write(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk)));
    // A chunk may end between `\r` and `\n`: keep the `\r` for the next one.
    carry = text.endsWith('\r') ? '\r' : '';
    if (carry) text = text.slice(0, -1);
    if (text.length > 0) yield text.replaceAll('\r\n', '\n');
  }
  const last = (carry + decoder.end()).replaceAll('\r\n', '\n');
  if (last.length > 0) yield last;
}

/** Writes the text into the parser, honouring back-pressure, and ends it. */
async function feed(texts: AsyncIterable<string>, parser: ReturnType<typeof parse>): Promise<void> {
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
  for await (const text of texts) {
    if (parser.destroyed) return;
    await write(text);
  }
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
