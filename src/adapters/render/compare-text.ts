/**
 * The comparison as plain text for the terminal: the ranking with each proposal's cost
 * over the forecast, break-even volumes, the simulation, the monthly costs, the terms side
 * by side, and what the figures assume.
 */
import { termsTopicHeadings, type ProposalComparison, type Ranking, type TermsTopic } from '../../domain/compare/index.js';
import { formatMoney, money, type Money } from '../../domain/money/index.js';

const bare = (m: Money): string => formatMoney(m).replace(/^[A-Z]{3} /, '');

function table(rows: readonly (readonly string[])[], rightAligned: (column: number) => boolean): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => `  ${r.map((cell, i) => (rightAligned(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ')}`.trimEnd());
}

/** `a < b = c`: cheapest first, equal costs joined by `=`. */
export function rankingText(ranking: Ranking): string {
  return ranking.map((group) => group.join(' = ')).join(' < ');
}

function wrap(text: string, indent: string, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(indent + line);
  return lines;
}

/** A bullet wrapped under its own text: `- first line` then lines indented past the dash. */
function bullet(text: string, indent: string): string[] {
  return wrap(text, `${indent}  `).map((line, j) => (j === 0 ? `${indent}- ${line.trimStart()}` : line));
}

/** The comparison as text; `months: false` leaves out the month-by-month table. */
export function renderComparisonText(c: ProposalComparison, options: { months?: boolean } = {}): string {
  const cur = c.currency;
  const f = c.forecast;
  const minor = (n: number): Money => money(BigInt(n), cur);
  const rankOf = new Map(c.ranking.flatMap((group, i) => group.map((id) => [id, i + 1] as const)));
  const out: string[] = [
    `Proposal comparison · ${f.title}`,
    `Volumes: ${f.basis} · ${f.months[0]} to ${f.months[f.months.length - 1]} (${f.months.length} months) · ${f.totalTickets.toLocaleString('en-US')} tickets, ${Math.round(f.totalTickets / Math.max(1, f.months.length)).toLocaleString('en-US')} a month on average · amounts in ${cur}`,
    '',
    `Cost over the ${f.months.length} forecast months, cheapest first: ${rankingText(c.ranking)}`,
  ];
  const ordered = [...c.proposals].sort((a, b) => (rankOf.get(a.id) ?? 0) - (rankOf.get(b.id) ?? 0));
  out.push(
    ...table(
      [
        ['#', 'proposal', 'total', 'per ticket', 'base', 'usage', 'extras', 'minimum', 'exp. credits', 'exp. bonuses', 'tax'],
        ...ordered.map((p) => {
          const t = p.projection.totals;
          return [String(rankOf.get(p.id)), p.id, bare(t.total), p.projection.costPerTicket ? bare(p.projection.costPerTicket) : '—', bare(t.base), bare(t.usage), bare(t.extras), bare(t.minimumTrueUp), t.expectedCredits.minor === 0n ? '0.00' : `-${bare(t.expectedCredits)}`, bare(t.expectedBonuses), bare(t.tax)];
        }),
      ],
      (i) => i !== 1,
    ),
  );

  const be = c.breakEven;
  out.push('', `Break-even volumes (one steady month in the forecast's mix, 0 to ${be.maxVolume.toLocaleString('en-US')} tickets)`);
  for (const s of be.segments) {
    out.push(`  ${`${s.fromVolume.toLocaleString('en-US')}${s.toVolume === s.fromVolume ? '' : `–${s.toVolume.toLocaleString('en-US')}`}`.padStart(13)} tickets a month: ${rankingText(s.ranking)}`);
  }
  if (be.breakEvens.length === 0) out.push('  The ranking does not change over this range.');
  for (const b of be.breakEvens) {
    const costs = c.proposals.map((p, i) => `${p.id} ${bare(minor(b.costsBeforeMinor[i]!))} → ${bare(minor(b.costsAtMinor[i]!))}`).join(', ');
    out.push(...wrap(`at ${b.volume.toLocaleString('en-US')}: ${rankingText(b.before)} becomes ${rankingText(b.after)} (monthly cost at ${(b.volume - 1).toLocaleString('en-US')} → ${b.volume.toLocaleString('en-US')}: ${costs})`, '    '));
  }

  if (c.simulation) {
    const s = c.simulation;
    out.push('', `Uncertainty: ${s.paths.toLocaleString('en-US')} simulated futures, seed ${s.seed} (level ${(s.levelCv * 100).toFixed(1)}%, monthly ${(s.monthlyCv * 100).toFixed(1)}% coefficient of variation; misses drawn)`);
    out.push(
      ...table(
        [['proposal', 'P10', 'P50', 'P90', 'mean', 'cheapest'], ...s.proposals.map((p) => [p.contractId, bare(minor(p.p10Minor)), bare(minor(p.p50Minor)), bare(minor(p.p90Minor)), bare(minor(p.meanMinor)), `${(p.probabilityCheapest * 100).toFixed(1)}%`])],
        (i) => i !== 0,
      ),
    );
  }

  if (options.months !== false) {
    out.push('', 'Monthly cost (fees − expected credits + expected bonuses + tax)');
    out.push(...table([['month', 'tickets', ...c.proposals.map((p) => p.id)], ...f.months.map((month, m) => [month, (f.ticketsByMonth[m] ?? 0).toLocaleString('en-US'), ...c.proposals.map((p) => bare(p.projection.months[m]!.total))])], (i) => i !== 0));
  }

  out.push('', 'Terms side by side');
  let topic: TermsTopic | undefined;
  const idWidth = Math.max(...c.proposals.map((p) => p.id.length));
  for (const row of c.terms) {
    if (row.topic !== topic) {
      topic = row.topic;
      out.push(`  ${termsTopicHeadings[topic]}`);
    }
    out.push(`    ${row.label}`);
    const indent = ' '.repeat(idWidth + 8);
    row.values.forEach((value, i) => out.push(...wrap(value, indent, 120).map((line, j) => (j === 0 ? `      ${c.proposals[i]!.id.padEnd(idWidth)}  ${line.trimStart()}` : line))));
  }

  out.push('', 'What the figures assume');
  for (const a of f.assumptions) out.push(...bullet(a, '  '));
  out.push(...bullet('Break-even volumes use one steady month: its expected credits and bonuses at their long-run level, the rolling cap at its monthly share.', '  '));
  out.push(...bullet('Credits and bonuses are counted in the month that earns them; the invoice would carry them a month later.', '  '));
  for (const p of c.proposals) {
    out.push(`  ${p.id} (${p.vendor}):`);
    for (const note of p.notes) out.push(...bullet(note, '    '));
  }
  out.push('', 'Amounts are sums of monthly lines rounded as on an invoice. The cheapest proposal still needs the terms above; this is not legal advice.');
  return out.join('\n') + '\n';
}
