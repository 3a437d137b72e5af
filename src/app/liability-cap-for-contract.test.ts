import { describe, expect, it } from 'vitest';
import { readExampleContract } from '../../test/support/examples.js';
import { parseContract } from '../domain/contract/parse-contract.js';
import { formatMoney, money } from '../domain/money/index.js';
import { estimateFeeOfMonths, estimateMonthlyFee, liabilityCapForContract } from './liability-cap-for-contract.js';

const northstar = parseContract(readExampleContract('northstar-tiered'), 'northstar.contract.yaml').contract;

describe('estimateMonthlyFee', () => {
  it('takes the minimum monthly commitment when it is above the base fee, else the base fee', () => {
    expect(estimateMonthlyFee(northstar)).toEqual({ amount: money(900000n, 'USD'), basis: 'the minimum monthly commitment, above the base fee USD 4,000.00' });
    const pricing = { ...northstar.pricing!, minimumMonthly: '1000.00' };
    expect(estimateMonthlyFee({ ...northstar, pricing })).toEqual({ amount: money(400000n, 'USD'), basis: 'the base monthly fee' });
    expect(estimateMonthlyFee({ ...northstar, pricing: undefined })).toBeUndefined();
  });
});

describe('liabilityCapForContract', () => {
  it('computes 12 months of fees from invoiced fees when there are any, and says the estimate when not', () => {
    const invoiced = liabilityCapForContract(northstar, [money(900000n, 'USD'), money(950000n, 'USD'), money(1000000n, 'USD')]);
    expect([formatMoney(invoiced.cap.amount!), invoiced.estimated]).toEqual(['USD 114,000.00', false]);
    const estimated = liabilityCapForContract(northstar);
    expect([formatMoney(estimated.cap.amount!), estimated.estimated]).toEqual(['USD 108,000.00', true]);
    expect(estimated.cap.monthsOfFees?.basis).toBe('12 × USD 9,000.00 (estimated monthly fee)');
    expect(estimated.cap.excluded).toEqual(['data-breach', 'confidentiality', 'indemnification', 'gross-negligence']);
  });

  it('needs no fees for a fixed cap, and has no amount without a cap or any fee to go on', () => {
    const fixed = liabilityCapForContract({ ...northstar, risk: { ...northstar.risk!, liability: { cap: { amount: '250000.00' } } } });
    expect([formatMoney(fixed.cap.amount!), fixed.estimated]).toEqual(['USD 250,000.00', false]);
    const unknown = liabilityCapForContract({ ...northstar, pricing: undefined });
    expect(unknown.cap.amount).toBeUndefined();
    expect(unknown.feeBasis).toMatch(/states no base or minimum monthly fee/);
  });
});

describe('estimateFeeOfMonths', () => {
  it("prices the client's one month of fees from the estimate, saying so", () => {
    const fee = estimateFeeOfMonths(northstar, 1);
    expect(formatMoney(fee!.amount)).toBe('USD 9,000.00');
    expect(fee!.basis).toMatch(/^ESTIMATE: 1 × USD 9,000.00 a month/);
  });
});
