import { Option } from 'commander';
import { verifyAuditTrail } from '../../../app/verify-audit.js';
import { registerCommand } from '../command-registry.js';
import { withCliStore, withStoreOptions, type StoreOptions } from '../open-cli-store.js';

registerCommand((program, io, setExit) => {
  const audit = program.command('audit').description('the hash-chained audit log of every change');

  withStoreOptions(
    audit
      .command('verify')
      .description('prove the audit log intact (exit 0), or name the first broken entry (exit 1)')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (options: StoreOptions & { format: 'text' | 'json' }) => {
    let intact = false;
    await withCliStore(options, io, async (store) => {
      const check = await verifyAuditTrail(store);
      intact = check.intact;
      if (options.format === 'json') {
        io.stdout.write(JSON.stringify({ intact: check.intact, entriesChecked: check.entriesChecked, breaks: check.breaks, head: check.head ?? null }, null, 2) + '\n');
        return;
      }
      if (check.intact) {
        io.stdout.write(`audit log intact: ${check.entriesChecked} entries checked${check.head ? `, head entry ${check.head.seq} hash ${check.head.hash}` : ''}\n`);
        if (check.head) io.stdout.write('  keep the head hash somewhere outside the store: removing entries from the end leaves a shorter chain that still verifies\n');
        return;
      }
      io.stdout.write(`audit log BROKEN: first broken entry ${check.firstBreak!.seq} (${check.firstBreak!.reason}): ${check.firstBreak!.message}\n`);
      io.stdout.write(`  ${check.breaks.length} break${check.breaks.length === 1 ? '' : 's'} in ${check.entriesChecked} entries:\n`);
      for (const b of check.breaks) io.stdout.write(`  entry ${b.seq}: ${b.reason}: ${b.message}\n`);
    });
    setExit(intact ? 0 : 1);
  });
});
