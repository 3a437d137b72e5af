import { describe, expect, it } from 'vitest';
import { parseContract } from '../contract/parse-contract.js';
import { money } from '../money/index.js';
import { readExampleContract } from '../../../test/support/examples.js';
import { contractWith } from '../lifecycle/test-support/contracts.js';
import { evaluateInsurance, type InsuranceCertificate } from './evaluate-insurance.js';

const northstar = parseContract(readExampleContract('northstar-tiered'), 'northstar.yaml').contract;
const usd = (minor: bigint) => money(minor, 'USD');

/** Certificates that meet every Northstar minimum and last past the initial term. */
const full: InsuranceCertificate[] = [
  { type: 'cyber-liability', amount: '5000000.00', expiresOn: '2029-06-30', insurer: 'Coastal Mutual' },
  { type: 'errors-and-omissions', amount: usd(200000000n), expiresOn: '2029-06-30' },
  { type: 'general-liability', amount: '1000000.00', expiresOn: '2029-06-30' },
];

describe('evaluateInsurance', () => {
  it('finds nothing when every required type is covered at the minimum past the term end', () => {
    expect(evaluateInsurance(northstar, full, '2027-06-10')).toEqual([]);
  });

  it('reports a missing type, coverage below the minimum, expiry within 30 days and before the term ends', () => {
    const findings = evaluateInsurance(northstar, [{ type: 'Cyber-Liability', amount: '4000000.00', expiresOn: '2027-06-30' }], '2027-06-10');
    expect(findings.map((f) => [f.kind, f.type, f.severity])).toEqual([
      ['below-minimum', 'cyber-liability', 'high'],
      ['expiring-soon', 'cyber-liability', 'medium'],
      ['expires-before-term-end', 'cyber-liability', 'low'],
      ['missing', 'errors-and-omissions', 'high'],
      ['missing', 'general-liability', 'high'],
    ]);
    expect(findings[0]).toMatchObject({ message: 'cyber-liability coverage USD 4,000,000.00 is below the contract minimum USD 5,000,000.00', clause: 'risk.insurance[0].minimum', required: usd(500000000n), coverage: usd(400000000n), certificate: 0 });
    expect(findings[2]!.message).toBe('the cyber-liability certificate expires on 2027-06-30, before the term in force ends (2028-12-31): ask for the renewal certificate');
  });

  it('counts a certificate as valid through its expiry date, and expired the day after', () => {
    const onTheDay = evaluateInsurance(northstar, [{ ...full[0]!, expiresOn: '2027-06-30' }, full[1]!, full[2]!], '2027-06-30');
    expect(onTheDay.map((f) => f.kind)).toEqual(['expiring-soon', 'expires-before-term-end']);
    const after = evaluateInsurance(northstar, [{ ...full[0]!, expiresOn: '2027-06-30' }, full[1]!, full[2]!], '2027-07-01');
    expect(after).toEqual([{ kind: 'expired', severity: 'high', type: 'cyber-liability', message: 'the cyber-liability certificate expired on 2027-06-30', clause: 'risk.insurance[0].certificateExpires', expiresOn: '2027-06-30', certificate: 0 }]);
  });

  it('flags expiry within 30 days of asOf inclusive, not at 31', () => {
    const at = (expiresOn: string) => evaluateInsurance(northstar, [{ ...full[0]!, expiresOn }, full[1]!, full[2]!], '2029-01-01').map((f) => f.kind);
    expect(at('2029-01-31')).toContain('expiring-soon');
    expect(at('2029-02-01')).not.toContain('expiring-soon');
  });

  it('uses the renewal certificate when an old and a new one overlap, and the largest current cover', () => {
    const findings = evaluateInsurance(
      northstar,
      [{ type: 'cyber-liability', amount: '5000000.00', expiresOn: '2027-06-30' }, { type: 'cyber-liability', amount: '6000000.00', expiresOn: '2028-06-30' }, { type: 'cyber-liability', amount: '1000000.00', expiresOn: '2030-01-01' }, full[1]!, full[2]!],
      '2027-06-20',
    );
    expect(findings).toEqual([]);
  });

  it('compares against the term period in force, renewals included', () => {
    // On 2029-03-01 Northstar is in renewal 1, ending 2029-12-31.
    expect(evaluateInsurance(northstar, full, '2029-03-01').map((f) => [f.kind, f.type])).toEqual([
      ['expires-before-term-end', 'cyber-liability'],
      ['expires-before-term-end', 'errors-and-omissions'],
      ['expires-before-term-end', 'general-liability'],
    ]);
  });

  it('has nothing to find when the contract requires no insurance', () => {
    expect(evaluateInsurance(contractWith('term:\n  start: 2027-01-01\n  initialTerm: 12mo\n'), full, '2027-06-10')).toEqual([]);
  });

  it('refuses an amount with more decimals than the currency has', () => {
    expect(() => evaluateInsurance(northstar, [{ ...full[0]!, amount: '5000000.005' }], '2027-06-10')).toThrow('USD has 2 decimals');
  });
});
