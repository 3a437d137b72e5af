import type { ByteStream, ImportOptions, ImportRecord } from './import-types.js';
import { InstantReader } from './instant-reader.js';
import { canonicalFields, mapCanonicalRow } from './map-canonical-row.js';
import { RecordFactory } from './record-factory.js';
import { readTextLines } from './read-text-lines.js';

const known: ReadonlySet<string> = new Set(canonicalFields);
/** Unknown field names reported once each, up to this many (a file with thousands of keys is reported by the first 20). */
const maxUnknownFieldNotices = 20;

/**
 * Reads canonical JSON Lines (one event object per line), streaming line by line:
 * `{"ticket":"T-1001","at":"2027-03-01T09:15:00-08:00","kind":"created","priority":"high"}`.
 */
export async function* readCanonicalJsonl(input: ByteStream, options: ImportOptions): AsyncGenerator<ImportRecord> {
  const factory = new RecordFactory();
  const instants = new InstantReader(options.zone, undefined);
  const context = { format: 'jsonl' as const, fileName: options.fileName, factory, instants };
  const unknown = new Set<string>();
  let rowsRead = 0;
  for await (const { line, text } of readTextLines(input, undefined, options.fileName)) {
    if (text.trim() === '') continue;
    rowsRead++;
    let row: unknown;
    try {
      row = JSON.parse(text);
    } catch {
      yield factory.skip({ line }, 'not valid JSON', undefined, text);
      continue;
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      yield factory.skip({ line }, 'not a JSON object', undefined, text);
      continue;
    }
    for (const key of Object.keys(row)) {
      if (known.has(key) || unknown.has(key) || unknown.size >= maxUnknownFieldNotices) continue;
      unknown.add(key);
      yield { type: 'notice', code: 'unknown-field', message: `field "${key}" (first on line ${line}) is not a canonical field and is ignored` };
    }
    yield* mapCanonicalRow(row as Record<string, unknown>, { line }, context);
  }
  yield { type: 'end', rowsRead, instantsWithOffset: instants.instantsWithOffset, instantsInGivenZone: instants.instantsInGivenZone };
}
