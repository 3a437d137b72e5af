import type { InsuranceReview } from '../../app/insurance-findings.js';
import { formatMoney, parseMoney } from '../../domain/money/index.js';

/** Requirements, certificates on file and findings (most severe first), as text. */
export function renderInsuranceFindingsText(review: InsuranceReview): string {
  const money = (amount: string, currency: string) => formatMoney(parseMoney(amount, currency));
  const lines = [`Insurance of ${review.contractId} as of ${review.asOf} · ${review.certificates.length} certificates on file · ${review.findings.length} findings`, '', 'Required by the contract'];
  if (review.requirements.length === 0) lines.push('  none (risk.insurance is not stated)');
  for (const r of review.requirements) lines.push(`  ${r.type.padEnd(24)} at least ${money(r.minimum, review.currency)}`);
  lines.push('', 'On file');
  if (review.certificates.length === 0) lines.push('  no certificates; file one with `supportpact insurance add --contract <id> --type ... --amount ... --expires ...`');
  for (const c of review.certificates) lines.push(`  ${c.id.padEnd(7)} ${c.type.padEnd(24)} ${money(c.amount, c.currency).padStart(18)}  expires ${c.expiresOn}${c.insurer ? `  ${c.insurer}` : ''}`);
  lines.push('', 'Findings');
  if (review.findings.length === 0) lines.push('  none');
  const order = { high: 0, medium: 1, low: 2 } as const;
  for (const f of [...review.findings].sort((a, b) => order[a.severity] - order[b.severity])) {
    lines.push(`  ${f.severity.toUpperCase().padEnd(7)} ${f.kind.padEnd(24)} ${f.message} · ${f.clause}`);
  }
  return lines.join('\n') + '\n';
}
