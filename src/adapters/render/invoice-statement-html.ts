/** A statement of account as a self-contained, print-ready HTML page. */
import type { Statement, StatementLine } from '../../domain/settlement/index.js';
import { escapeHtml, htmlPage } from './html.js';
import { amountText } from './invoice-format.js';

const statementStyles = `
.badge.overdue { background:#fee4e2; color: var(--err); } .badge.paid { background:#dcfae6; color: var(--ok); } .badge.issued { background:#e0eaff; color: var(--accent); }
table.statement { font-size: 13px; } table.statement th, table.statement td { padding: 6px 7px; }
tr.has-slices td { border-bottom: 0; } tr.slices td { color: var(--muted); font-size: 12.5px; padding-top: 0; }
table.totals { width: 46%; margin-left: auto; } table.totals tr.grand td { font-weight: 700; font-size: 17px; border-top: 2px solid var(--ink); }
th.num { white-space: nowrap; }
@page { size: A4 landscape; margin: 12mm; }
`;

function row(l: StatementLine): string {
  const slices = l.interestSlices.map((s) => `${s.fromOn} to ${s.toOn}: ${s.days} day${s.days === 1 ? '' : 's'} on ${amountText(s.unpaid)}`).join('; ');
  const cells = [
    `<td class="short">${escapeHtml(l.invoiceId)}</td>`,
    `<td class="short">${escapeHtml(l.serviceMonth)}</td>`,
    `<td class="short">${escapeHtml(l.issueOn)}</td>`,
    `<td class="short">${escapeHtml(l.dueOn)}</td>`,
    ...[l.total, l.credited, l.paid, l.balance].map((m) => `<td class="num short">${escapeHtml(amountText(m))}</td>`),
    `<td class="short"><span class="badge ${escapeHtml(l.status)}">${escapeHtml(l.status)}</span></td>`,
    `<td class="num short">${l.daysOverdue}</td>`,
    `<td class="num short">${escapeHtml(amountText(l.interest))}</td>`,
  ];
  if (!slices) return `<tr>${cells.join('')}</tr>`;
  return `<tr class="has-slices">${cells.join('')}</tr>\n<tr class="slices"><td colspan="11">Interest ${escapeHtml(slices)}</td></tr>`;
}

/** `renderStatementHtml(statement)` is a complete page: one row per invoice with its interest slices, then the totals. */
export function renderStatementHtml(statement: Statement, title?: string): string {
  const t = statement.totals;
  const c = statement.currency;
  const li = statement.lateInterest;
  const totalRow = (label: string, value: string, cls = ''): string => `<tr${cls ? ` class="${cls}"` : ''}><td>${escapeHtml(label)}</td><td class="num">${escapeHtml(value)}</td></tr>`;
  const body = `<header class="doc">
<div class="kicker">Statement of account · ${escapeHtml(statement.contractId)}</div>
<h1>${escapeHtml(title ?? `Statement as of ${statement.asOf}`)}</h1>
<div class="meta"><span>as of ${escapeHtml(statement.asOf)}</span><span>amounts in ${escapeHtml(c)}</span></div>
</header>
<table class="statement">
<thead><tr><th>Invoice</th><th>Month</th><th>Issued</th><th>Due</th><th class="num">Total</th><th class="num">Credit notes</th><th class="num">Paid</th><th class="num">Balance</th><th>Status</th><th class="num">Days late</th><th class="num">Interest</th></tr></thead>
<tbody>
${statement.lines.length > 0 ? statement.lines.map(row).join('\n') : '<tr><td colspan="11">No invoices issued by this date.</td></tr>'}
</tbody>
</table>
<table class="totals" aria-label="Totals"><tbody>
${totalRow('Balance', amountText(t.balance))}
${totalRow('Late interest', amountText(t.interest))}
${t.accountCredit.minor > 0n ? totalRow('Account credit', `-${amountText(t.accountCredit)}`) : ''}
${totalRow(t.accountCredit.minor > 0n ? `Net due (${c})` : `Due (${c})`, amountText(t.netDue), 'grand')}
</tbody></table>
${li ? `<p>Late interest: ${escapeHtml(li.rate)} per ${escapeHtml(li.per)} (${escapeHtml(li.annualRate)} a year), ${escapeHtml(li.basis)}, on the unpaid amount from the day after the due date plus ${li.graceDays} grace days. Each invoice's interest is rounded once (${escapeHtml(statement.rounding)}); a payment stops interest on what it paid from its own date.</p>` : ''}
${statement.notes.map((n) => `<p class="meta">${escapeHtml(n)}</p>`).join('\n')}`;
  return htmlPage(title ?? `Statement ${statement.contractId} ${statement.asOf}`, body, statementStyles);
}
