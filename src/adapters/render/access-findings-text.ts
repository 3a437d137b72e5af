import type { AccessReview } from '../../app/access-findings.js';
import { formatInZone } from '../../domain/time/index.js';

/** Findings shown one per line before the rest are counted. */
const maxFindingsShown = 200;

/** The monthly summary table, then each finding with when, who, what and the clause. */
export function renderAccessFindingsText(review: AccessReview): string {
  const { evaluation } = review;
  const lines = [`Data-access findings of ${review.contractId}${review.month ? ` for ${review.month}` : ''} · ${review.events} events · ${evaluation.findings.length} findings · times in ${review.zone}`, ''];
  lines.push(`  ${'month'.padEnd(8)} ${'events'.padStart(7)} ${'accounts'.padStart(9)} ${'flagged'.padStart(8)} ${'prohibited'.padStart(11)} ${'not allowed'.padStart(12)} ${'no safeguard'.padStart(13)}`);
  if (evaluation.months.length === 0) lines.push('  no access events stored; import them with `supportpact access import <file> --contract <id>`');
  for (const m of evaluation.months) {
    lines.push(
      `  ${m.month.padEnd(8)} ${String(m.events).padStart(7)} ${String(m.accounts).padStart(9)} ${String(m.eventsWithFindings).padStart(8)} ${String(m.findings['prohibited-category']).padStart(11)} ${String(m.findings['category-not-allowed']).padStart(12)} ${String(m.findings['missing-safeguard']).padStart(13)}`,
    );
  }
  if (evaluation.findings.length > 0) lines.push('', 'Findings');
  for (const f of evaluation.findings.slice(0, maxFindingsShown)) {
    lines.push(`  ${formatInZone(f.at, review.zone).replace('T', ' ').slice(0, 16)}  ${f.kind.padEnd(20)} ${f.message}${f.ticket ? ` · ticket ${f.ticket}` : ''} · ${f.action} · ${f.clause}`);
  }
  if (evaluation.findings.length > maxFindingsShown) lines.push(`  ... and ${evaluation.findings.length - maxFindingsShown} more (use --format json for all)`);
  if (evaluation.note) lines.push('', `note: ${evaluation.note}`);
  return lines.join('\n') + '\n';
}
