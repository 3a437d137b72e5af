/**
 * `readCsvRows` as first written: every byte through csv-parse (the plain-line split of
 * read-csv-rows.ts is tested against it). Slow and plain.
 */
import { StringDecoder } from 'node:string_decoder';
import { CsvError, parse } from 'csv-parse';
import { SupportPactError } from '../../../domain/errors/index.js';
import type { ByteStream } from '../import-types.js';
import type { CsvRow } from '../read-csv-rows.js';

export async function* referenceCsvRows(input: ByteStream, fileName: string): AsyncGenerator<CsvRow> {
  const parser = parse({ info: true, relax_column_count: true, skip_empty_lines: true, bom: true, max_record_size: 16 * 1024 * 1024 });
  const feeding = feed(input, parser);
  feeding.catch((error: unknown) => parser.destroy(error as Error));
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      let inner = 0;
      for (const field of item.record) for (let i = field.indexOf('\n'); i >= 0; i = field.indexOf('\n', i + 1)) inner++;
      yield { line: item.info.lines - inner, fields: item.record };
    }
  } catch (error) {
    if (error instanceof SupportPactError) throw error;
    const line = error instanceof CsvError ? (error as CsvError & { lines?: number }).lines : undefined;
    throw new SupportPactError('IMPORT_INVALID', `${fileName}${line ? `:${line}` : ''}: not readable as CSV (${(error as Error).message})`, {
      problems: [{ message: 'malformed CSV', file: fileName, ...(line ? { line } : {}), hint: 'a quote opened in a field must close in it; export the file again as CSV (comma separated, UTF-8)' }],
      cause: error,
    });
  } finally {
    parser.destroy();
  }
}

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
    carry = text.endsWith('\r') ? '\r' : '';
    if (carry) text = text.slice(0, -1);
    await write(text.replaceAll('\r\n', '\n'));
  }
  await write((carry + decoder.end()).replaceAll('\r\n', '\n'));
  if (!parser.destroyed) parser.end();
}
