import type { MonthlyScorecard, MeasureResult } from '../../domain/measures/index.js';
import { formatInZone, formatInstantUtc } from '../../domain/time/index.js';
import { escapeHtml, htmlPage, htmlTable } from './html.js';

const metricWords = { firstResponse: 'first response', resolution: 'resolution' } as const;
const qualityWords = { firstContactResolution: 'first-contact resolution', meanTimeToResolve: 'mean time to resolve', reopenRate: 'reopen rate' } as const;

function duration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return h > 0 ? `${h}h ${String(m).padStart(2, '0')}m` : `${m}m`;
}

function resultWord(result: MeasureResult): string {
  return result === 'met' ? 'MET' : result === 'missed' ? 'MISSED' : 'NO DATA';
}

function local(at: number | undefined, zone: string): string {
  return at === undefined ? '—' : formatInZone(at, zone).replace('T', ' ').slice(0, 16);
}

function list(tickets: readonly string[], total: number, max = 12): string {
  if (total === 0) return '';
  const shown = tickets.slice(0, max).join(', ');
  return total > max ? `${shown} and ${total - max} more` : shown;
}

/** Rows of the scorecard as plain values, shared by the text and HTML forms. */
export function scorecardRows(card: MonthlyScorecard) {
  return {
    levels: card.serviceLevels.map((l) => [l.id, `${metricWords[l.metric]} ${l.priorities.join(', ')}`, `at least ${l.target}`, l.attainment ? `${l.attainment.percent} (${l.met}/${l.settled})` : '—', resultWord(l.result), list(l.breachedTickets, l.breached)]),
    quality: card.quality.map((q) => [
      q.id,
      qualityWords[q.metric] + (q.definition && q.definition !== 'default' ? ` (${q.definition})` : ''),
      q.target,
      q.share ? `${q.share.percent} (${q.share.numerator}/${q.share.denominator})` : q.meanSeconds !== undefined ? `${duration(q.meanSeconds)} over ${q.count} tickets` : '—',
      resultWord(q.result),
      list(q.tickets, q.tickets.length),
    ]),
    availability: card.availability.map((a) => [
      a.id,
      `${a.service} (${a.calendar} calendar)`,
      `at least ${a.target}${a.maxSingleOutageSeconds !== undefined ? `, no outage over ${duration(a.maxSingleOutageSeconds)}` : ''}`,
      a.availability ? `${a.availability.percent}, down ${duration(a.outageSeconds)}, longest ${duration(a.longestOutageSeconds)}` : '—',
      resultWord(a.result),
      a.outages.join(', '),
    ]),
  };
}

/** The scorecard as terminal text. */
export function renderScorecardText(card: MonthlyScorecard, meta: { contractVersion: number }): string {
  const zone = card.zone;
  const rows = scorecardRows(card);
  const out: string[] = [`Scorecard ${card.contractId} · ${card.month} (${zone}) · contract v${meta.contractVersion} · as of ${local(card.asOf, zone)}`];
  const table = (title: string, data: string[][]): void => {
    out.push('', title);
    if (data.length === 0) {
      out.push('  (none in the contract)');
      return;
    }
    const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...data.map((r) => (r[i] ?? '').length)));
    for (const r of data) out.push(`  ${r.slice(0, 5).map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')}${r[5] ? `  ${r[5]}` : ''}`);
  };
  table('Service levels', rows.levels);
  table('Quality', rows.quality);
  table('Availability', rows.availability);
  const report = card.vendorReport;
  out.push('', `Vendor report: ${report ? `due ${local(report.dueAt, zone)}, ${report.deliveredAt !== undefined ? `delivered ${local(report.deliveredAt, zone)}` : 'not delivered'}: ${report.result.toUpperCase()}` : 'not required by the contract'}`);
  const v = card.volumes;
  out.push(`Volumes: ${v.created} created, ${v.solved} solved; resolved by priority: ${Object.entries(v.resolvedByPriority).map(([p, n]) => `${p} ${n}`).join(', ') || 'none'}${Object.entries(v.extras).map(([id, t]) => `; ${id}: ${t.length}`).join('')}`);
  if (card.outOfScope.length > 0) out.push(`Out of scope (not in the service levels): ${card.outOfScope.length} — ${card.outOfScope.slice(0, 8).map((o) => `${o.ticket} (${o.reason})`).join(', ')}${card.outOfScope.length > 8 ? ', ...' : ''}`);
  for (const c of card.coverage.filter((c) => c.createdOutsideCoverage > 0)) out.push(`Coverage: ${c.createdOutsideCoverage} of ${c.created} ${c.channel} tickets arrived outside its ${c.coverage} hours (${list(c.tickets, c.createdOutsideCoverage, 8)})`);
  const unmapped = Object.entries(card.unmappedPriorities);
  if (unmapped.length > 0) out.push(`Unmapped priorities (no clocks): ${unmapped.map(([raw, n]) => `"${raw}" ${n}`).join(', ')}`);
  out.push('', card.allServiceLevelsMet ? 'Every service level with data was met.' : 'Not every service level was met (or none had data).');
  return out.join('\n') + '\n';
}

/** The scorecard as JSON (instants as ISO-8601 UTC). */
export function scorecardToJson(card: MonthlyScorecard, meta: { contractVersion: number; contractSha256: string }): Record<string, unknown> {
  const iso = (t: number | undefined): string | null => (t === undefined ? null : formatInstantUtc(t));
  return {
    contract: card.contractId,
    contractVersion: meta.contractVersion,
    contractSha256: meta.contractSha256,
    month: card.month,
    zone: card.zone,
    period: { start: iso(card.startAt), end: iso(card.endAt) },
    asOf: iso(card.asOf),
    serviceLevels: card.serviceLevels,
    quality: card.quality,
    availability: card.availability,
    vendorReport: card.vendorReport ? { ...card.vendorReport, dueAt: iso(card.vendorReport.dueAt), deliveredAt: iso(card.vendorReport.deliveredAt) } : null,
    volumes: card.volumes,
    outOfScope: card.outOfScope,
    coverage: card.coverage,
    unmappedPriorities: card.unmappedPriorities,
    allServiceLevelsMet: card.allServiceLevelsMet,
  };
}

/** The scorecard as a self-contained HTML page. */
export function renderScorecardHtml(card: MonthlyScorecard, meta: { contractVersion: number }): string {
  const rows = scorecardRows(card);
  const zone = card.zone;
  const report = card.vendorReport;
  const body = `<header class="doc"><div class="kicker">Monthly scorecard · ${escapeHtml(card.contractId)} · contract v${meta.contractVersion}</div>
<h1>${escapeHtml(card.month)}</h1><div class="meta"><span>${escapeHtml(zone)}</span><span>as of ${escapeHtml(local(card.asOf, zone))}</span><span>${card.allServiceLevelsMet ? 'every service level met' : 'service levels missed'}</span></div></header>
<h2>Service levels</h2>${htmlTable(undefined, ['Level', 'Measures', 'Target', 'Attainment', 'Result', 'Breached tickets'], rows.levels)}
<h2>Quality</h2>${htmlTable(undefined, ['Measure', 'What', 'Target', 'Value', 'Result', 'Tickets'], rows.quality)}
<h2>Availability</h2>${htmlTable(undefined, ['Target', 'Service', 'Required', 'Measured', 'Result', 'Outages'], rows.availability)}
<h2>Vendor report</h2><p>${report ? escapeHtml(`Due ${local(report.dueAt, zone)}; ${report.deliveredAt !== undefined ? `delivered ${local(report.deliveredAt, zone)}` : 'not delivered'}: ${report.result}.`) : 'Not required by the contract.'}</p>
<h2>Volumes</h2><p>${escapeHtml(`${card.volumes.created} tickets created, ${card.volumes.solved} solved.`)}</p>
${htmlTable('Resolved tickets by priority', ['Priority', 'Tickets'], Object.entries(card.volumes.resolvedByPriority).map(([p, n]) => [p, String(n)]))}
${card.outOfScope.length > 0 ? htmlTable('Out of scope', ['Ticket', 'Reason'], card.outOfScope.map((o) => [o.ticket, o.reason])) : ''}`;
  return htmlPage(`Scorecard ${card.contractId} ${card.month}`, body);
}
