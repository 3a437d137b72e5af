import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Option } from 'commander';
import { importTicketRecords, type ImportResult, type TicketRecord } from '../../../app/import-ticket-records.js';
import { loadStoredContract } from '../../../app/load-stored-contract.js';
import type { StoreSession } from '../../../app/ports/index.js';
import { compileSlaPolicy, mapPriority } from '../../../domain/sla/index.js';
import { formatInstantUtc } from '../../../domain/time/index.js';
import { ImportSummaryAccumulator, importSources, openImportFile, readImportBatches, type ImportSource, type ImportSummary } from '../../importers/index.js';
import { registerCommand } from '../command-registry.js';
import type { CliIo } from '../cli-io.js';
import { withCliStore, withStoreOptions, type StoreOptions } from '../open-cli-store.js';
import { ProgressBar } from '../progress-bar.js';

/**
 * Bytes per read when hashing: 1 MiB pieces hash a file about twice as fast as the stream's
 * default 64 KiB (100 MB: 0.07 s of CPU against 0.16 s: SHA-256 itself is fast with the
 * CPU's SHA instructions, the per-piece overhead is not). One buffer is reused: a read stream
 * allocates a new one per piece, which the garbage collector, seeing little JavaScript
 * allocation, let pile up to 640 MB of a 1 GB file.
 */
const digestPieceBytes = 1024 * 1024;
/**
 * Bytes per read when importing: 64 KiB holds about 500 canonical events, enough to make the
 * per-piece cost vanish; 1 MiB pieces made no faster import and raised peak memory by about
 * 100 MB (each piece's records outlive the young generation).
 */
const importPieceBytes = 64 * 1024;

/** Lower-case hex SHA-256 of a file's bytes: the import job's key for resuming. */
export async function fileDigest(path: string): Promise<string> {
  const hash = createHash('sha256');
  const file = await open(path, 'r');
  try {
    const piece = Buffer.allocUnsafe(digestPieceBytes);
    for (;;) {
      const { bytesRead } = await file.read(piece, 0, piece.length, null);
      if (bytesRead === 0) break;
      hash.update(piece.subarray(0, bytesRead));
    }
  } finally {
    await file.close();
  }
  return hash.digest('hex');
}

export interface ImportFileRequest {
  /** The file to read (gzip is detected). */
  readonly path: string;
  /** The name shown in skips, summaries and `event.source`: the path as the user typed it. */
  readonly fileName: string;
  readonly source: ImportSource;
  readonly contractId: string;
  readonly zone?: string;
  readonly dateOrder?: 'dmy' | 'mdy';
  readonly dryRun?: boolean;
  readonly maxErrors?: number;
  readonly batchEvents?: number;
  readonly actor?: string;
  readonly now?: () => number;
  /** Called with bytes read and records seen after each piece of the file (progress bars). */
  readonly onProgress?: (bytesRead: number, records: number) => void;
  /** Called after each committed batch. */
  readonly onBatch?: Parameters<typeof importTicketRecords>[1]['onBatch'];
}

export interface ImportedFile {
  readonly summary: ImportSummary;
  readonly result: ImportResult;
}

/**
 * The work of `supportpact import` for one file on an open store: digest the file (the key
 * an interrupted import resumes by), then read it once more, streaming, into the store in
 * atomic batches while the summary tallies every record. Records flow as arrays
 * (`readImportBatches`), so the per-record cost is the mapping alone.
 */
export async function importTicketFile(store: StoreSession, request: ImportFileRequest): Promise<ImportedFile> {
  await openImportFile(request.path); // fails with a clear message for a missing path or a folder
  const digest = await fileDigest(request.path);
  let bytes = 0;
  async function* countedBytes(): AsyncGenerator<Buffer> {
    for await (const chunk of createReadStream(request.path, { highWaterMark: importPieceBytes })) {
      bytes += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
  }
  const readOptions = { fileName: request.fileName, ...(request.zone ? { zone: request.zone } : {}), ...(request.dateOrder ? { dateOrder: request.dateOrder } : {}) };
  const summary = new ImportSummaryAccumulator(request.source, readOptions);
  let records = 0;
  async function* tallied(): AsyncGenerator<readonly TicketRecord[]> {
    for await (const batch of readImportBatches(request.source, countedBytes(), readOptions)) {
      for (const record of batch) summary.add(record);
      records += batch.length;
      request.onProgress?.(bytes, records);
      yield batch as readonly TicketRecord[];
    }
  }
  const result = await importTicketRecords(store, {
    contractId: request.contractId,
    source: request.source,
    fileName: request.fileName,
    fileDigest: digest,
    records: tallied(),
    now: request.now ?? (() => Math.floor(Date.now() / 1000)),
    actor: request.actor ?? 'cli',
    ...(request.maxErrors === undefined ? {} : { maxErrors: request.maxErrors }),
    ...(request.batchEvents === undefined ? {} : { batchEvents: request.batchEvents }),
    ...(request.dryRun === undefined ? {} : { dryRun: request.dryRun }),
    ...(request.onBatch ? { onBatch: request.onBatch } : {}),
  });
  return { summary: summary.summary(), result };
}

/** The summary the user reads at the end of an import. */
export function renderImportSummary(summary: ImportSummary, result: ImportResult, unmapped: readonly { value: string; count: number }[]): string {
  const lines: string[] = [];
  const n = (x: number): string => x.toLocaleString('en-US');
  lines.push(`${result.dryRun ? 'checked (dry run, nothing stored)' : 'imported'} ${summary.fileName} (${summary.source}): ${n(summary.rowsRead)} rows, ${n(summary.tickets)} tickets, ${n(summary.events)} events${summary.outages ? `, ${n(summary.outages)} outages` : ''}${summary.vendorReports ? `, ${n(summary.vendorReports)} vendor reports` : ''}`);
  if (!result.dryRun) {
    lines.push(`  new in the store: ${n(result.newRows.tickets)} tickets, ${n(result.newRows.events)} events${result.newRows.outages ? `, ${n(result.newRows.outages)} outages` : ''}${result.newRows.vendorReports ? `, ${n(result.newRows.vendorReports)} vendor reports` : ''}${result.newRows.events === 0 && summary.events > 0 ? ' (all already stored: nothing changed)' : ''}`);
    if (result.resumed) lines.push(`  resumed an interrupted import after ${n(result.recordsAlreadyCommitted)} committed records`);
  }
  const zone = summary.zone;
  lines.push(`  time zone: ${zone.basis === 'offsets' ? 'taken from the offsets in the file' : zone.basis === 'assumed' ? `${zone.given} (given with --zone; the file has no offsets)` : zone.basis === 'mixed' ? `offsets where present, else ${zone.given}` : 'no instants read'}`);
  if (summary.firstEventAt !== undefined && summary.lastEventAt !== undefined) lines.push(`  events from ${formatInstantUtc(summary.firstEventAt)} to ${formatInstantUtc(summary.lastEventAt)}`);
  if (unmapped.length > 0) lines.push(`  priorities not in the contract's mapFrom (their tickets get no clocks): ${unmapped.map((u) => `"${u.value}" (${n(u.count)})`).join(', ')}`);
  if (summary.skipped > 0) {
    lines.push(`  ${n(summary.skipped)} rows skipped:`);
    for (const group of summary.skips) {
      const where = group.places.map((p) => (p.line !== undefined ? `line ${p.line}` : p.path ?? '')).join(', ');
      lines.push(`    ${n(group.count)} × ${group.reason}${group.field ? ` (field ${group.field})` : ''}${group.example !== undefined ? `, e.g. "${group.example}"` : ''}: ${where}${group.count > group.places.length ? ', ...' : ''}`);
    }
  }
  for (const notice of summary.notices) lines.push(`  note: ${notice}`);
  return lines.join('\n') + '\n';
}

async function importOneFile(file: string, source: ImportSource, options: ImportCommandOptions, io: CliIo): Promise<void> {
  const path = resolve(io.cwd, file);
  await openImportFile(path); // fails with a clear message for a missing path or a folder
  const progress = new ProgressBar(io.stderr, file.length > 30 ? `...${file.slice(-27)}` : file, statSync(path).size);
  await withCliStore(options, io, async (store) => {
    const contract = options.dryRun ? undefined : (await loadStoredContract(store, options.contract)).loaded.contract;
    let imported: ImportedFile;
    try {
      imported = await importTicketFile(store, {
        path,
        fileName: file,
        source,
        contractId: options.contract,
        ...(options.zone ? { zone: options.zone } : {}),
        ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}),
        dryRun: options.dryRun,
        maxErrors: options.maxErrors,
        ...(io.env.SUPPORTPACT_IMPORT_BATCH_EVENTS ? { batchEvents: Number(io.env.SUPPORTPACT_IMPORT_BATCH_EVENTS) } : {}),
        onProgress: (bytes, records) => progress.update(bytes, records),
        onBatch: (p) => {
          if (io.env.SUPPORTPACT_IMPORT_TRACE === '1') io.stderr.write(`batch ${p.batches} committed: ${p.recordsConsumed} records\n`);
        },
      });
    } finally {
      progress.done();
    }
    const { summary, result } = imported;
    const policy = contract ? compileSlaPolicy(contract) : undefined;
    const unmapped = policy ? summary.rawPriorities.filter((p) => mapPriority(policy, p.value) === undefined) : [];
    io.stdout.write(renderImportSummary(summary, result, unmapped));
  });
}

interface ImportCommandOptions extends StoreOptions {
  contract: string;
  zone?: string;
  dateOrder?: 'dmy' | 'mdy';
  dryRun: boolean;
  maxErrors: number;
}

registerCommand((program, io, setExit) => {
  withStoreOptions(
    program
      .command('import')
      .description('import tickets, outages or vendor reports into a stored contract (gzipped files are read directly)')
      .addArgument(program.createArgument('<source>', 'what the files are').choices([...importSources]))
      .argument('<file...>', 'export files')
      .requiredOption('--contract <id>', 'stored contract id')
      .option('--zone <zone>', 'IANA zone of times without an offset (required for servicenow and jira)')
      .addOption(new Option('--date-order <order>', 'day and month order of slash dates').choices(['dmy', 'mdy']))
      .option('--dry-run', 'read and check everything, store nothing', false)
      .addOption(new Option('--max-errors <n>', 'stop after this many bad rows').default(100).argParser((v) => Number.parseInt(v, 10))),
  ).action(async (source: ImportSource, files: string[], options: ImportCommandOptions) => {
    for (const file of files) await importOneFile(file, source, options, io);
    setExit(0);
  });
});
