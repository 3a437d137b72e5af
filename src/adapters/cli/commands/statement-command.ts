import { Option } from 'commander';
import { loadStoredContract } from '../../../app/load-stored-contract.js';
import { statementForContract } from '../../../app/statement-for-contract.js';
import { SupportPactError } from '../../../domain/errors/index.js';
import { statementToJson } from '../../../domain/settlement/index.js';
import { isLocalDate, todayIn } from '../../../domain/time/index.js';
import { renderStatementHtml } from '../../render/invoice-statement-html.js';
import { renderStatementText } from '../../render/invoice-statement-text.js';
import { printPdf } from '../../render/print-pdf.js';
import { registerCommand } from '../command-registry.js';
import { withCliStore, withStoreOptions, type StoreOptions } from '../open-cli-store.js';
import { writeDocument } from './invoice-command.js';

interface StatementOptions extends StoreOptions {
  readonly contract: string;
  readonly asOf?: string;
  readonly format: 'text' | 'json' | 'html' | 'pdf';
  readonly out?: string;
}

registerCommand((program, io, setExit) => {
  withStoreOptions(
    program
      .command('statement')
      .description('what the client owes on a day: each issued invoice with its credit notes and payments (oldest invoice paid first), its balance and status, and late interest to that day')
      .requiredOption('--contract <id>', 'stored contract id')
      .option('--as-of <date>', 'the day to state the account on, YYYY-MM-DD (default: today in the contract zone)')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'html', 'pdf']).default('text'))
      .option('--out <path>', 'write to this file instead of standard output (PDF default: statement-<contract>-<date>.pdf)'),
  ).action(async (options: StatementOptions) => {
    if (options.asOf !== undefined && !isLocalDate(options.asOf)) {
      throw new SupportPactError('DATE_INVALID', `--as-of ${options.asOf} is not a date`, { problems: [{ message: `"${options.asOf}" is not an existing YYYY-MM-DD date`, path: ['--as-of'], hint: 'write a date like 2027-06-15' }] });
    }
    await withCliStore(options, io, async (store) => {
      const zone = (await loadStoredContract(store, options.contract)).loaded.contract.timezone;
      const asOn = options.asOf ?? todayIn(Math.floor(Date.now() / 1000), zone);
      const { statement, contract } = await statementForContract(store, options.contract, asOn);
      const title = `Statement of account · ${contract.title}`;
      const output =
        options.format === 'json'
          ? `${JSON.stringify(statementToJson(statement), null, 2)}\n`
          : options.format === 'html'
            ? renderStatementHtml(statement, title)
            : options.format === 'pdf'
              ? await printPdf(renderStatementHtml(statement, title), { landscape: true, ...(io.env.SUPPORTPACT_CHROMIUM ? { executablePath: io.env.SUPPORTPACT_CHROMIUM } : {}) })
              : renderStatementText(statement);
      writeDocument(io, output, options.out, `statement-${options.contract}-${asOn}.pdf`);
    });
    setExit(0);
  });
});
