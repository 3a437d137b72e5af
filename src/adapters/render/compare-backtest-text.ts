/**
 * A backtest as plain text: month by month, each contract's service levels (met or missed),
 * then the money (fees, credits earned, invoice totals) side by side, the totals and the
 * difference, and what the figures rest on.
 */
import type { BacktestResult } from '../../app/backtest-proposal.js';
import type { BacktestSide } from '../../domain/compare/index.js';
import { formatMoney, subtractMoney, type Money } from '../../domain/money/index.js';

const bare = (m: Money): string => formatMoney(m).replace(/^[A-Z]{3} /, '');

function levelsLine(side: BacktestSide, month: string): string {
  const m = side.months.find((x) => x.month === month);
  if (!m) return 'not measured';
  const levels = m.scorecard.serviceLevels.map((l) => `${l.id} ${l.attainment ? l.attainment.percent : 'no data'} (≥${l.target}) ${l.result === 'missed' ? 'MISSED' : l.result}`);
  return levels.length > 0 ? levels.join(' · ') : 'no service levels';
}

function change(proposal: Money, current: Money): string {
  const diff = subtractMoney(proposal, current);
  if (current.minor === 0n) return formatMoney(diff);
  const percent = (Number((diff.minor * 10000n) / current.minor) / 100).toFixed(2);
  return `${diff.minor > 0n ? '+' : ''}${bare(diff)} (${diff.minor > 0n ? '+' : ''}${percent}%)`;
}

/** The backtest as text. */
export function renderBacktestText(r: BacktestResult): string {
  const p = r.proposal;
  const c = r.current;
  const currency = p.totals.fees.currency;
  const sides = c ? [c, p] : [p];
  const width = Math.max(...sides.map((s) => s.contractId.length));
  const out = [
    `Backtest · ${p.contractId}${c ? ` against ${c.contractId} (the contract in force)` : ''}`,
    `Tickets: ${r.basis} · ${r.ticketsRead.toLocaleString('en-US')} tickets read · ${r.months[0]} to ${r.months[r.months.length - 1]} · amounts in ${currency}`,
    '',
    'Service levels by month (attainment, target, result)',
  ];
  for (const month of r.months) {
    const created = (c ?? p).months.find((m) => m.month === month)?.scorecard.volumes.created ?? 0;
    out.push(`  ${month} · ${created.toLocaleString('en-US')} tickets created`);
    for (const side of sides) out.push(`    ${side.contractId.padEnd(width)}  ${levelsLine(side, month)}`);
  }

  out.push('', 'Money by month (credits earned in a month land on the next invoice)');
  const header = ['month', ...sides.flatMap((s) => [`${s === p ? 'proposal' : 'current'} fees`, 'credits earned', 'invoice total'])];
  const rows = r.months.map((month) => [month, ...sides.flatMap((s) => {
    const m = s.months.find((x) => x.month === month);
    return m ? [bare(m.adjustments.fees), bare(m.adjustments.credits.total), bare(m.invoice.totals.total)] : ['—', '—', '—'];
  })]);
  rows.push(['total', ...sides.flatMap((s) => [bare(s.totals.fees), bare(s.totals.creditsEarned), bare(s.totals.invoiced)])]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  for (const row of [header, ...rows]) out.push(`  ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')}`);
  out.push(`  (${sides.map((s) => `${s === p ? 'proposal' : 'current'}: ${s.contractId}`).join('; ')})`);

  if (c) {
    const missed = (s: BacktestSide): number => s.months.reduce((n, m) => n + m.scorecard.serviceLevels.filter((l) => l.result === 'missed').length, 0);
    out.push('', `Against the current contract over ${r.months.length} month${r.months.length === 1 ? '' : 's'}:`);
    out.push(`  fees ${change(p.totals.fees, c.totals.fees)} · credits earned ${change(p.totals.creditsEarned, c.totals.creditsEarned)} · invoiced ${change(p.totals.invoiced, c.totals.invoiced)}`);
    out.push(`  service levels missed: ${missed(p)} under the proposal, ${missed(c)} under the current contract (month × service level)`);
  }

  out.push('', 'What the figures rest on');
  for (const note of [...r.notes, ...sides.flatMap((s) => s.notes.map((n) => `${s.contractId}: ${n}`))]) out.push(`  - ${note}`);
  return out.join('\n') + '\n';
}
