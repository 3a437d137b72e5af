import { resolve } from 'node:path';
import { Option } from 'commander';
import { accessFindings } from '../../../app/access-findings.js';
import { importAccessEvents, type ImportedAccessEvents } from '../../../app/import-access-events.js';
import { openImportFile } from '../../importers/open-import-file.js';
import { readAccessEvents } from '../../importers/read-access-events.js';
import { renderAccessFindingsText } from '../../render/access-findings-text.js';
import { registerJsonText } from '../../render/register-json.js';
import { registerCommand } from '../command-registry.js';
import { parseMonthOption } from '../lifecycle-options.js';
import { withCliStore, withStoreOptions, type StoreOptions } from '../open-cli-store.js';

function renderImported(file: string, contractId: string, result: ImportedAccessEvents): string {
  const skippedRows = result.skipped.reduce((n, g) => n + g.count, 0);
  const lines = [
    `imported access events from ${file} for ${contractId}: ${result.rowsRead} rows, ${result.received} events`,
    `  new in the store: ${result.newEvents} events${result.duplicates > 0 ? `, ${result.duplicates} already stored` : ''}${result.newEvents === 0 && result.received > 0 ? ' (nothing changed)' : ''}`,
  ];
  if (skippedRows > 0) lines.push(`  ${skippedRows} rows skipped (not stored):`);
  for (const g of result.skipped) {
    lines.push(`    ${g.count} × ${g.reason}${g.field ? ` (field ${g.field})` : ''}${g.example !== undefined ? `, e.g. "${g.example}"` : ''}: ${g.lines.map((l) => `line ${l}`).join(', ')}${g.count > g.lines.length ? ', ...' : ''}`);
  }
  for (const notice of result.notices) lines.push(`  note: ${notice}`);
  return lines.join('\n') + '\n';
}

registerCommand((program, io, setExit) => {
  const access = program.command('access').description("data-access events against the contract's data-access rules");

  withStoreOptions(
    access
      .command('import')
      .description('import data-access events (CSV or JSON Lines: at, account, safeguards, dataCategory, ticket, action; optional id, sharedAccount); re-importing changes nothing')
      .argument('<file>', 'events file (gzip is read as well)')
      .requiredOption('--contract <id>', 'stored contract id')
      .option('--zone <zone>', 'IANA zone of times written without an offset (never assumed)'),
  ).action(async (file: string, options: StoreOptions & { contract: string; zone?: string }) => {
    const input = await openImportFile(resolve(io.cwd, file));
    await withCliStore(options, io, async (store) => {
      const result = await importAccessEvents(store, {
        contractId: options.contract,
        items: readAccessEvents(input, { fileName: file, ...(options.zone ? { zone: options.zone } : {}) }),
        fileName: file,
        now: Math.floor(Date.now() / 1000),
        actor: 'cli',
      });
      io.stdout.write(renderImported(file, options.contract, result));
    });
    setExit(0);
  });

  withStoreOptions(
    access
      .command('findings')
      .description('findings (prohibited categories, categories not allowed, missing safeguards) and a monthly summary')
      .requiredOption('--contract <id>', 'stored contract id')
      .option('--month <YYYY-MM>', 'only this month (in the contract zone)')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (options: StoreOptions & { contract: string; month?: string; format: 'text' | 'json' }) => {
    const month = options.month !== undefined ? parseMonthOption(options.month, '--month') : undefined;
    await withCliStore(options, io, async (store) => {
      const review = await accessFindings(store, options.contract, month ? { month } : {});
      io.stdout.write(options.format === 'json' ? registerJsonText(review) : renderAccessFindingsText(review));
    });
    setExit(0);
  });
});
