/**
 * An invoice as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold
 * a comma, quote or line break): one row per line, columns in a fixed order, amounts as
 * plain decimals ("-1532.61"). Text that a spreadsheet would run as a formula (starting with
 * =, +, -, @) gets a leading apostrophe; numeric columns never do.
 */
import { formatMoney } from '../../domain/money/index.js';
import type { CreditNote, Invoice } from '../../domain/settlement/index.js';

export const invoiceCsvColumns = ['document_id', 'kind', 'line_id', 'line_kind', 'description', 'quantity', 'unit', 'unit_price', 'amount', 'currency', 'clause', 'evidence', 'notes'] as const;

function field(value: string, isText: boolean): string {
  const safe = isText && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** `renderInvoiceCsv(invoice)` starts `document_id,kind,line_id,...` then one row per line, e.g. `...,base,base,Platform...,1,month,4000.00,4000.00,USD,...`. */
export function renderInvoiceCsv(document: Invoice | CreditNote): string {
  const rows = [invoiceCsvColumns.join(',')];
  for (const line of document.lines) {
    const cells: [string, boolean][] = [
      [document.id, true],
      [document.kind, false],
      [line.id, true],
      [line.kind, false],
      [line.description, true],
      [line.quantity, false],
      [line.unit, true],
      [line.unitPrice ?? '', false],
      [formatMoney(line.amount, 'plain'), false],
      [line.amount.currency, false],
      [line.clause, true],
      [line.evidence.ids.join(' '), true],
      [line.notes.join(' | '), true],
    ];
    rows.push(cells.map(([value, isText]) => field(value, isText)).join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}
