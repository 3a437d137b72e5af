import type { ByteStream, ImportOptions, ImportRecord } from './import-types.js';
import { InstantReader } from './instant-reader.js';
import { readFlatRows, textField } from './read-flat-rows.js';
import { RecordFactory, compact, digestId } from './record-factory.js';

const spec = { what: 'outages', fields: ['service', 'start', 'end', 'id', 'description'], required: ['service', 'start', 'end'] } as const;

/**
 * Reads outages (for availability) from CSV or JSON Lines: `service`, `start`, `end` (ISO-8601,
 * end after start), optional `id` and `description`. Without an id, a digest of service,
 * start and end names the outage, so re-importing it changes nothing.
 */
export async function* readOutages(input: ByteStream, options: ImportOptions): AsyncGenerator<ImportRecord> {
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
    const text: Record<string, string | undefined> = {};
    let bad: ImportRecord | undefined;
    for (const name of spec.fields) {
      const value = textField(row, name);
      if (value === false) bad ??= factory.skip(place, 'not a text value', name, row[name]);
      else text[name] = value;
    }
    if (bad) {
      yield bad;
      continue;
    }
    const missing = spec.required.find((name) => text[name] === undefined);
    if (missing) {
      yield factory.skip(place, `missing ${missing}`, missing);
      continue;
    }
    const start = instants.readIso(text.start!);
    if (start.reason !== undefined) {
      yield factory.skip(place, start.reason, 'start', text.start);
      continue;
    }
    const end = instants.readIso(text.end!);
    if (end.reason !== undefined) {
      yield factory.skip(place, end.reason, 'end', text.end);
      continue;
    }
    if (end.at <= start.at) {
      yield factory.skip(place, 'end is not after start', 'end', text.end);
      continue;
    }
    const outage = compact({
      id: text.id ?? digestId(['outage', text.service, start.at, end.at]),
      service: text.service!,
      startAt: start.at,
      endAt: end.at,
      description: text.description,
    });
    yield { type: 'outage', outage, line };
  }
  yield { type: 'end', rowsRead, instantsWithOffset: instants.instantsWithOffset, instantsInGivenZone: instants.instantsInGivenZone };
}
