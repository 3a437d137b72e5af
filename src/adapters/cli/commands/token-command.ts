import { Option } from 'commander';
import { createToken, tokenRoles } from '../../../app/create-token.js';
import { listTokens } from '../../../app/list-tokens.js';
import type { TokenRole } from '../../../app/ports/index.js';
import { formatInstantUtc } from '../../../domain/time/index.js';
import { registerCommand } from '../command-registry.js';
import { withCliStore, withStoreOptions, type StoreOptions } from '../open-cli-store.js';

registerCommand((program, io, setExit) => {
  const token = program.command('token').description('API tokens for the server and dashboard (run while the server is stopped, or use POST /api/v1/tokens)');

  withStoreOptions(
    token
      .command('create')
      .description('issue an API token (its secret is shown once)')
      .requiredOption('--name <name>', 'what the token is for')
      .addOption(new Option('--role <role>', 'role').choices([...tokenRoles]).default('client-admin'))
      .option('--contracts <ids>', 'comma-separated contract ids the token may see ("*": all, client-admin only)', '*'),
  ).action(async (options: StoreOptions & { name: string; role: TokenRole; contracts: string }) => {
    const contracts = options.contracts.trim() === '*' ? ('*' as const) : options.contracts.split(',').map((c) => c.trim()).filter(Boolean);
    await withCliStore(options, io, async (store) => {
      const created = await createToken(store, { name: options.name, role: options.role, contracts, now: Math.floor(Date.now() / 1000), actor: 'cli', issuerContracts: '*' });
      io.stdout.write(`issued ${created.token.tokenId} (${created.token.role}, contracts ${created.token.contracts === '*' ? 'all' : created.token.contracts.join(', ')}); shown only now:\n\n  ${created.text}\n\n`);
    });
    setExit(0);
  });

  withStoreOptions(token.command('list').description('list API tokens (never their secrets)')).action(async (options: StoreOptions) => {
    await withCliStore(options, io, async (store) => {
      for (const t of await listTokens(store, '*')) {
        io.stdout.write(`${t.tokenId}  ${t.role.padEnd(12)} ${t.contracts === '*' ? 'all contracts' : t.contracts.join(', ')}  "${t.name}"  created ${formatInstantUtc(t.createdAt)}${t.revokedAt ? `  REVOKED ${formatInstantUtc(t.revokedAt)}` : ''}\n`);
      }
    });
    setExit(0);
  });
});
