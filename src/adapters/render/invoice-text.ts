/** An invoice for a terminal: fixed-width columns, wrapped descriptions, totals, credit explanations. */
import type { Contract } from '../../domain/contract/schema/contract-schema.js';
import type { AdjustmentSet, Invoice, InvoiceLine } from '../../domain/settlement/index.js';
import { amountText, evidenceText, monthName, partyText, wrapText } from './invoice-format.js';

const descriptionWidth = 46;

/** The quantity column: a prorated month reads `22/31` (days of service of days in the month), never a bare `22` beside a monthly price. */
function quantityText(line: InvoiceLine): string {
  const days = /^days of (\d+)$/.exec(line.unit);
  return days ? `${line.quantity}/${days[1]}` : line.quantity;
}

function lineRows(line: InvoiceLine): string[] {
  const [first = '', ...rest] = wrapText(line.description, descriptionWidth);
  const rows = [`  ${first.padEnd(descriptionWidth)} ${quantityText(line).padStart(6)} ${(line.unitPrice ?? '').padStart(10)} ${amountText(line.amount).padStart(14)}`];
  for (const more of rest) rows.push(`    ${more}`);
  for (const detail of [...line.notes, evidenceText(line.evidence, 6)].filter((d) => d !== '')) {
    for (const wrapped of wrapText(detail, descriptionWidth + 20)) rows.push(`      ${wrapped}`);
  }
  return rows;
}

function adjustmentRows(set: AdjustmentSet): string[] {
  const rows = set.explanation.flatMap((e) => wrapText(e, 76).map((l) => `  ${l}`));
  for (const line of set.lines) {
    rows.push(`  - ${line.clause} ${line.rule}: measured ${line.measured}; ${line.threshold}; ${line.percent} = ${amountText(line.uncappedAmount)}, granted ${amountText(line.amount)}`);
  }
  return rows;
}

/** `renderInvoiceText(invoice, contract)` starts `INVOICE acme-northstar-2027-2027-03 (draft)` and ends with the version fingerprints. */
export function renderInvoiceText(invoice: Invoice, contract: Contract): string {
  const c = invoice.currency;
  const t = invoice.totals;
  const out = [
    `INVOICE ${invoice.id} (${invoice.state})`,
    contract.title,
    `From:     ${partyText(invoice.vendor)}`,
    `Bill to:  ${partyText(invoice.client)}`,
    `Service:  ${monthName(invoice.serviceMonth)} (${invoice.service.startOn} to ${invoice.service.endOn}${invoice.service.daysOfService < invoice.service.daysInMonth ? `, ${invoice.service.daysOfService} of ${invoice.service.daysInMonth} days` : ''})`,
    `Issued:   ${invoice.issueOn}    Due: ${invoice.dueOn} (${invoice.paymentTerms})`,
    '',
    `  ${'Description'.padEnd(descriptionWidth)} ${'Qty'.padStart(6)} ${'Unit price'.padStart(10)} ${`Amount ${c}`.padStart(14)}`,
    `  ${'-'.repeat(descriptionWidth + 33)}`,
    ...invoice.lines.flatMap(lineRows),
    `  ${'-'.repeat(descriptionWidth + 33)}`,
  ];
  const total = (label: string, value: string): string => `  ${label.padStart(descriptionWidth + 18)} ${value.padStart(14)}`;
  out.push(total('Charges', amountText(t.charges)));
  if (t.credits.minor !== 0n) out.push(total('Service credits', amountText(t.credits)));
  if (t.bonuses.minor !== 0n) out.push(total('Bonuses', amountText(t.bonuses)));
  out.push(total('Tax', amountText(t.tax)), total(`TOTAL ${c}`, amountText(t.total)), '');
  if (invoice.adjustments) {
    out.push(`Credits and bonuses for ${monthName(invoice.adjustments.month)} (percent of fees ${c} ${amountText(invoice.adjustments.fees)}):`);
    out.push(...adjustmentRows(invoice.adjustments.credits), ...adjustmentRows(invoice.adjustments.bonuses), '');
  }
  if (invoice.paymentMethods.length > 0) out.push(`Pay by: ${invoice.paymentMethods.join(', ')}`);
  for (const note of invoice.notes) out.push(...wrapText(`Note: ${note}`, 80));
  out.push(`Contract version sha256: ${invoice.contractVersion.sha256}`, `Input digest: ${invoice.inputDigest}`);
  return `${out.join('\n')}\n`;
}
