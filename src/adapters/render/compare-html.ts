/**
 * The comparison as a self-contained HTML report (inline SVG charts, no scripts, no external
 * files): the ranking, cost curves over volume with the break-evens, monthly costs, the
 * simulation's ranges, the cost breakdown, the terms side by side, and the assumptions.
 */
import { termsTopicHeadings, type ProposalComparison, type TermsTopic } from '../../domain/compare/index.js';
import { formatMoney, money, type Money } from '../../domain/money/index.js';
import { rankingText } from './compare-text.js';
import { renderLineChart, renderRangeChart, seriesColors } from './compare-svg.js';
import { escapeHtml, htmlPage, htmlTable } from './html.js';

const styles = `
.cards { display:grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap:12px; margin: 16px 0 8px; }
.card { border:1px solid var(--line); border-radius:8px; padding:12px 14px; border-top:4px solid var(--c); }
.card .rank { font-size:12px; color:var(--muted); text-transform:uppercase; letter-spacing:.05em; }
.card .name { font-weight:600; margin:2px 0 6px; }
.card .total { font-size:22px; font-variant-numeric: tabular-nums; }
.card .sub { font-size:13px; color:var(--muted); }
figure.chart { margin: 12px 0 20px; } figure.chart svg { width:100%; height:auto; display:block; }
figure.chart figcaption { font-size:13px; color:var(--muted); margin-top:4px; }
table.terms td:first-child { width: 18%; font-weight: 500; }
.wide table { font-size: 12.5px; } .wide th, .wide td { padding: 6px 6px; } .wide td.num { white-space: nowrap; }
.wide { overflow-x: auto; }
table.terms th.topic { background:#eef2f9; text-transform: uppercase; font-size: 12px; letter-spacing: .05em; }
details summary { cursor: pointer; color: var(--accent); margin: 8px 0; }
ul.notes li { margin: 3px 0; font-size: 14px; }
.swatch { display:inline-block; width:10px; height:10px; border-radius:2px; margin-right:6px; background: var(--c); }
@media print { details { display: block; } details > summary { display: none; } }
`;

/** The comparison as one HTML page. */
export function renderComparisonHtml(c: ProposalComparison): string {
  const cur = c.currency;
  const f = c.forecast;
  const bare = (m: Money): string => formatMoney(m).replace(/^[A-Z]{3} /, '');
  const minor = (n: number): Money => money(BigInt(n), cur);
  const short = (n: number): string => (Math.abs(n) >= 1e8 ? `${(n / 1e8).toFixed(n >= 1e9 ? 0 : 1)}M` : Math.abs(n) >= 1e5 ? `${(n / 1e5).toFixed(0)}k` : (n / 100).toFixed(0));
  const colorOf = new Map(c.proposals.map((p, i) => [p.id, seriesColors[i % seriesColors.length]!]));
  const rankOf = new Map(c.ranking.flatMap((group, i) => group.map((id) => [id, i + 1] as const)));
  const averageVolume = Math.round(f.totalTickets / Math.max(1, f.months.length));

  const cards = [...c.proposals]
    .sort((a, b) => (rankOf.get(a.id) ?? 0) - (rankOf.get(b.id) ?? 0))
    .map((p) => {
      const sim = c.simulation?.proposals.find((s) => s.contractId === p.id);
      return `<div class="card" style="--c:${colorOf.get(p.id)}"><div class="rank">#${rankOf.get(p.id)} over ${f.months.length} months</div><div class="name">${escapeHtml(p.id)}</div>
<div class="total">${escapeHtml(formatMoney(p.projection.totals.total))}</div>
<div class="sub">${p.projection.costPerTicket ? `${escapeHtml(formatMoney(p.projection.costPerTicket))} per ticket · ` : ''}${escapeHtml(p.vendor)}</div>
${sim ? `<div class="sub">cheapest in ${(sim.probabilityCheapest * 100).toFixed(1)}% of simulated futures</div>` : ''}</div>`;
    })
    .join('\n');

  const be = c.breakEven;
  const curve = renderLineChart({
    title: `Monthly cost by monthly volume (${cur}), in the forecast's mix of priorities and channels`,
    xLabel: 'tickets a month',
    yLabel: `cost a month (${cur})`,
    series: c.proposals.map((p, i) => ({ name: p.id, points: be.chartVolumes.map((v, j) => [v, be.chartCostsMinor[i]![j]!] as const) })),
    markers: [...be.breakEvens.map((b) => ({ x: b.volume, label: `break-even ${b.volume.toLocaleString('en-US')}` })), { x: averageVolume, label: `forecast average ${averageVolume.toLocaleString('en-US')}`, dashed: true }],
    formatX: (x) => x.toLocaleString('en-US'),
    formatY: short,
  });
  const monthly = renderLineChart({
    title: `Expected cost each forecast month (${cur})`,
    xLabel: 'forecast month',
    yLabel: `cost (${cur})`,
    series: c.proposals.map((p) => ({ name: p.id, points: p.projection.months.map((m, i) => [i + 1, Number(m.total.minor)] as const) })),
    formatX: (x) => f.months[x - 1] ?? '',
    formatY: short,
  });
  const breakEvenRows = be.breakEvens.map((b) => [b.volume.toLocaleString('en-US'), rankingText(b.before), rankingText(b.after), c.proposals.map((p, i) => `${p.id} ${bare(minor(b.costsAtMinor[i]!))}`).join('; ')]);

  const breakdown = htmlTable(
    `Cost over ${f.months.length} months (${cur})`,
    ['Proposal', 'Base', 'Usage', 'Extras', 'Minimum', 'Fees', 'Exp. credits', 'Exp. bonuses', 'Tax', 'Total', 'Per ticket'],
    c.proposals.map((p) => {
      const t = p.projection.totals;
      return [p.id, bare(t.base), bare(t.usage), bare(t.extras), bare(t.minimumTrueUp), bare(t.fees), t.expectedCredits.minor === 0n ? bare(t.expectedCredits) : `-${bare(t.expectedCredits)}`, bare(t.expectedBonuses), bare(t.tax), bare(t.total), p.projection.costPerTicket ? bare(p.projection.costPerTicket) : '—'];
    }),
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  );
  const months = htmlTable(undefined, ['Month', 'Tickets', ...c.proposals.map((p) => p.id)], f.months.map((month, m) => [month, (f.ticketsByMonth[m] ?? 0).toLocaleString('en-US'), ...c.proposals.map((p) => bare(p.projection.months[m]!.total))]), [1, ...c.proposals.map((_, i) => i + 2)]);

  let simulation = '';
  if (c.simulation) {
    const s = c.simulation;
    simulation = `<h2 id="uncertainty">Uncertainty</h2>
<p>${s.paths.toLocaleString('en-US')} simulated futures (seed ${s.seed}): the whole forecast off by a level drawn once per future (coefficient of variation ${(s.levelCv * 100).toFixed(1)}%), each month by its own draw (${(s.monthlyCv * 100).toFixed(1)}%), and each measure's miss drawn with its stated probability. Every proposal sees the same futures.</p>
${renderRangeChart(`Total cost over ${f.months.length} months (${cur}): P10 to P90`, s.proposals.map((p) => ({ name: p.contractId, low: p.p10Minor, middle: p.p50Minor, high: p.p90Minor })), short)}
${htmlTable(undefined, ['Proposal', 'P10', 'P50', 'P90', 'Mean', 'Cheapest in'], s.proposals.map((p) => [p.contractId, bare(minor(p.p10Minor)), bare(minor(p.p50Minor)), bare(minor(p.p90Minor)), bare(minor(p.meanMinor)), `${(p.probabilityCheapest * 100).toFixed(1)}%`]), [1, 2, 3, 4, 5])}`;
  }

  let topic: TermsTopic | undefined;
  const termRows = c.terms
    .map((row) => {
      const heading = row.topic !== topic ? `<tr><th class="topic" colspan="${c.proposals.length + 1}" scope="colgroup">${escapeHtml(termsTopicHeadings[row.topic])}</th></tr>` : '';
      topic = row.topic;
      return `${heading}<tr><td>${escapeHtml(row.label)}</td>${row.values.map((v) => `<td>${escapeHtml(v)}</td>`).join('')}</tr>`;
    })
    .join('\n');
  const terms = `<table class="terms"><thead><tr><th scope="col">Term</th>${c.proposals.map((p) => `<th scope="col"><span class="swatch" style="--c:${colorOf.get(p.id)}"></span>${escapeHtml(p.id)}</th>`).join('')}</tr></thead><tbody>${termRows}</tbody></table>`;

  const assumptions = `<ul class="notes">${[...f.assumptions, "Break-even volumes use one steady month: expected credits and bonuses at their long-run level, the rolling cap at its monthly share.", 'Credits and bonuses are counted in the month that earns them; the invoice would carry them a month later.'].map((a) => `<li>${escapeHtml(a)}</li>`).join('')}</ul>
${c.proposals.map((p) => `<h3><span class="swatch" style="--c:${colorOf.get(p.id)}"></span>${escapeHtml(p.id)} · ${escapeHtml(p.title)}</h3><ul class="notes">${p.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`).join('\n')}`;

  const body = `<header class="doc">
<div class="kicker">Proposal comparison · ${c.proposals.length} proposals · ${escapeHtml(cur)}</div>
<h1>${escapeHtml(f.title)}</h1>
<div class="meta"><span>${escapeHtml(f.basis)}</span><span>${escapeHtml(`${f.months[0]} to ${f.months[f.months.length - 1]}`)} (${f.months.length} months)</span><span>${f.totalTickets.toLocaleString('en-US')} tickets, ${averageVolume.toLocaleString('en-US')} a month on average</span></div>
<nav class="toc" aria-label="Sections"><a href="#cost">Cost</a><a href="#break-even">Break-even</a>${c.simulation ? '<a href="#uncertainty">Uncertainty</a>' : ''}<a href="#terms">Terms</a><a href="#assumptions">Assumptions</a></nav>
</header>
<section id="cost"><h2>Cost over the forecast</h2>
<p>Cheapest first: <strong>${escapeHtml(rankingText(c.ranking))}</strong>.</p>
<div class="cards">${cards}</div>
${monthly}
<div class="wide">${breakdown}</div>
<details><summary>Month by month</summary>${months}</details></section>
<section id="break-even"><h2>Break-even volumes</h2>
<p>Where the ranking changes as the monthly volume grows (one steady month, tickets added one at a time in the forecast's mix).</p>
${curve}
${breakEvenRows.length > 0 ? htmlTable(undefined, ['From (tickets a month)', 'Before', 'From then on', `Monthly cost there (${cur})`], breakEvenRows, [0]) : '<p>The ranking does not change between 0 and ' + be.maxVolume.toLocaleString('en-US') + ' tickets a month.</p>'}</section>
${simulation}
<section id="terms"><h2>Terms side by side</h2>${terms}</section>
<section id="assumptions"><h2>What the figures assume</h2>${assumptions}</section>
<p class="notice" role="note">Amounts are sums of monthly lines rounded as on an invoice, from each proposal's own prices, minimum, credits, bonuses and taxes. The cheapest proposal on paper still needs the terms above; this report is not legal advice.</p>`;
  return htmlPage(`Proposal comparison: ${f.title}`, body, styles);
}
