import { SupportPactError } from '../../domain/errors/index.js';
import { ticketStatuses } from '../../domain/tickets/index.js';
import { isValidZone } from '../../domain/time/zone.js';
import type { ByteStream, ImportOptions, ImportRecord, ImportSource } from './import-types.js';
import { importSources } from './import-types.js';
import { gunzipIfCompressed } from './open-import-file.js';
import { readCanonicalCsv, readCanonicalCsvBatches } from './read-canonical-csv.js';
import { readCanonicalJsonl, readCanonicalJsonlBatches } from './read-canonical-jsonl.js';
import { readFreshdesk } from './read-freshdesk.js';
import { readJiraCsv } from './read-jira-csv.js';
import { readOutages } from './read-outages.js';
import { readServiceNow } from './read-servicenow.js';
import { readVendorReports } from './read-vendor-reports.js';
import { readZammad } from './read-zammad.js';
import { readZendesk } from './read-zendesk.js';

type Reader = (input: ByteStream, options: ImportOptions) => AsyncGenerator<ImportRecord>;

const readers: Record<ImportSource, Reader> = {
  jsonl: readCanonicalJsonl,
  csv: readCanonicalCsv,
  zendesk: readZendesk,
  jira: readJiraCsv,
  freshdesk: readFreshdesk,
  servicenow: readServiceNow,
  zammad: readZammad,
  outages: readOutages,
  'vendor-reports': readVendorReports,
};

type BatchReader = (input: ByteStream, options: ImportOptions) => AsyncGenerator<ImportRecord[]>;

/** Readers that hand over records a chunk at a time (the formats a million events come in). */
const batchReaders: Partial<Record<ImportSource, BatchReader>> = {
  jsonl: readCanonicalJsonlBatches,
  csv: readCanonicalCsvBatches,
};

/** Records per array when a record-by-record reader is grouped for `readImportBatches`. */
const recordsPerBatch = 512;

/** Sources whose times never carry an offset: they cannot start without a zone. */
const sourcesWithoutOffsets: ReadonlySet<ImportSource> = new Set(['servicenow', 'jira']);

/**
 * Reads one import file into canonical records, streaming: gzip is detected by its magic
 * bytes, rows are mapped as they arrive, and the last record is always `end`. Bad options
 * (an unknown zone, a missing zone for a source without offsets, a bad `statusMap`) throw
 * `USAGE` at once; a file that is not of the named kind throws `IMPORT_INVALID` when read;
 * bad rows are `skip` records.
 */
export function readImport(source: ImportSource, input: ByteStream, options: ImportOptions): AsyncIterable<ImportRecord> {
  checkImportOptions(source, options);
  return readers[source](gunzipIfCompressed(input, options.fileName), options);
}

/**
 * `readImport` in arrays of records, the same records in the same order: for bulk consumers
 * (the import command), which then pay one promise per array rather than per record (about
 * 0.3 µs a record through three async layers). Canonical JSON Lines and CSV come a chunk of
 * input at a time; other sources are grouped up to 512 records.
 */
export function readImportBatches(source: ImportSource, input: ByteStream, options: ImportOptions): AsyncIterable<readonly ImportRecord[]> {
  checkImportOptions(source, options);
  const bytes = gunzipIfCompressed(input, options.fileName);
  const batchReader = batchReaders[source];
  return batchReader ? batchReader(bytes, options) : groupRecords(readers[source](bytes, options));
}

async function* groupRecords(records: AsyncIterable<ImportRecord>): AsyncGenerator<ImportRecord[]> {
  let batch: ImportRecord[] = [];
  try {
    for await (const record of records) {
      batch.push(record);
      if (batch.length >= recordsPerBatch) {
        yield batch;
        batch = [];
      }
    }
  } catch (error) {
    // The records read before a failure still reach the consumer, as they would one by one.
    if (batch.length > 0) yield batch;
    throw error;
  }
  if (batch.length > 0) yield batch;
}

/** Throws `USAGE` for options no row could succeed with; see `readImport`. */
export function checkImportOptions(source: ImportSource, options: ImportOptions): void {
  if (!(importSources as readonly string[]).includes(source)) {
    throw new SupportPactError('USAGE', `unknown import source "${source}"`, {
      problems: [{ message: `unknown source "${source}"`, expected: importSources.join(', ') }],
    });
  }
  if (options.zone !== undefined && !isValidZone(options.zone)) {
    throw new SupportPactError('USAGE', `unknown time zone "${options.zone}"`, {
      problems: [{ message: `"${options.zone}" is not an IANA time zone`, path: ['zone'], hint: 'write it like America/Los_Angeles or Europe/Madrid' }],
    });
  }
  if (options.zone === undefined && sourcesWithoutOffsets.has(source)) {
    throw new SupportPactError('USAGE', `${source} exports carry local times without an offset: give the zone they were exported in (--zone)`, {
      problems: [
        {
          message: `${options.fileName}: times have no offset and no zone was given`,
          path: ['zone'],
          hint: 'pass --zone with the IANA zone of the exporting instance or user, e.g. --zone America/Sao_Paulo; UTC is never assumed',
        },
      ],
    });
  }
  for (const [key, status] of Object.entries(options.statusMap ?? {})) {
    if (!(ticketStatuses as readonly string[]).includes(status)) {
      throw new SupportPactError('USAGE', `statusMap maps "${key}" to "${status}", which is not a ticket status`, {
        problems: [{ message: `unknown status "${status}"`, path: ['statusMap', key], expected: ticketStatuses.join(', ') }],
      });
    }
  }
}
