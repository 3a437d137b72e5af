import { describe, expect, it } from 'vitest';
import { formatMoney } from '../money/index.js';
import { computeMonthCharges } from './compute-month-charges.js';
import { contractWith, example, scorecardFor } from './test-support/fixtures.js';

describe('computeMonthCharges', () => {
  it('bills each extra as count × price with the tickets as evidence', () => {
    const northstar = example('northstar-tiered');
    const charges = computeMonthCharges(northstar, scorecardFor(northstar, '2027-03', { resolvedByPriority: { P1: 600 }, extras: { 'after-hours-p1': ['T-1', 'T-2'] } }));
    const extra = charges.lines.find((l) => l.kind === 'extra')!;
    expect([extra.quantity, extra.unitPrice, formatMoney(extra.amount, 'plain'), extra.evidence.ids]).toEqual(['2', '45.00', '90.00', ['T-1', 'T-2']]);
    expect(charges.units).toEqual({ unit: 'resolved-ticket', count: 600, byPriority: { P1: 600 } });
    expect(formatMoney(charges.fees, 'plain')).toBe('14590.00');
  });

  it('prices whole started packages in package mode, after the free units', () => {
    const contract = contractWith(`pricing:
  model: tiered
  tiers: { mode: package, unit: created-ticket, packageSize: 100, packagePrice: "900.00", freeUnits: 50 }
`);
    const charges = computeMonthCharges(contract, scorecardFor(contract, '2027-03', { createdByPriority: { P1: 251 } }));
    // 251 - 50 free = 201 billable: 3 started packages.
    expect(charges.lines.map((l) => [l.id, l.quantity, formatMoney(l.amount, 'plain')])).toEqual([['usage-package', '3', '2700.00']]);
  });

  it('says there is no usage charge in a month without billable tickets', () => {
    const northstar = example('northstar-tiered');
    const charges = computeMonthCharges(northstar, scorecardFor(northstar, '2027-03'));
    expect(charges.lines.map((l) => l.id)).toEqual(['base', 'minimum-true-up']);
    expect(charges.notes).toContain('No resolved tickets this month: no usage charge.');
  });

  it('refuses a contract without pricing', () => {
    const contract = contractWith('');
    expect(() => computeMonthCharges(contract, scorecardFor(contract, '2027-03'))).toThrow(/has no pricing section/);
  });
});
