import { Option } from 'commander';
import { listTicketClocks } from '../../../app/list-ticket-clocks.js';
import { scorecardForMonth } from '../../../app/scorecard-for-month.js';
import { SupportPactError } from '../../../domain/errors/index.js';
import { isMonth } from '../../../domain/time/index.js';
import { renderScorecardHtml, renderScorecardText, scorecardToJson } from '../../render/scorecard-render.js';
import { registerCommand } from '../command-registry.js';
import { withCliStore, withStoreOptions, type StoreOptions } from '../open-cli-store.js';
import { formatSeconds } from '../format-duration.js';
import { formatInZone } from '../../../domain/time/index.js';
import { parseAsOf } from './explain-command.js';
import { loadStoredContract } from '../../../app/load-stored-contract.js';

function checkMonth(month: string): string {
  if (!isMonth(month)) throw new SupportPactError('USAGE', `--month ${month} is not a month`, { problems: [{ message: `"${month}" is not YYYY-MM`, path: ['--month'], hint: 'write a month like 2027-03' }] });
  return month;
}

registerCommand((program, io, setExit) => {
  withStoreOptions(
    program
      .command('scorecard')
      .description("the month's service levels, quality measures, availability and vendor-report timeliness against the contract")
      .requiredOption('--contract <id>', 'stored contract id')
      .requiredOption('--month <YYYY-MM>', 'service month')
      .option('--as-of <instant>', '"now" for running clocks (default: the current time)')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'html']).default('text')),
  ).action(async (options: StoreOptions & { contract: string; month: string; asOf?: string; format: 'text' | 'json' | 'html' }) => {
    const month = checkMonth(options.month);
    await withCliStore(options, io, async (store) => {
      const zone = (await loadStoredContract(store, options.contract)).loaded.contract.timezone;
      const asOf = parseAsOf(options.asOf, zone, Date.now);
      const { scorecard, contractVersion, contractSha256 } = await scorecardForMonth(store, options.contract, month, asOf);
      const output =
        options.format === 'json' ? JSON.stringify(scorecardToJson(scorecard, { contractVersion, contractSha256 }), null, 2) + '\n' : options.format === 'html' ? renderScorecardHtml(scorecard, { contractVersion }) : renderScorecardText(scorecard, { contractVersion });
      io.stdout.write(output);
    });
    setExit(0);
  });

  withStoreOptions(
    program
      .command('tickets')
      .description('list tickets with their clocks')
      .requiredOption('--contract <id>', 'stored contract id')
      .option('--breached', 'only tickets with a breached clock')
      .option('--at-risk', 'only tickets with a clock at risk')
      .option('--month <YYYY-MM>', 'only tickets created in this month')
      .option('--as-of <instant>', '"now" for running clocks (default: the current time)')
      .option('--limit <n>', 'most tickets to list', (v) => Number.parseInt(v, 10), 200)
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (options: StoreOptions & { contract: string; breached?: boolean; atRisk?: boolean; month?: string; asOf?: string; limit: number; format: 'text' | 'json' }) => {
    if (options.breached && options.atRisk) throw new SupportPactError('USAGE', 'choose --breached or --at-risk, not both');
    await withCliStore(options, io, async (store) => {
      const zone = (await loadStoredContract(store, options.contract)).loaded.contract.timezone;
      const asOf = parseAsOf(options.asOf, zone, Date.now);
      const status = options.breached ? 'breached' : options.atRisk ? 'at-risk' : undefined;
      const list = await listTicketClocks(store, options.contract, { ...(status ? { status } : {}), ...(options.month ? { month: checkMonth(options.month) } : {}), limit: options.limit }, asOf);
      if (options.format === 'json') {
        io.stdout.write(JSON.stringify({ total: list.total, contractVersion: list.contractVersion, tickets: list.tickets }, null, 2) + '\n');
        return;
      }
      const at = (t: number | undefined): string => (t === undefined ? '—' : formatInZone(t, zone).replace('T', ' ').slice(0, 16));
      io.stdout.write(`${list.total} tickets${status ? ` with a ${status} clock` : ''}${options.month ? ` created in ${options.month}` : ''} · as of ${at(asOf)} (${zone})${list.total > list.tickets.length ? ` · showing ${list.tickets.length}` : ''}\n`);
      for (const t of list.tickets) {
        const clocks = t.clocks.map((c) => `${c.metric === 'firstResponse' ? 'FR' : `RES${c.cycle > 1 ? c.cycle : ''}`} ${c.status} ${formatSeconds(c.elapsedSeconds)}/${formatSeconds(c.targetSeconds)} due ${at(c.dueAt)}`).join(' · ');
        io.stdout.write(`  ${t.ticket.padEnd(14)} ${(t.priority ?? 'unmapped').padEnd(4)} created ${at(t.createdAt)}  ${clocks}\n`);
      }
    });
    setExit(0);
  });
});
