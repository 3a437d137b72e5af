import type { ByteStream, ImportOptions, ImportRecord } from './import-types.js';
import { InstantReader } from './instant-reader.js';
import { canonicalFields, mapCanonicalRow } from './map-canonical-row.js';
import { RecordFactory } from './record-factory.js';
import { CsvColumns, cell, rawCell, readCsvRows, requireColumns } from './read-csv-rows.js';

/**
 * Reads the canonical CSV form: a header row naming the canonical columns (any order; `ticket`,
 * `at`, `kind` required), then one event per row, streamed record by record.
 */
export async function* readCanonicalCsv(input: ByteStream, options: ImportOptions): AsyncGenerator<ImportRecord> {
  const factory = new RecordFactory();
  const instants = new InstantReader(options.zone, undefined);
  const context = { format: 'csv' as const, fileName: options.fileName, factory, instants };
  let columns: CsvColumns | undefined;
  let rowsRead = 0;
  for await (const { line, fields } of readCsvRows(input, options.fileName)) {
    if (!columns) {
      columns = new CsvColumns(fields);
      requireColumns(columns, ['ticket', 'at', 'kind'], options.fileName, 'canonical CSV');
      for (const name of columns.unknown(canonicalFields)) {
        yield { type: 'notice', code: 'unknown-column', message: `column "${name}" is not a canonical column and is ignored` };
      }
      continue;
    }
    rowsRead++;
    if (fields.length !== columns.header.length) {
      yield factory.skip({ line }, 'row has a different number of fields than the header', undefined, `${fields.length} fields, header has ${columns.header.length}`);
      continue;
    }
    const row: Record<string, string> = {};
    for (const name of canonicalFields) {
      const value = name === 'priority' ? rawCell(fields, columns.index(name)) : cell(fields, columns.index(name));
      if (value !== undefined) row[name] = value;
    }
    yield* mapCanonicalRow(row, { line }, context);
  }
  yield { type: 'end', rowsRead, instantsWithOffset: instants.instantsWithOffset, instantsInGivenZone: instants.instantsInGivenZone };
}
