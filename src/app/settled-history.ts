import type { StoredInvoice } from './ports/index.js';
import { zeroMoney } from '../domain/money/index.js';
import type { MonthAdjustments, SettledMonth } from '../domain/settlement/index.js';
import { addMonthsToMonth } from '../domain/time/index.js';

/**
 * The settled months `computeCredits` reads (rolling caps, consecutive-month bonuses), derived
 * from the issued invoices alone: a month's fees are its invoice's charges; the credits and
 * bonuses granted for it, and its scorecard results, are on the NEXT month's invoice, which
 * carries them. A month invoiced before SupportPact (no invoice of its own) still appears when
 * the next invoice carries its credits, with the fees they were computed from. A month whose
 * credits no issued invoice carries yet counts as nothing granted.
 *
 * Invoices for 2027-02 (charges 23,500.00) and 2027-03 (carrying February's credits of
 * 2,350.00) give `[{ month: '2027-02', fees: 23,500.00, creditsGranted: 2,350.00, ... },
 * { month: '2027-03', fees: <March charges>, creditsGranted: 0.00, ... }]`.
 */
export function settledHistoryOf(invoices: readonly StoredInvoice[], currency: string): SettledMonth[] {
  const byMonth = new Map(invoices.map((stored) => [stored.invoice.serviceMonth, stored]));
  const carriedFor = new Map<string, { adjustments: MonthAdjustments; by: StoredInvoice }>();
  for (const stored of invoices) {
    const adjustments = stored.invoice.adjustments;
    if (adjustments && adjustments.month === addMonthsToMonth(stored.invoice.serviceMonth, -1)) carriedFor.set(adjustments.month, { adjustments, by: stored });
  }
  const months = [...new Set([...byMonth.keys(), ...carriedFor.keys()])].sort();
  return months.map((month): SettledMonth => {
    const own = byMonth.get(month);
    const carried = carriedFor.get(month);
    const scorecard = carried?.by.creditedScorecard;
    return {
      month,
      // The month's own invoice is the record of its fees; without one, the fees its credits were computed from.
      fees: own ? own.invoice.totals.charges : carried!.adjustments.fees,
      creditsGranted: carried?.adjustments.credits.total ?? zeroMoney(currency),
      bonusesGranted: carried?.adjustments.bonuses.total ?? zeroMoney(currency),
      ...(scorecard ? { scorecard } : {}),
    };
  });
}
