import { Option } from 'commander';
import { latestMaterializer, refreshAllTicketFacts, repairTicketFacts } from '../../../app/ticket-facts-materializer.js';
import { registerCommand } from '../command-registry.js';
import { withCliStore, withStoreOptions, type StoreOptions } from '../open-cli-store.js';

registerCommand((program, io, setExit) => {
  const facts = program.command('facts').description("the stored tickets' materialised facts, which make month scorecards fast on large contracts");

  withStoreOptions(
    facts
      .command('status')
      .description('whether every ticket has facts under the latest contract version')
      .requiredOption('--contract <id>', 'stored contract id')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (options: StoreOptions & { contract: string; format: 'text' | 'json' }) => {
    await withCliStore(options, io, async (store) => {
      const latest = (await latestMaterializer(store, options.contract)).contractVersion;
      const status = await store.ticketFacts.factsStatus(options.contract);
      const running = (await store.ticketFacts.listRunningTickets(options.contract)).length;
      const current = status.tickets > 0 && status.ticketsWithFacts === status.tickets && status.versions.length === 1 && status.versions[0] === latest;
      if (options.format === 'json') {
        io.stdout.write(JSON.stringify({ contract: options.contract, tickets: status.tickets, ticketsWithFacts: status.ticketsWithFacts, versions: status.versions, latestVersion: latest, runningTickets: running, current }, null, 2) + '\n');
        return;
      }
      io.stdout.write(`${options.contract}: ${status.ticketsWithFacts.toLocaleString('en-US')} of ${status.tickets.toLocaleString('en-US')} tickets have facts`);
      io.stdout.write(status.versions.length > 0 ? ` (contract version ${status.versions.join(', ')}; latest is ${latest}), ${running.toLocaleString('en-US')} with a running clock\n` : '\n');
      io.stdout.write(
        current
          ? 'current: scorecards of months under the latest version are aggregated from the facts\n'
          : status.tickets === 0
            ? 'no tickets stored yet\n'
            : `not current: scorecards stream every ticket's events (same numbers, slower); run \`supportpact facts refresh --contract ${options.contract}\`\n`,
      );
    });
    setExit(0);
  });

  withStoreOptions(
    facts
      .command('refresh')
      .description('compute the facts of tickets that have none (or of every ticket with --all)')
      .requiredOption('--contract <id>', 'stored contract id')
      .option('--all', 'recompute every ticket, not only the missing ones'),
  ).action(async (options: StoreOptions & { contract: string; all?: boolean }) => {
    await withCliStore(options, io, async (store) => {
      const started = Date.now();
      const progress = (n: number): void => {
        if (io.stderr.isTTY) io.stderr.write(`\rfacts: ${n.toLocaleString('en-US')} tickets`);
      };
      const count = options.all ? await refreshAllTicketFacts(store, options.contract, progress) : await repairTicketFacts(store, options.contract, progress);
      if (io.stderr.isTTY) io.stderr.write('\r\x1b[K');
      io.stdout.write(`${options.contract}: facts of ${count.toLocaleString('en-US')} tickets computed in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    });
    setExit(0);
  });
});
