import type { LiabilityCapResult } from '../../app/liability-cap-for-contract.js';
import { formatMoney } from '../../domain/money/index.js';

/** The liability cap in a few lines: the amount (marked when estimated), how it was computed, the carve-outs. */
export function describeLiabilityCap(result: LiabilityCapResult): string[] {
  const { cap } = result;
  const lines: string[] = [];
  if (cap.amount) lines.push(`${result.estimated ? 'about ' : ''}${formatMoney(cap.amount)} (${cap.basis}${result.estimated ? ', ESTIMATE' : ''}) · ${cap.clause}`);
  else lines.push(`no amount: ${cap.note ?? 'the cap cannot be computed'}`);
  if (cap.monthsOfFees) lines.push(`months of fees: ${cap.monthsOfFees.basis}`);
  if (cap.fixed) lines.push(`fixed amount: ${formatMoney(cap.fixed)}`);
  lines.push(`fees: ${result.feeBasis}`);
  if (cap.excluded.length > 0) lines.push(`not capped: ${cap.excluded.join(', ')}`);
  if (cap.note && cap.amount) lines.push(`note: ${cap.note}`);
  return lines;
}
