import { resolve } from 'node:path';
import { Option } from 'commander';
import { addContractVersion } from '../../../app/add-contract-version.js';
import { maxContractBytes } from '../../../domain/contract/parse-contract.js';
import { readTextFile } from '../../files/read-text-file.js';
import { registerCommand } from '../command-registry.js';
import { withCliStore, withStoreOptions, type StoreOptions } from '../open-cli-store.js';

registerCommand((program, io, setExit) => {
  const contract = program.command('contract').description('store contracts and their versions');

  withStoreOptions(
    contract
      .command('add')
      .description('store a contract file (a new version when the id exists)')
      .argument('<file>', 'contract file')
      .option('--effective <date>', 'date the version takes effect (default: the term start for a new contract, else today)'),
  ).action(async (file: string, options: StoreOptions & { effective?: string }) => {
    const text = readTextFile(resolve(io.cwd, file), maxContractBytes);
    await withCliStore(options, io, async (store) => {
      const added = await addContractVersion(store, { text, file, ...(options.effective ? { effectiveOn: options.effective } : {}), now: Math.floor(Date.now() / 1000), actor: 'cli' });
      const v = added.version;
      io.stdout.write(
        added.created
          ? `stored ${added.contractId} version ${v.version} (effective ${v.effectiveOn}, sha256 ${v.sha256.slice(0, 12)}) in ${store.location}\n`
          : `${added.contractId} is unchanged: version ${v.version} already has this text\n`,
      );
      if (added.ticketFactsRefreshed > 0) io.stdout.write(`recomputed the facts of ${added.ticketFactsRefreshed.toLocaleString('en-US')} stored tickets under version ${v.version}\n`);
      if (added.counts.error > 0) io.stdout.write(`warning: check reports ${added.counts.error} errors in this contract; run \`supportpact check ${file}\`\n`);
    });
    setExit(0);
  });

  withStoreOptions(
    contract
      .command('list')
      .description('list stored contracts and their versions')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (options: StoreOptions & { format: 'text' | 'json' }) => {
    await withCliStore(options, io, async (store) => {
      const contracts = await store.contracts.listContracts();
      const rows = await Promise.all(contracts.map(async (c) => ({ ...c, versions: await store.contracts.listContractVersions(c.contractId) })));
      if (options.format === 'json') {
        io.stdout.write(JSON.stringify(rows.map((c) => ({ id: c.contractId, title: c.title, client: c.client, vendor: c.vendor, versions: c.versions.map((v) => ({ version: v.version, effectiveOn: v.effectiveOn, sha256: v.sha256 })) })), null, 2) + '\n');
        return;
      }
      if (rows.length === 0) io.stdout.write(`no contracts stored in ${store.location}; add one with \`supportpact contract add <file>\`\n`);
      for (const c of rows) {
        io.stdout.write(`${c.contractId}  ${c.title}\n  client ${c.client} · vendor ${c.vendor}\n`);
        for (const v of c.versions) io.stdout.write(`  v${v.version}  effective ${v.effectiveOn}  sha256 ${v.sha256.slice(0, 12)}\n`);
      }
    });
    setExit(0);
  });
});
