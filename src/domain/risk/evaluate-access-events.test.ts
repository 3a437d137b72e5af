import { describe, expect, it } from 'vitest';
import { parseContract } from '../contract/parse-contract.js';
import { readExampleContract } from '../../../test/support/examples.js';
import { contractWith, epochOf } from '../lifecycle/test-support/contracts.js';
import { evaluateAccessEvents, type AccessEvent } from './evaluate-access-events.js';

const northstar = parseContract(readExampleContract('northstar-tiered'), 'northstar.yaml').contract;
const allSafeguards = ['mfa', 'least-privilege', 'access-logging', 'us-only-processing'];

const event = (overrides: Partial<AccessEvent>): AccessEvent => ({
  at: epochOf('2027-03-10T10:00:00-08:00'),
  account: 'j.doe@northstar.example',
  safeguards: allSafeguards,
  dataCategory: 'device-inventory',
  action: 'read',
  ...overrides,
});

describe('evaluateAccessEvents', () => {
  it('finds nothing for a named account reading an allowed category with every safeguard', () => {
    const result = evaluateAccessEvents(northstar, [event({ ticket: 'T-1001' })]);
    expect(result.findings).toEqual([]);
    expect(result.months).toEqual([{ month: '2027-03', events: 1, accounts: 1, eventsWithFindings: 0, findings: { 'prohibited-category': 0, 'category-not-allowed': 0, 'missing-safeguard': 0 } }]);
  });

  it('reports a prohibited category and one finding per missing safeguard, named-accounts judged from the account', () => {
    const result = evaluateAccessEvents(northstar, [event({ account: 'helpdesk@northstar.example', dataCategory: 'Payroll', safeguards: ['mfa', 'access-logging', 'named-accounts'], ticket: 'T-7' })]);
    expect(result.findings.map((f) => [f.kind, f.safeguard, f.clause])).toEqual([
      ['prohibited-category', undefined, 'scope.dataAccess.prohibitedCategories'],
      ['missing-safeguard', 'named-accounts', 'scope.dataAccess.safeguards'],
      ['missing-safeguard', 'least-privilege', 'scope.dataAccess.safeguards'],
      ['missing-safeguard', 'us-only-processing', 'scope.dataAccess.safeguards'],
    ]);
    expect(result.findings[0]).toMatchObject({ event: 0, month: '2027-03', ticket: 'T-7', message: 'helpdesk@northstar.example accessed Payroll, a prohibited category' });
    expect(result.findings[1]!.message).toBe('helpdesk@northstar.example is a shared or generic account (required safeguard named-accounts)');
    expect(result.findings[2]!.message).toBe("helpdesk@northstar.example's access lacked least-privilege (required safeguard least-privilege)");
    expect(result.months[0]).toMatchObject({ events: 1, eventsWithFindings: 1, findings: { 'prohibited-category': 1, 'category-not-allowed': 0, 'missing-safeguard': 3 } });
  });

  it('reports a category outside the allowed list', () => {
    const result = evaluateAccessEvents(northstar, [event({ dataCategory: 'source-code' })]);
    expect(result.findings.map((f) => [f.kind, f.message])).toEqual([['category-not-allowed', 'j.doe@northstar.example accessed source-code, which is not an allowed category']]);
  });

  it('lets the source say an account is shared, overriding the name', () => {
    expect(evaluateAccessEvents(northstar, [event({ sharedAccount: true })]).findings.map((f) => f.safeguard)).toEqual(['named-accounts']);
    expect(evaluateAccessEvents(northstar, [event({ account: 'admin', sharedAccount: false })]).findings).toEqual([]);
    expect(evaluateAccessEvents(northstar, [event({ account: 'nsupport' })], { genericAccountNames: ['nsupport'] }).findings.map((f) => f.safeguard)).toEqual(['named-accounts']);
  });

  it("summarises by month in the contract's zone: 23:30 on 31 March in Los Angeles is March", () => {
    const events = [
      event({ at: epochOf('2027-04-01T06:30:00Z'), account: 'a.lee@northstar.example' }),
      event({ at: epochOf('2027-03-02T09:00:00-08:00'), account: 'A.Lee@northstar.example', dataCategory: 'health' }),
      event({ at: epochOf('2027-04-01T08:00:00-07:00'), account: 'b.kim@northstar.example', safeguards: [] }),
    ];
    const result = evaluateAccessEvents(northstar, events);
    expect(result.months).toEqual([
      { month: '2027-03', events: 2, accounts: 1, eventsWithFindings: 1, findings: { 'prohibited-category': 1, 'category-not-allowed': 0, 'missing-safeguard': 0 } },
      { month: '2027-04', events: 1, accounts: 1, eventsWithFindings: 1, findings: { 'prohibited-category': 0, 'category-not-allowed': 0, 'missing-safeguard': 4 } },
    ]);
  });

  it('has no findings, and says why, when the contract sets no data-access rules', () => {
    const result = evaluateAccessEvents(contractWith(''), [event({ dataCategory: 'payroll', safeguards: [] })]);
    expect(result.findings).toEqual([]);
    expect(result.note).toContain('sets no data-access rules');
    expect(result.months[0]!.events).toBe(1);
  });
});
