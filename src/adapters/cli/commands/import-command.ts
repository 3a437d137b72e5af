import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option } from 'commander';
import { importTicketRecords, type ImportResult, type TicketRecord } from '../../../app/import-ticket-records.js';
import { loadStoredContract } from '../../../app/load-stored-contract.js';
import { compileSlaPolicy, mapPriority } from '../../../domain/sla/index.js';
import { formatInstantUtc } from '../../../domain/time/index.js';
import { gunzipIfCompressed, ImportSummaryAccumulator, importSources, openImportFile, readImport, type ImportRecord, type ImportSource, type ImportSummary } from '../../importers/index.js';
import { registerCommand } from '../command-registry.js';
import type { CliIo } from '../cli-io.js';
import { withCliStore, withStoreOptions, type StoreOptions } from '../open-cli-store.js';
import { ProgressBar } from '../progress-bar.js';

async function fileDigest(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
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
  const size = statSync(path).size;
  const digest = await fileDigest(path);
  let bytes = 0;
  async function* countedBytes(): AsyncGenerator<Buffer> {
    for await (const chunk of createReadStream(path)) {
      bytes += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
  }
  const readOptions = { fileName: file, ...(options.zone ? { zone: options.zone } : {}), ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}) };
  const summary = new ImportSummaryAccumulator(source, readOptions);
  const progress = new ProgressBar(io.stderr, file.length > 30 ? `...${file.slice(-27)}` : file, size);
  let rows = 0;
  async function* records(): AsyncGenerator<TicketRecord> {
    for await (const record of readImport(source, gunzipIfCompressed(countedBytes(), file), readOptions) as AsyncIterable<ImportRecord>) {
      summary.add(record);
      rows++;
      progress.update(bytes, rows);
      yield record as TicketRecord;
    }
  }
  await withCliStore(options, io, async (store) => {
    const contract = options.dryRun ? undefined : (await loadStoredContract(store, options.contract)).loaded.contract;
    let result: ImportResult;
    try {
      result = await importTicketRecords(store, {
        contractId: options.contract,
        source,
        fileName: file,
        fileDigest: digest,
        records: records(),
        now: () => Math.floor(Date.now() / 1000),
        actor: 'cli',
        maxErrors: options.maxErrors,
        ...(io.env.SUPPORTPACT_IMPORT_BATCH_EVENTS ? { batchEvents: Number(io.env.SUPPORTPACT_IMPORT_BATCH_EVENTS) } : {}),
        dryRun: options.dryRun,
        onBatch: (p) => {
          if (io.env.SUPPORTPACT_IMPORT_TRACE === '1') io.stderr.write(`batch ${p.batches} committed: ${p.recordsConsumed} records\n`);
        },
      });
    } finally {
      progress.done();
    }
    const policy = contract ? compileSlaPolicy(contract) : undefined;
    const unmapped = policy ? summary.summary().rawPriorities.filter((p) => mapPriority(policy, p.value) === undefined) : [];
    io.stdout.write(renderImportSummary(summary.summary(), result, unmapped));
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
