/**
 * An invoice as a self-contained, print-ready HTML page: parties, numbers and dates, the
 * lines with their evidence, the totals, how the previous month's credits and bonuses were
 * found and capped, payment instructions, and the contract version and input digest.
 */
import type { Contract } from '../../domain/contract/schema/contract-schema.js';
import { annualRate } from '../../domain/pricing/index.js';
import { formatPercent } from '../../domain/money/index.js';
import type { AdjustmentSet, Invoice, InvoiceLine } from '../../domain/settlement/index.js';
import { describeDuration } from '../../domain/time/duration.js';
import { escapeHtml, htmlPage } from './html.js';
import { amountText, evidenceText, monthName } from './invoice-format.js';

const invoiceStyles = `
.parties { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 16px; margin: 8px 0 8px; }
.parties .who { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; font-size: 14px; }
.parties .who h3 { margin: 0 0 4px; font-size: 12px; text-transform: uppercase; letter-spacing: .06em; }
.facts { display: grid; grid-template-columns: 1.7fr 1fr 1fr 1fr; gap: 0; border: 1px solid var(--line); border-radius: 6px; margin: 16px 0; }
.facts div { padding: 8px 14px; border-right: 1px solid var(--line); } .facts div:last-child { border-right: 0; }
.facts dt { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; } .facts dd { margin: 2px 0 0; font-weight: 600; }
.detail { display: block; color: var(--muted); font-size: 12.5px; margin-top: 2px; }
th.num { white-space: nowrap; } .nowrap { white-space: nowrap; }
table.lines tr.group td { background: var(--soft); font-weight: 600; font-size: 13px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
table.lines td.neg { color: var(--ok); }
table.totals { width: 46%; margin-left: auto; } table.totals td { border-bottom: 1px solid var(--line); }
table.totals tr.grand td { font-size: 17px; font-weight: 700; border-top: 2px solid var(--ink); border-bottom: 0; }
.pay { border: 2px solid var(--accent); border-radius: 8px; padding: 12px 16px; margin: 12px 0; }
.pay .due { font-size: 18px; font-weight: 700; }
.fingerprint { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; word-break: break-all; }
.status { float: right; }
@page { size: A4; margin: 14mm; }
@media print { .parties, .facts { break-inside: avoid; } .pay { break-inside: avoid; } }
`;

function lineRow(line: InvoiceLine, currency: string): string {
  const details = [...line.notes, evidenceText(line.evidence)].filter((d) => d !== '');
  const detail = details.map((d) => `<span class="detail">${escapeHtml(d)}</span>`).join('');
  const negative = line.amount.minor < 0n;
  return `<tr><td class="desc">${escapeHtml(line.description)}${detail}</td><td class="num short">${escapeHtml(line.quantity)}</td><td class="short">${escapeHtml(line.unit)}</td><td class="num short">${escapeHtml(line.unitPrice ?? '')}</td><td class="num short${negative ? ' neg' : ''}" aria-label="${escapeHtml(`${currency} ${amountText(line.amount)}`)}">${escapeHtml(amountText(line.amount))}</td></tr>`;
}

function groupRows(title: string, lines: readonly InvoiceLine[], currency: string): string {
  if (lines.length === 0) return '';
  return `<tr class="group"><td colspan="5">${escapeHtml(title)}</td></tr>\n${lines.map((l) => lineRow(l, currency)).join('\n')}`;
}

function adjustmentSection(set: AdjustmentSet, title: string): string {
  const rows = set.lines
    .map((l) => `<tr><td>${escapeHtml(l.rule)}<span class="detail"> ${escapeHtml(l.clause)}</span></td><td>${escapeHtml(l.measured)}</td><td>${escapeHtml(l.threshold)}</td><td class="num short">${escapeHtml(l.percent)}</td><td class="num short">${escapeHtml(amountText(l.uncappedAmount))}</td><td class="num short">${escapeHtml(amountText(l.amount))}</td></tr>`)
    .join('\n');
  const caps = set.caps
    .map((c) => `<tr><td class="short">${c.cap === 'monthly' ? 'Monthly' : 'Rolling 12 months'} (${escapeHtml(c.percent)})</td><td>${escapeHtml(c.basis)}</td><td class="num short">${escapeHtml(amountText(c.limit))}</td><td class="num short">${escapeHtml(amountText(c.cutBy))}</td></tr>`)
    .join('\n');
  const others = set.notApplied.filter((o) => o.status !== 'not-met');
  return `<h3>${escapeHtml(title)}</h3>
${set.explanation.map((e) => `<p>${escapeHtml(e)}</p>`).join('\n')}
${set.lines.length > 0 ? `<table class="lines"><thead><tr><th>Rule</th><th>Measured</th><th>Applies when</th><th class="num">Percent</th><th class="num">Before caps</th><th class="num">Granted</th></tr></thead><tbody>${rows}</tbody></table>` : ''}
${set.caps.length > 0 && set.lines.length > 0 ? `<table><thead><tr><th>Cap</th><th>Basis</th><th class="num">Allows</th><th class="num">Cut</th></tr></thead><tbody>${caps}</tbody></table>` : ''}
${others.length > 0 ? `<p class="meta">Not counted: ${others.map((o) => `${escapeHtml(o.clause)} (${escapeHtml(o.status)}: ${escapeHtml(o.reason)})`).join('; ')}.</p>` : ''}`;
}

function lateTerms(contract: Contract): string {
  const late = contract.pricing?.latePayment;
  const interest = late?.interest;
  if (!interest) return 'The contract states no late-payment interest.';
  const yearly = formatPercent(annualRate(interest.rate.text, interest.per).toDecimalPlaces(6));
  const grace = late.graceDays ? ` plus ${late.graceDays} grace day${late.graceDays === 1 ? '' : 's'}` : '';
  const per = interest.per.amount === 1 ? describeDuration(interest.per).replace(/^1 /, '') : describeDuration(interest.per);
  return `Late payment: ${interest.rate.text} per ${per} (${yearly} a year), ${interest.simple === false ? 'compounding under the contract' : 'simple interest'}, actual/365, on the unpaid amount from the day after the due date${grace}.`;
}

/** `renderInvoiceHtml(invoice, contract)` is a complete `<!doctype html>` page with no external resources. */
export function renderInvoiceHtml(invoice: Invoice, contract: Contract): string {
  const c = invoice.currency;
  const charges = invoice.lines.filter((l) => !['credit', 'bonus', 'tax', 'correction'].includes(l.kind));
  const previous = invoice.adjustments?.month;
  const adjustments = invoice.lines.filter((l) => l.kind === 'credit' || l.kind === 'bonus');
  const taxes = invoice.lines.filter((l) => l.kind === 'tax');
  const t = invoice.totals;
  const totalRow = (label: string, value: string, cls = ''): string => `<tr${cls ? ` class="${cls}"` : ''}><td>${escapeHtml(label)}</td><td class="num">${escapeHtml(value)}</td></tr>`;
  const party = (title: string, p: Invoice['vendor']): string =>
    `<div class="who"><h3>${escapeHtml(title)}</h3><strong>${escapeHtml(p.name)}</strong>${p.address ? `<br>${escapeHtml(p.address)}` : ''}${p.contact ? `<br>${escapeHtml(p.contact)}` : ''}</div>`;
  const service = invoice.service;
  const servicePeriod = `<span class="nowrap">${escapeHtml(service.startOn)}</span> to <span class="nowrap">${escapeHtml(service.endOn)}</span>${service.daysOfService < service.daysInMonth ? ` (${service.daysOfService} of ${service.daysInMonth} days)` : ''}`;
  const body = `<header class="doc">
<div class="kicker">Invoice · ${escapeHtml(invoice.state === 'draft' ? 'draft, not yet issued' : 'issued')}</div>
<h1>Invoice ${escapeHtml(invoice.id)}</h1>
<div class="meta"><span>${escapeHtml(monthName(invoice.serviceMonth))}</span><span>${escapeHtml(contract.title)}</span><span>amounts in ${escapeHtml(c)}</span></div>
</header>
<section class="parties" aria-label="Parties">${party('From (vendor)', invoice.vendor)}${party('Bill to (client)', invoice.client)}<div class="who"><h3>Contract</h3><strong>${escapeHtml(invoice.contractId)}</strong>${invoice.contractVersion.version !== undefined ? `<br>version ${invoice.contractVersion.version}` : ''}</div></section>
<dl class="facts"><div><dt>Service period</dt><dd>${servicePeriod}</dd></div><div><dt>Issue date</dt><dd>${escapeHtml(invoice.issueOn)}</dd></div><div><dt>Due date</dt><dd>${escapeHtml(invoice.dueOn)}</dd></div><div><dt>Payment terms</dt><dd>${escapeHtml(invoice.paymentTerms)}</dd></div></dl>
<h2>Lines</h2>
<table class="lines">
<thead><tr><th scope="col">Description</th><th scope="col" class="num">Qty</th><th scope="col">Unit</th><th scope="col" class="num">Unit price</th><th scope="col" class="num">Amount (${escapeHtml(c)})</th></tr></thead>
<tbody>
${groupRows(`Charges for ${monthName(invoice.serviceMonth)}`, charges, c)}
${previous ? groupRows(`Credits and bonuses for ${monthName(previous)}`, adjustments, c) : ''}
${groupRows('Taxes', taxes, c)}
</tbody>
</table>
<table class="totals" aria-label="Totals"><tbody>
${totalRow('Charges', amountText(t.charges))}
${t.credits.minor !== 0n ? totalRow('Service credits', amountText(t.credits)) : ''}
${t.bonuses.minor !== 0n ? totalRow('Bonuses', amountText(t.bonuses)) : ''}
${totalRow('Subtotal', amountText(t.subtotal))}
${totalRow('Tax', amountText(t.tax))}
${totalRow(`Total due (${c})`, amountText(t.total), 'grand')}
</tbody></table>
<h2>Payment</h2>
<div class="pay"><div class="due">${t.total.minor > 0n ? `Pay ${escapeHtml(c)} ${escapeHtml(amountText(t.total))} by ${escapeHtml(invoice.dueOn)}` : `Nothing to pay: ${escapeHtml(c)} ${escapeHtml(amountText(t.total))} is credited to the client's account`}</div>
<p>${invoice.paymentMethods.length > 0 ? `Methods: ${escapeHtml(invoice.paymentMethods.map((m) => m.toUpperCase()).join(', '))}. ` : ''}Quote invoice ${escapeHtml(invoice.id)} with the payment. Payments settle the oldest open invoice first.</p>
<p>${escapeHtml(lateTerms(contract))}</p></div>
${invoice.adjustments ? `<h2>How the ${escapeHtml(monthName(invoice.adjustments.month))} credits and bonuses were found</h2>
<p>Each rule is a percent of ${escapeHtml(monthName(invoice.adjustments.month))}'s fees, ${escapeHtml(c)} ${escapeHtml(amountText(invoice.adjustments.fees))} (charges before credits, bonuses and tax). Rules on the same measure are bands: only the worst band counts. No data never triggers a credit.</p>
${adjustmentSection(invoice.adjustments.credits, 'Service credits')}
${adjustmentSection(invoice.adjustments.bonuses, 'Bonuses')}` : ''}
${invoice.notes.length > 0 ? `<h2>Notes</h2><ul>${invoice.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : ''}
<p class="notice" role="note">Computed by SupportPact from the contract version and the month's measured data; every line is rounded once (${escapeHtml(invoice.rounding)}, to the currency's minor unit) and the totals are sums of the rounded lines.<br>
Contract version SHA-256: <span class="fingerprint">${escapeHtml(invoice.contractVersion.sha256)}</span><br>
Input digest: <span class="fingerprint">${escapeHtml(invoice.inputDigest)}</span></p>`;
  return htmlPage(`Invoice ${invoice.id}`, body, invoiceStyles);
}
