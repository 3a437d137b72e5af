import type { ByteStream, ImportOptions, ImportRecord } from './import-types.js';
import { canonicalFields, CanonicalRowMapper } from './map-canonical-row.js';
import { CsvColumns, cell, rawCell, readCsvRowBatches, requireColumns } from './read-csv-rows.js';

/**
 * Reads the canonical CSV form: a header row naming the canonical columns (any order; `ticket`,
 * `at`, `kind` required), then one event per row, streamed record by record.
 */
export async function* readCanonicalCsv(input: ByteStream, options: ImportOptions): AsyncGenerator<ImportRecord> {
  for await (const records of readCanonicalCsvBatches(input, options)) yield* records;
}

/** `readCanonicalCsv` as arrays of records, one per batch of parsed rows. */
export async function* readCanonicalCsvBatches(input: ByteStream, options: ImportOptions): AsyncGenerator<ImportRecord[]> {
  const mapper = new CanonicalRowMapper('csv', options.fileName, options.zone);
  let columns: CsvColumns | undefined;
  let indexes: (number | undefined)[] = [];
  const priorityAt = canonicalFields.indexOf('priority');
  const cells: (string | undefined)[] = new Array<string | undefined>(canonicalFields.length).fill(undefined);
  for await (const rows of readCsvRowBatches(input, options.fileName)) {
    const records: ImportRecord[] = [];
    for (const { line, fields } of rows) {
      if (!columns) {
        columns = new CsvColumns(fields);
        requireColumns(columns, ['ticket', 'at', 'kind'], options.fileName, 'canonical CSV');
        for (const name of columns.unknown(canonicalFields)) {
          records.push({ type: 'notice', code: 'unknown-column', message: `column "${name}" is not a canonical column and is ignored` });
        }
        const found = columns;
        indexes = canonicalFields.map((name) => found.index(name));
        continue;
      }
      mapper.rowsRead++;
      if (fields.length !== columns.header.length) {
        records.push(mapper.factory.skip({ line }, 'row has a different number of fields than the header', undefined, `${fields.length} fields, header has ${columns.header.length}`));
        continue;
      }
      for (let i = 0; i < cells.length; i++) cells[i] = i === priorityAt ? rawCell(fields, indexes[i]) : cell(fields, indexes[i]);
      mapper.mapCells(cells, line, records);
    }
    if (records.length > 0) yield records;
  }
  const { instants } = mapper;
  yield [{ type: 'end', rowsRead: mapper.rowsRead, instantsWithOffset: instants.instantsWithOffset, instantsInGivenZone: instants.instantsInGivenZone }];
}
