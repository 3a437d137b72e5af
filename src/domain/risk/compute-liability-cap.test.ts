import { describe, expect, it } from 'vitest';
import { parseContract } from '../contract/parse-contract.js';
import { money } from '../money/index.js';
import { readExampleContract } from '../../../test/support/examples.js';
import { contractWith } from '../lifecycle/test-support/contracts.js';
import { computeLiabilityCap } from './compute-liability-cap.js';

const northstar = parseContract(readExampleContract('northstar-tiered'), 'northstar.yaml').contract;
const usd = (minor: bigint) => money(minor, 'USD');
const twelve = Array.from({ length: 12 }, () => usd(900000n));

describe('computeLiabilityCap', () => {
  it('caps Northstar at 12 months of fees and lists the four carve-outs', () => {
    expect(computeLiabilityCap(northstar, twelve)).toEqual({
      amount: usd(10800000n),
      basis: 'months-of-fees',
      monthsOfFees: { months: 12, amount: usd(10800000n), trailingMonths: 12, basis: '12 × average monthly fee USD 9,000.00 over the last 12 months' },
      excluded: ['data-breach', 'confidentiality', 'indemnification', 'gross-negligence'],
      clause: 'risk.liability.cap',
    });
  });

  it('extrapolates from a short history, and says it needs fees when given none', () => {
    expect(computeLiabilityCap(northstar, [usd(900000n), usd(1100000n)]).amount).toEqual(usd(12000000n));
    const none = computeLiabilityCap(northstar, []);
    expect(none.amount).toBeUndefined();
    expect(none.note).toBe('the cap is 12 months of fees; pass the trailing monthly fees to compute it');
  });

  it('uses a fixed amount, and the greater of the two when the clause gives both', () => {
    const fixed = contractWith('risk:\n  liability: { cap: { amount: "250000.00" }, excluded: [gross-negligence] }\n');
    expect(computeLiabilityCap(fixed, twelve)).toEqual({ amount: usd(25000000n), basis: 'fixed', fixed: usd(25000000n), excluded: ['gross-negligence'], clause: 'risk.liability.cap' });
    const both = contractWith('risk:\n  liability: { cap: { monthsOfFees: 12, amount: "250000.00" } }\n');
    expect(computeLiabilityCap(both, twelve)).toMatchObject({ amount: usd(25000000n), basis: 'greater-of' });
    expect(computeLiabilityCap(both, Array.from({ length: 12 }, () => usd(3000000n)))).toMatchObject({ amount: usd(36000000n), basis: 'greater-of' });
  });

  it('says so when there is no cap', () => {
    expect(computeLiabilityCap(contractWith(''), twelve)).toEqual({ basis: 'none', excluded: [], clause: 'risk.liability', note: 'the contract states no liability cap' });
  });
});
