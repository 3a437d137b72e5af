import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option } from 'commander';
import { issueInvoiceForMonth } from '../../../app/issue-invoice-for-month.js';
import { loadStoredContract } from '../../../app/load-stored-contract.js';
import { prepareInvoice } from '../../../app/prepare-invoice.js';
import type { Contract } from '../../../domain/contract/schema/contract-schema.js';
import { SupportPactError } from '../../../domain/errors/index.js';
import { formatMoney } from '../../../domain/money/index.js';
import { invoiceToJson, type Invoice } from '../../../domain/settlement/index.js';
import { formatInZone, isLocalDate, isMonth } from '../../../domain/time/index.js';
import { renderInvoiceCsv } from '../../render/invoice-csv.js';
import { renderInvoiceHtml } from '../../render/invoice-html.js';
import { renderInvoiceText } from '../../render/invoice-text.js';
import { printPdf, type PaperSize } from '../../render/print-pdf.js';
import type { CliIo } from '../cli-io.js';
import { registerCommand } from '../command-registry.js';
import { withCliStore, withStoreOptions, type StoreOptions } from '../open-cli-store.js';
import { parseAsOf } from './explain-command.js';

export type DocumentFormat = 'text' | 'json' | 'html' | 'pdf' | 'csv';

interface InvoiceOptions extends StoreOptions {
  readonly contract: string;
  readonly month: string;
  readonly issue?: boolean;
  readonly issueOn?: string;
  readonly asOf?: string;
  readonly numberPrefix?: string;
  readonly format: DocumentFormat;
  readonly paper: 'a4' | 'letter';
  readonly out?: string;
}

/** The invoice in one of the output formats; PDF is bytes, the rest text. */
export async function renderInvoiceAs(invoice: Invoice, contract: Contract, format: DocumentFormat, paper: PaperSize, env: CliIo['env']): Promise<string | Uint8Array> {
  switch (format) {
    case 'text':
      return renderInvoiceText(invoice, contract);
    case 'json':
      return `${JSON.stringify(invoiceToJson(invoice), null, 2)}\n`;
    case 'html':
      return renderInvoiceHtml(invoice, contract);
    case 'csv':
      return renderInvoiceCsv(invoice);
    case 'pdf':
      return printPdf(renderInvoiceHtml(invoice, contract), { paper, ...(env.SUPPORTPACT_CHROMIUM ? { executablePath: env.SUPPORTPACT_CHROMIUM } : {}) });
  }
}

/** Writes a rendered document to `--out` (or, for PDF, `<id>.pdf`), else to standard output. */
export function writeDocument(io: CliIo, output: string | Uint8Array, out: string | undefined, fallbackName: string): void {
  const path = out ?? (typeof output === 'string' ? undefined : fallbackName);
  if (path === undefined) {
    io.stdout.write(output as string);
    return;
  }
  const full = resolve(io.cwd, path);
  writeFileSync(full, output);
  io.stderr.write(`wrote ${full} (${output.length.toLocaleString('en-US')} bytes)\n`);
}

function checkOptions(options: InvoiceOptions): void {
  const problems = [];
  if (!isMonth(options.month)) problems.push({ message: `--month ${options.month} is not a month`, path: ['--month'], hint: 'write a month like 2027-03' });
  if (options.issueOn !== undefined && !isLocalDate(options.issueOn)) problems.push({ message: `--issue-on ${options.issueOn} is not a date`, path: ['--issue-on'], hint: 'write a date like 2027-04-01' });
  if (!options.issue && options.numberPrefix !== undefined) problems.push({ message: '--number-prefix applies only with --issue', path: ['--number-prefix'], hint: 'add --issue, or leave the prefix out' });
  if (problems.length > 0) throw new SupportPactError('USAGE', problems[0]!.message, { problems });
}

registerCommand((program, io, setExit) => {
  withStoreOptions(
    program
      .command('invoice')
      .description("the invoice for a service month: the month's charges from its stored tickets, the previous month's credits and bonuses, taxes. A draft until --issue stores it with the next invoice number; an issued invoice is shown as issued and never changes (correct it with `credit-note`)")
      .requiredOption('--contract <id>', 'stored contract id')
      .requiredOption('--month <YYYY-MM>', 'service month')
      .option('--issue', 'issue the invoice: number it (e.g. NS-2027-0003), store it and log it; refused if the month already has one')
      .option('--issue-on <date>', "issue date instead of the contract's schedule (the due date follows from it)")
      .option('--as-of <instant>', '"now" for running clocks (default: the start of the issue date, so the invoice does not depend on when it is run)')
      .option('--number-prefix <prefix>', "with --issue: the invoice number's prefix (default: the vendor's initials)")
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'html', 'pdf', 'csv']).default('text'))
      .addOption(new Option('--paper <size>', 'PDF paper size').choices(['a4', 'letter']).default('a4'))
      .option('--out <path>', 'write to this file instead of standard output (PDF default: <invoice id>.pdf)'),
  ).action(async (options: InvoiceOptions) => {
    checkOptions(options);
    await withCliStore(options, io, async (store) => {
      const zone = (await loadStoredContract(store, options.contract, { month: options.month })).loaded.contract.timezone;
      const asOf = options.asOf !== undefined ? parseAsOf(options.asOf, zone, Date.now) : undefined;
      const request = { contractId: options.contract, month: options.month, ...(asOf !== undefined ? { asOf } : {}), ...(options.issueOn !== undefined ? { issueOn: options.issueOn } : {}) };
      let invoice: Invoice;
      let contract: Contract;
      if (options.issue) {
        const now = Math.floor(Date.now() / 1000);
        const issued = await issueInvoiceForMonth(store, { ...request, now, actor: 'cli', ...(options.numberPrefix !== undefined ? { numberPrefix: options.numberPrefix } : {}) });
        ({ invoice } = issued.stored);
        contract = issued.contract;
        io.stderr.write(`issued invoice ${invoice.id} for ${invoice.serviceMonth}: ${formatMoney(invoice.totals.total)}, issued ${invoice.issueOn}, due ${invoice.dueOn}; stored as issued (it never changes: correct it with \`supportpact credit-note --invoice ${invoice.id}\`)\n`);
      } else {
        const prepared = await prepareInvoice(store, request);
        ({ invoice, contract } = prepared);
        if (prepared.issued) {
          const ignored = [asOf !== undefined ? '--as-of' : '', options.issueOn !== undefined ? '--issue-on' : ''].filter((o) => o !== '');
          io.stderr.write(`invoice ${invoice.id} for ${invoice.serviceMonth} was issued on ${invoice.issueOn}; shown exactly as issued${ignored.length > 0 ? ` (${ignored.join(' and ')} ignored)` : ''}\n`);
        } else {
          io.stderr.write(`draft invoice for ${invoice.serviceMonth}, not issued (add --issue to issue it)${asOf !== undefined ? `; running clocks as of ${formatInZone(asOf, zone)}` : `; measured as of the start of ${invoice.issueOn} (${zone})`}\n`);
        }
      }
      const output = await renderInvoiceAs(invoice, contract, options.format, options.paper === 'letter' ? 'Letter' : 'A4', io.env);
      writeDocument(io, output, options.out, `${invoice.id}.pdf`);
    });
    setExit(0);
  });
});
