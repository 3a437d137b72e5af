import { Option } from 'commander';
import { insuranceFindings } from '../../../app/insurance-findings.js';
import { loadStoredContract } from '../../../app/load-stored-contract.js';
import { recordInsuranceCertificate } from '../../../app/record-insurance-certificate.js';
import { formatMoney, parseMoney } from '../../../domain/money/index.js';
import { todayIn } from '../../../domain/time/index.js';
import { renderInsuranceFindingsText } from '../../render/insurance-findings-text.js';
import { registerJsonText } from '../../render/register-json.js';
import { registerCommand } from '../command-registry.js';
import { parseDateOption } from '../lifecycle-options.js';
import { withCliStore, withStoreOptions, type StoreOptions } from '../open-cli-store.js';

registerCommand((program, io, setExit) => {
  const insurance = program.command('insurance').description("insurance certificates on file against the contract's minimums and expiries");

  withStoreOptions(
    insurance
      .command('add')
      .description('file an insurance certificate')
      .requiredOption('--contract <id>', 'stored contract id')
      .requiredOption('--type <type>', 'insurance type as the contract names it (cyber-liability)')
      .requiredOption('--amount <decimal>', 'coverage in the contract currency (5000000.00)')
      .requiredOption('--expires <date>', 'last day of cover')
      .option('--insurer <name>', 'the insurer'),
  ).action(async (options: StoreOptions & { contract: string; type: string; amount: string; expires: string; insurer?: string }) => {
    const expiresOn = parseDateOption(options.expires, '--expires');
    await withCliStore(options, io, async (store) => {
      const recorded = await recordInsuranceCertificate(store, { contractId: options.contract, type: options.type, amount: options.amount, expiresOn, ...(options.insurer ? { insurer: options.insurer } : {}), now: Math.floor(Date.now() / 1000), actor: 'cli' });
      const c = recorded.certificate;
      io.stdout.write(`${recorded.created ? 'filed' : 'already on file:'} ${c.id} ${c.type} ${formatMoney(parseMoney(c.amount, c.currency))} expiring ${c.expiresOn} for ${options.contract}\n`);
      if (!recorded.requiredType) io.stdout.write(`note: the contract requires no ${c.type} insurance (risk.insurance); the certificate is kept but no finding reads it\n`);
    });
    setExit(0);
  });

  withStoreOptions(
    insurance
      .command('list')
      .description('certificates on file and findings: missing types, coverage below the minimum, expired, expiring within 30 days, expiring before the term ends')
      .requiredOption('--contract <id>', 'stored contract id')
      .option('--as-of <date>', 'the day to judge (default: today in the contract zone)')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (options: StoreOptions & { contract: string; asOf?: string; format: 'text' | 'json' }) => {
    await withCliStore(options, io, async (store) => {
      const zone = (await loadStoredContract(store, options.contract)).loaded.contract.timezone;
      const asOf = options.asOf !== undefined ? parseDateOption(options.asOf, '--as-of') : todayIn(Math.floor(Date.now() / 1000), zone);
      const review = await insuranceFindings(store, options.contract, asOf);
      io.stdout.write(options.format === 'json' ? registerJsonText(review) : renderInsuranceFindingsText(review));
    });
    setExit(0);
  });
});
