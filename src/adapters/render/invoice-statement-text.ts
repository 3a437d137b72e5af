/** A statement of account for a terminal: one row per invoice, then the totals and interest terms. */
import type { Statement } from '../../domain/settlement/index.js';
import { amountText, wrapText } from './invoice-format.js';

/** `renderStatementText(statement)` starts `STATEMENT acme-northstar-2027 as of 2027-04-08 (USD)`. */
export function renderStatementText(statement: Statement): string {
  const head = ['Invoice'.padEnd(30), 'Month'.padEnd(7), 'Due'.padEnd(10), 'Total'.padStart(12), 'Paid'.padStart(12), 'Balance'.padStart(12), 'Status'.padEnd(8), 'Late'.padStart(4), 'Interest'.padStart(10)].join(' ');
  const out = [`STATEMENT ${statement.contractId} as of ${statement.asOf} (${statement.currency})`, '', head, '-'.repeat(head.length)];
  for (const l of statement.lines) {
    const paid = l.credited.minor > 0n ? `${amountText(l.paid)}+cn` : amountText(l.paid);
    out.push([l.invoiceId.padEnd(30), l.serviceMonth.padEnd(7), l.dueOn, amountText(l.total).padStart(12), paid.padStart(12), amountText(l.balance).padStart(12), l.status.padEnd(8), String(l.daysOverdue).padStart(4), amountText(l.interest).padStart(10)].join(' '));
    for (const s of l.interestSlices) out.push(`${' '.repeat(32)}interest ${s.fromOn} to ${s.toOn}: ${s.days} day${s.days === 1 ? '' : 's'} on ${amountText(s.unpaid)} = ${s.interest}`);
  }
  out.push('-'.repeat(head.length));
  const t = statement.totals;
  const row = (label: string, value: string): string => `${label.padStart(head.length - 16)} ${value.padStart(15)}`;
  out.push(row('Balance', amountText(t.balance)), row('Late interest', amountText(t.interest)), row('Due', amountText(t.due)));
  if (t.accountCredit.minor > 0n) out.push(row('Account credit', `-${amountText(t.accountCredit)}`), row('Net due', amountText(t.netDue)));
  out.push('');
  const li = statement.lateInterest;
  if (li) out.push(`Late interest: ${li.rate} per ${li.per} (${li.annualRate} a year), ${li.basis}, from the day after the due date plus ${li.graceDays} grace days; rounded once per invoice (${statement.rounding}).`);
  if (statement.lines.some((l) => l.credited.minor > 0n)) out.push('+cn: a credit note also reduced the balance (no interest on what it took off).');
  for (const note of statement.notes) out.push(...wrapText(`Note: ${note}`, 100));
  return `${out.join('\n')}\n`;
}
