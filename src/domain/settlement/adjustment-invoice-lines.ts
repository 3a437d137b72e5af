/**
 * A month's credits and bonuses as lines of the next invoice: credits negative, bonuses
 * positive, each naming its rule, the measured value, the threshold, the percent of which
 * month's fees, what the caps cut and the evidence.
 */
import { formatMoney, negateMoney, subtractMoney } from '../money/index.js';
import type { AdjustmentLine, MonthAdjustments } from './adjustment-types.js';
import type { InvoiceLine } from './invoice-types.js';

/**
 * February's 15% availability credit on fees 23,500.00, capped to 1,762.50, becomes the
 * March invoice line `{ id: 'credit-7', kind: 'credit', quantity: '15%', unit: 'of 2027-02 fees',
 * unitPrice: '23500.00', amount: USD -1,762.50 }` with a note on the 1,762.50 cut.
 */
export function adjustmentInvoiceLines(adjustments: MonthAdjustments): InvoiceLine[] {
  const fees = formatMoney(adjustments.fees, 'plain');
  const lineOf = (line: AdjustmentLine, kind: 'credit' | 'bonus'): InvoiceLine => {
    const cut = subtractMoney(line.uncappedAmount, line.amount);
    const notes = [`measured ${line.measured}; applies when ${line.threshold}`];
    if (line.supersedes.length > 0) notes.push(`worst band of ${line.measure}: replaces ${line.supersedes.map((i) => `${kind === 'credit' ? 'sla.credits' : 'sla.incentives'}[${i}]`).join(', ')}`);
    if (cut.minor > 0n) notes.push(`${formatMoney(line.uncappedAmount, 'plain')} before caps, cut by ${formatMoney(cut, 'plain')}`);
    return {
      id: `${kind}-${line.ruleIndex}`,
      kind,
      description: `${kind === 'credit' ? 'Service credit' : 'Bonus'} for ${adjustments.month}: ${line.rule}`,
      quantity: line.percent,
      unit: `of ${adjustments.month} fees`,
      unitPrice: fees,
      amount: kind === 'credit' ? negateMoney(line.amount) : line.amount,
      clause: line.clause,
      evidence: line.evidence,
      notes,
    };
  };
  return [...adjustments.credits.lines.map((l) => lineOf(l, 'credit')), ...adjustments.bonuses.lines.map((l) => lineOf(l, 'bonus'))];
}
