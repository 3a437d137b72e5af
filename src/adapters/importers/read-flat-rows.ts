import type { ByteStream, ImportRecord } from './import-types.js';
import { CsvColumns, cell, readCsvRows, requireColumns } from './read-csv-rows.js';
import type { RecordFactory } from './record-factory.js';
import { readTextLines } from './read-text-lines.js';
import { sniffJson } from './sniff-json.js';

export type FlatRowItem =
  | { readonly line: number; readonly row: Readonly<Record<string, unknown>> }
  | { readonly line?: number; readonly record: ImportRecord };

export interface FlatRowSpec {
  /** What the file holds, for messages: `outages`. */
  readonly what: string;
  readonly fields: readonly string[];
  readonly required: readonly string[];
}

/**
 * Streams a small flat table given either as CSV (a header row, then rows) or as JSON Lines
 * (one object per line), told apart by the first byte. Yields each row keyed by field name
 * (empty CSV cells left out), or a skip / notice record; a CSV header missing a required
 * column fails the file.
 */
export async function* readFlatRows(input: ByteStream, fileName: string, spec: FlatRowSpec, factory: RecordFactory): AsyncGenerator<FlatRowItem> {
  const sniffed = await sniffJson(input);
  if (sniffed.isJson) {
    for await (const { line, text } of readTextLines(sniffed.input, undefined, fileName)) {
      if (text.trim() === '') continue;
      let row: unknown;
      try {
        row = JSON.parse(text);
      } catch {
        yield { line, record: factory.skip({ line }, 'not valid JSON', undefined, text) };
        continue;
      }
      if (typeof row !== 'object' || row === null || Array.isArray(row)) yield { line, record: factory.skip({ line }, 'not a JSON object', undefined, text) };
      else yield { line, row: row as Record<string, unknown> };
    }
    return;
  }
  let columns: CsvColumns | undefined;
  for await (const { line, fields } of readCsvRows(sniffed.input, fileName)) {
    if (!columns) {
      columns = new CsvColumns(fields);
      requireColumns(columns, spec.required, fileName, spec.what);
      for (const name of columns.unknown(spec.fields)) {
        yield { record: { type: 'notice', code: 'unknown-column', message: `column "${name}" is not a ${spec.what} column and is ignored` } };
      }
      continue;
    }
    if (fields.length !== columns.header.length) {
      yield { line, record: factory.skip({ line }, 'row has a different number of fields than the header', undefined, `${fields.length} fields, header has ${columns.header.length}`) };
      continue;
    }
    const row: Record<string, string> = {};
    for (const name of spec.fields) {
      const value = cell(fields, columns.index(name));
      if (value !== undefined) row[name] = value;
    }
    yield { line, row };
  }
}

/** A row's field as trimmed text (numbers become text); undefined when absent or empty, `false` when of another type. */
export function textField(row: Readonly<Record<string, unknown>>, name: string): string | undefined | false {
  const value = row[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return false;
  return value.trim() === '' ? undefined : value.trim();
}
