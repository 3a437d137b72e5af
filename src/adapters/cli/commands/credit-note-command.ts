import { Option } from 'commander';
import { findIssuedInvoice, issueCreditNote } from '../../../app/issue-credit-note.js';
import { loadStoredContract } from '../../../app/load-stored-contract.js';
import { SupportPactError } from '../../../domain/errors/index.js';
import { formatMoney } from '../../../domain/money/index.js';
import { invoiceToJson, type CreditNote } from '../../../domain/settlement/index.js';
import { isLocalDate, todayIn } from '../../../domain/time/index.js';
import { renderInvoiceCsv } from '../../render/invoice-csv.js';
import { amountText } from '../../render/invoice-format.js';
import { registerCommand } from '../command-registry.js';
import { withCliStore, withStoreOptions, type StoreOptions } from '../open-cli-store.js';
import { writeDocument } from './invoice-command.js';

interface CreditNoteOptions extends StoreOptions {
  readonly invoice: string;
  readonly contract?: string;
  readonly amount: string;
  readonly reason: string;
  readonly line?: string;
  readonly description?: string;
  readonly issueOn?: string;
  readonly format: 'text' | 'json' | 'csv';
  readonly out?: string;
}

/** A credit note for a terminal: what it corrects, its lines and its total. */
export function renderCreditNoteText(note: CreditNote): string {
  const rows = [
    `CREDIT NOTE ${note.id}`,
    `Corrects invoice ${note.originalInvoiceId} of ${note.contractId}; issued ${note.issueOn}`,
    `Reason: ${note.reason}`,
    '',
    ...note.lines.map((line) => `  ${line.description.padEnd(56)} ${amountText(line.amount).padStart(14)}\n    ${line.clause}`),
    `  ${'-'.repeat(71)}`,
    `  ${`TOTAL ${note.currency}`.padStart(56)} ${amountText(note.total).padStart(14)}`,
  ];
  return `${rows.join('\n')}\n`;
}

registerCommand((program, io, setExit) => {
  withStoreOptions(
    program
      .command('credit-note')
      .description('correct an issued invoice (which never changes) with a credit note: one line taking an amount off the invoice, or off one of its lines with --line; numbered <invoice>-CN1, -CN2, ...')
      .requiredOption('--invoice <id>', 'the issued invoice to correct, e.g. NS-2027-0003')
      .option('--contract <id>', 'the contract, when invoices of several contracts share the number')
      .requiredOption('--amount <amount>', 'amount to take off, positive, in the invoice currency: 150.00')
      .requiredOption('--reason <text>', 'why the invoice is corrected (printed on the credit note)')
      .option('--line <line-id>', 'the invoice line it corrects, e.g. usage-2 (see `invoice --format json`)')
      .option('--description <text>', 'the credit line text (default: "Correction of <the line or invoice>")')
      .option('--issue-on <date>', 'issue date, YYYY-MM-DD (default: today in the contract zone)')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'csv']).default('text'))
      .option('--out <path>', 'write to this file instead of standard output'),
  ).action(async (options: CreditNoteOptions) => {
    if (options.issueOn !== undefined && !isLocalDate(options.issueOn)) {
      throw new SupportPactError('DATE_INVALID', `--issue-on ${options.issueOn} is not a date`, { problems: [{ message: `"${options.issueOn}" is not an existing YYYY-MM-DD date`, path: ['--issue-on'], hint: 'write a date like 2027-05-10' }] });
    }
    await withCliStore(options, io, async (store) => {
      const now = Math.floor(Date.now() / 1000);
      const { contractId } = await findIssuedInvoice(store, options.invoice, options.contract);
      const zone = (await loadStoredContract(store, contractId)).loaded.contract.timezone;
      const saved = await issueCreditNote(store, {
        invoiceId: options.invoice,
        contractId,
        amount: options.amount,
        reason: options.reason,
        ...(options.line !== undefined ? { lineId: options.line } : {}),
        ...(options.description !== undefined ? { description: options.description } : {}),
        issueOn: options.issueOn ?? todayIn(now, zone),
        now,
        actor: 'cli',
      });
      const note = saved.creditNote;
      io.stderr.write(`issued credit note ${note.id}: ${formatMoney(note.total)} off invoice ${note.originalInvoiceId}, issued ${note.issueOn}\n`);
      const output = options.format === 'json' ? `${JSON.stringify(invoiceToJson(note), null, 2)}\n` : options.format === 'csv' ? renderInvoiceCsv(note) : renderCreditNoteText(note);
      writeDocument(io, output, options.out, `${note.id}.txt`);
    });
    setExit(0);
  });
});
