import { isMonth } from '../../domain/time/local-date.js';
import type { ByteStream, ImportOptions, ImportRecord } from './import-types.js';
import { InstantReader } from './instant-reader.js';
import { readFlatRows, textField } from './read-flat-rows.js';
import { RecordFactory, digestId } from './record-factory.js';

const spec = { what: 'vendor reports', fields: ['month', 'deliveredAt', 'id'], required: ['month', 'deliveredAt'] } as const;

/**
 * Reads vendor report deliveries from CSV or JSON Lines: `month` (`YYYY-MM`, the service month
 * the report covers), `deliveredAt` (ISO-8601) and an optional `id` (else a digest of both).
 */
export async function* readVendorReports(input: ByteStream, options: ImportOptions): AsyncGenerator<ImportRecord> {
  const factory = new RecordFactory();
  const instants = new InstantReader(options.zone, undefined);
  let rowsRead = 0;
  for await (const item of readFlatRows(input, options.fileName, spec, factory)) {
    if (item.line !== undefined) rowsRead++;
    if ('record' in item) {
      yield item.record;
      continue;
    }
    const { line, row } = item;
    const place = { line };
    const month = textField(row, 'month');
    const deliveredText = textField(row, 'deliveredAt');
    const id = textField(row, 'id');
    if (month === false || month === undefined) {
      yield factory.skip(place, month === false ? 'not a text value' : 'missing month', 'month', row.month);
      continue;
    }
    if (!isMonth(month)) {
      yield factory.skip(place, 'not a month (YYYY-MM)', 'month', month);
      continue;
    }
    if (deliveredText === false || deliveredText === undefined) {
      yield factory.skip(place, deliveredText === false ? 'not a text value' : 'missing deliveredAt', 'deliveredAt', row.deliveredAt);
      continue;
    }
    if (id === false) {
      yield factory.skip(place, 'not a text or number value', 'id', row.id);
      continue;
    }
    const delivered = instants.readIso(deliveredText);
    if (delivered.reason !== undefined) {
      yield factory.skip(place, delivered.reason, 'deliveredAt', deliveredText);
      continue;
    }
    yield { type: 'vendor-report', report: { id: id ?? digestId(['vendor-report', month, delivered.at]), month, deliveredAt: delivered.at }, line };
  }
  yield { type: 'end', rowsRead, instantsWithOffset: instants.instantsWithOffset, instantsInGivenZone: instants.instantsInGivenZone };
}
