import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option } from 'commander';
import { backtestProposal, backtestStoredTickets, type BacktestContract, type BacktestResult } from '../../../app/backtest-proposal.js';
import { loadStoredContract } from '../../../app/load-stored-contract.js';
import { chooseDataMonths, countCreatedByMonth } from '../../../domain/compare/index.js';
import { maxContractBytes, parseContract } from '../../../domain/contract/parse-contract.js';
import { SupportPactError } from '../../../domain/errors/index.js';
import type { TicketEvent } from '../../../domain/tickets/index.js';
import { readTextFile } from '../../files/read-text-file.js';
import { importSources, openImportFile, readImport, type ImportSource } from '../../importers/index.js';
import { backtestToJson } from '../../render/compare-json.js';
import { renderBacktestText } from '../../render/compare-backtest-text.js';
import type { CliIo } from '../cli-io.js';
import { registerCommand } from '../command-registry.js';
import { withCliStore, withStoreOptions, type StoreOptions } from '../open-cli-store.js';
import { parseAsOf } from './explain-command.js';

export interface BacktestOptions extends StoreOptions {
  readonly tickets: string;
  readonly source: ImportSource;
  readonly zone?: string;
  readonly dateOrder?: 'dmy' | 'mdy';
  readonly current?: string;
  readonly from?: string;
  readonly to?: string;
  readonly asOf?: string;
  readonly format: 'text' | 'json';
}

function contractFile(file: string, io: CliIo): BacktestContract {
  const text = readTextFile(resolve(io.cwd, file), maxContractBytes);
  return { loaded: parseContract(text, file), sha256: createHash('sha256').update(text, 'utf8').digest('hex') };
}

/** Reads an import file into tickets (events grouped by ticket, re-imported events once) and the creation instants. */
async function readTicketFile(path: string, file: string, options: BacktestOptions): Promise<{ tickets: TicketEvent[][]; createdAts: number[]; skipped: number }> {
  const byTicket = new Map<string, { events: TicketEvent[]; ids: Set<string> }>();
  const createdAts: number[] = [];
  let skipped = 0;
  const input = await openImportFile(path);
  for await (const record of readImport(options.source, input, { fileName: file, ...(options.zone ? { zone: options.zone } : {}), ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}) })) {
    if (record.type === 'skip') skipped++;
    if (record.type !== 'event') continue;
    const event = record.event;
    let ticket = byTicket.get(event.ticket);
    if (!ticket) {
      ticket = { events: [], ids: new Set() };
      byTicket.set(event.ticket, ticket);
    }
    if (ticket.ids.has(event.id)) continue; // the same event twice (an overlapping export) counts once, as in the store
    ticket.ids.add(event.id);
    ticket.events.push(event);
    if (event.kind === 'created') createdAts.push(event.at);
  }
  return { tickets: [...byTicket.values()].map((t) => t.events), createdAts, skipped };
}

/** `supportpact backtest proposal.yaml --tickets <contract id | file>`; returns the exit code. */
export async function runBacktest(proposalFile: string, options: BacktestOptions, io: CliIo): Promise<number> {
  const proposal = contractFile(proposalFile, io);
  const ticketsPath = resolve(io.cwd, options.tickets);
  const isFile = existsSync(ticketsPath) && statSync(ticketsPath).isFile();
  let result: BacktestResult;
  if (isFile) {
    const current = options.current !== undefined ? contractFile(options.current, io) : undefined;
    const zone = (current ?? proposal).loaded.contract.timezone;
    const read = await readTicketFile(ticketsPath, options.tickets, options);
    const chosen = chooseDataMonths(countCreatedByMonth(read.createdAts, zone), { ...(options.from ? { from: options.from } : {}), ...(options.to ? { to: options.to } : {}) });
    const asOf = options.asOf !== undefined ? parseAsOf(options.asOf, zone, Date.now) : undefined;
    result = await backtestProposal({
      proposal,
      ...(current ? { current } : {}),
      tickets: read.tickets,
      months: chosen.months,
      ...(asOf !== undefined ? { asOf } : {}),
      basis: `import file ${options.tickets} (${options.source}${options.zone ? `, local times in ${options.zone}` : ''})`,
      notes: [...chosen.notes, ...(read.skipped > 0 ? [`${read.skipped.toLocaleString('en-US')} rows of the file were skipped as unreadable; \`supportpact import ${options.source} ${options.tickets} --dry-run\` lists them.`] : []), ...(current ? [] : ['No --current contract was given: only the proposal is measured.'])],
    });
  } else {
    if (options.current !== undefined) throw new SupportPactError('USAGE', '--current is for an import file; with a stored contract id the stored contract is the current one', { problems: [{ message: `--tickets ${options.tickets} names a stored contract`, path: ['--current'], hint: 'leave out --current' }] });
    result = await withCliStore(options, io, async (store) => {
      const zone = options.asOf !== undefined ? (await loadStoredContract(store, options.tickets)).loaded.contract.timezone : proposal.loaded.contract.timezone;
      const asOf = options.asOf !== undefined ? parseAsOf(options.asOf, zone, Date.now) : undefined;
      return backtestStoredTickets(store, { proposal, contractId: options.tickets, ...(options.from ? { from: options.from } : {}), ...(options.to ? { to: options.to } : {}), ...(asOf !== undefined ? { asOf } : {}) });
    });
  }
  io.stdout.write(options.format === 'json' ? JSON.stringify(backtestToJson(result), null, 2) + '\n' : renderBacktestText(result));
  return 0;
}

registerCommand((program, io, setExit) => {
  withStoreOptions(
    program
      .command('backtest')
      .description("re-measure real ticket history under a proposal: service levels missed, credits and invoices month by month, beside the current contract")
      .argument('<proposal>', 'proposal contract file (.contract.yaml)')
      .requiredOption('--tickets <contract id|file>', 'a stored contract id (its tickets, and it as the current contract), or an import file')
      .addOption(new Option('--source <source>', 'format of an import file').choices([...importSources]).default('jsonl'))
      .option('--zone <zone>', 'IANA zone of times without an offset in an import file (required for servicenow and jira)')
      .addOption(new Option('--date-order <order>', 'day and month order of slash dates in an import file').choices(['dmy', 'mdy']))
      .option('--current <file>', 'with an import file: the contract in force over that history, to compare against')
      .option('--from <YYYY-MM>', 'first month (default: the first month with tickets, leaving out thin edge months)')
      .option('--to <YYYY-MM>', 'last month (default: the last month with tickets, leaving out thin edge months)')
      .option('--as-of <instant>', '"now" for clocks still running (default: the end of the last month)')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (proposal: string, options: BacktestOptions) => {
    setExit(await runBacktest(proposal, options, io));
  });
});
