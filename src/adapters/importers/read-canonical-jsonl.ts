import type { ByteStream, ImportOptions, ImportRecord } from './import-types.js';
import { CanonicalRowMapper } from './map-canonical-row.js';
import { maxLineChars, TextLineSplitter } from './read-text-lines.js';

/**
 * Reads canonical JSON Lines (one event object per line), streaming line by line:
 * `{"ticket":"T-1001","at":"2027-03-01T09:15:00-08:00","kind":"created","priority":"high"}`.
 */
export async function* readCanonicalJsonl(input: ByteStream, options: ImportOptions): AsyncGenerator<ImportRecord> {
  for await (const records of readCanonicalJsonlBatches(input, options)) yield* records;
}

/**
 * `readCanonicalJsonl` a chunk of input at a time: the records of each chunk's complete lines
 * come as one array (about 500 events from a 64 KiB chunk), so a consumer pays one promise
 * per chunk instead of one per record.
 */
export async function* readCanonicalJsonlBatches(input: ByteStream, options: ImportOptions): AsyncGenerator<ImportRecord[]> {
  const mapper = new CanonicalRowMapper('jsonl', options.fileName, options.zone);
  const splitter = new TextLineSplitter(maxLineChars, options.fileName);
  let records: ImportRecord[] = [];
  const onLine = (text: string, line: number): void => mapper.mapJsonLine(text, line, records);
  for await (const chunk of input) {
    splitter.push(chunk, onLine);
    if (records.length > 0) {
      yield records;
      records = [];
    }
    splitter.checkPending();
  }
  splitter.end(onLine);
  const { instants } = mapper;
  records.push({ type: 'end', rowsRead: mapper.rowsRead, instantsWithOffset: instants.instantsWithOffset, instantsInGivenZone: instants.instantsInGivenZone });
  yield records;
}
