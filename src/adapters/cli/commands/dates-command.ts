import { Option } from 'commander';
import { keyDates, type ContractKeyDates } from '../../../app/key-dates.js';
import { loadStoredContract } from '../../../app/load-stored-contract.js';
import { storedKeyDates } from '../../../app/stored-key-dates.js';
import { SupportPactError } from '../../../domain/errors/index.js';
import { addDays, addMonths, todayIn } from '../../../domain/time/index.js';
import { renderKeyDatesIcs } from '../../render/key-dates-ics.js';
import { keyDatesToJson, renderKeyDatesText } from '../../render/key-dates-render.js';
import { registerCommand } from '../command-registry.js';
import { isContractFile, loadContractFile } from '../contract-source.js';
import { parseDateOption } from '../lifecycle-options.js';
import { parseAsOf } from './explain-command.js';
import { withCliStore, withStoreOptions, type StoreOptions } from '../open-cli-store.js';

type Format = 'text' | 'json' | 'ics';

function render(result: ContractKeyDates, format: Format, stampAt: number, contractVersion?: number): string {
  const header = contractVersion !== undefined ? { contractVersion } : {};
  if (format === 'ics') return renderKeyDatesIcs(result, { stampAt });
  return format === 'json' ? JSON.stringify(keyDatesToJson(result, header), null, 2) + '\n' : renderKeyDatesText(result, header);
}

registerCommand((program, io, setExit) => {
  withStoreOptions(
    program
      .command('dates')
      .description('key dates the contract creates: term, renewals, opt-out and notice deadlines, invoices, reports, audits, insurance, reviews (and breach-notice deadlines of a stored contract)')
      .requiredOption('--contract <id|file>', 'stored contract id, or a contract file')
      .option('--from <date>', 'first day to list (default: today in the contract zone)')
      .option('--to <date>', 'last day to list (default: a year after --from)')
      .option('--as-of <instant>', '"now" for the status of breach-notice deadlines (default: the current time)')
      .addOption(new Option('--format <format>', 'output format (ics: an iCalendar feed for a calendar app)').choices(['text', 'json', 'ics']).default('text')),
  ).action(async (options: StoreOptions & { contract: string; from?: string; to?: string; asOf?: string; format: Format }) => {
    const stampAt = Math.floor(Date.now() / 1000);
    const range = (zone: string) => {
      const from = options.from !== undefined ? parseDateOption(options.from, '--from') : todayIn(stampAt, zone);
      const to = options.to !== undefined ? parseDateOption(options.to, '--to') : addDays(addMonths(from, 12), -1);
      if (to < from) throw new SupportPactError('USAGE', `--to ${to} is before --from ${from}`, { problems: [{ message: 'the range is empty', path: ['--to'], hint: 'swap the dates' }] });
      return { from, to };
    };
    if (isContractFile(options.contract, io.cwd)) {
      const contract = loadContractFile(options.contract, io.cwd).contract;
      const now = parseAsOf(options.asOf, contract.timezone, Date.now);
      io.stdout.write(render(keyDates({ contract, ...range(contract.timezone), now }), options.format, stampAt));
    } else {
      await withCliStore(options, io, async (store) => {
        const zone = (await loadStoredContract(store, options.contract)).loaded.contract.timezone;
        const now = parseAsOf(options.asOf, zone, Date.now);
        const result = await storedKeyDates(store, options.contract, { ...range(zone), now });
        io.stdout.write(render(result, options.format, stampAt, result.contractVersion));
      });
    }
    setExit(0);
  });
});
