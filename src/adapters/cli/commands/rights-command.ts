import { Option } from 'commander';
import { invoiceEvidence } from '../../../app/invoice-evidence.js';
import { liabilityCapForContract } from '../../../app/liability-cap-for-contract.js';
import { loadStoredContract } from '../../../app/load-stored-contract.js';
import { terminationRights } from '../../../app/termination-rights.js';
import { todayIn } from '../../../domain/time/index.js';
import { describeLiabilityCap } from '../../render/liability-cap-text.js';
import { registerJsonText } from '../../render/register-json.js';
import { renderTerminationRightsText } from '../../render/termination-rights-text.js';
import { registerCommand } from '../command-registry.js';
import { parseDateOption } from '../lifecycle-options.js';
import { withCliStore, withStoreOptions, type StoreOptions } from '../open-cli-store.js';

registerCommand((program, io, setExit) => {
  withStoreOptions(
    program
      .command('rights')
      .description('termination rights on a day: each for-cause ground (open or not, since when, evidence, notice and cure, earliest effective date), convenience terms and fees, and the liability cap')
      .requiredOption('--contract <id>', 'stored contract id')
      .option('--as-of <date>', 'the day to judge (default: today in the contract zone)')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (options: StoreOptions & { contract: string; asOf?: string; format: 'text' | 'json' }) => {
    await withCliStore(options, io, async (store) => {
      const zone = (await loadStoredContract(store, options.contract)).loaded.contract.timezone;
      const asOf = options.asOf !== undefined ? parseDateOption(options.asOf, '--as-of') : todayIn(Math.floor(Date.now() / 1000), zone);
      const report = await terminationRights(store, { contractId: options.contract, asOf });
      io.stdout.write(options.format === 'json' ? registerJsonText(report) : renderTerminationRightsText(report));
    });
    setExit(0);
  });

  withStoreOptions(
    program
      .command('liability')
      .description('the liability cap: from the fees of the last 12 invoiced months, else estimated from the contract (and said so)')
      .requiredOption('--contract <id>', 'stored contract id')
      .option('--as-of <date>', 'count invoices issued by this day (default: today in the contract zone)')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (options: StoreOptions & { contract: string; asOf?: string; format: 'text' | 'json' }) => {
    await withCliStore(options, io, async (store) => {
      const { loaded, version } = await loadStoredContract(store, options.contract);
      const contract = loaded.contract;
      const asOf = options.asOf !== undefined ? parseDateOption(options.asOf, '--as-of') : todayIn(Math.floor(Date.now() / 1000), contract.timezone);
      const invoices = await invoiceEvidence(store, options.contract, asOf, contract.currency);
      const result = liabilityCapForContract(contract, invoices?.trailingMonthlyFees);
      io.stdout.write(options.format === 'json' ? registerJsonText({ contractId: options.contract, contractVersion: version.version, ...result }) : [`Liability cap of ${options.contract} (v${version.version})`, ...describeLiabilityCap(result).map((l) => `  ${l}`)].join('\n') + '\n');
    });
    setExit(0);
  });
});
