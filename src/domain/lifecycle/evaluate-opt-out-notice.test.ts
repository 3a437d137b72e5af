import { describe, expect, it } from 'vitest';
import { parseContract } from '../contract/parse-contract.js';
import { readExampleContract } from '../../../test/support/examples.js';
import { evaluateOptOutNotice } from './evaluate-opt-out-notice.js';
import { contractWithTerm } from './test-support/contracts.js';

const northstar = parseContract(readExampleContract('northstar-tiered'), 'northstar.yaml').contract.term!;

describe('evaluateOptOutNotice', () => {
  it('stops the renewal from 2029-01-01 when given on the deadline, 2028-11-02', () => {
    const result = evaluateOptOutNotice(northstar, '2028-11-02');
    expect(result).toMatchObject({ outcome: 'stops-next-renewal', serviceEndsOn: '2028-12-31', stopsRenewalStartingOn: '2029-01-01', metDeadlineOn: '2028-11-02' });
    expect(result.givenDuring.index).toBe(0);
  });

  it('stops the NEXT renewal, not the current one, when given a day after the deadline', () => {
    const result = evaluateOptOutNotice(northstar, '2028-11-03');
    expect(result).toMatchObject({
      outcome: 'stops-later-renewal',
      missedDeadlineOn: '2028-11-02',
      serviceEndsOn: '2029-12-31',
      stopsRenewalStartingOn: '2030-01-01',
      metDeadlineOn: '2029-11-02',
    });
    expect(result.lastPeriod.index).toBe(1);
    expect(result.explanation).toContain('stops the NEXT renewal instead');
    expect(result.explanation).toContain('given after 2028-11-02');
  });

  it('treats notice during a renewal like notice during the initial term', () => {
    expect(evaluateOptOutNotice(northstar, '2030-03-01')).toMatchObject({ outcome: 'stops-next-renewal', serviceEndsOn: '2030-12-31' });
    expect(evaluateOptOutNotice(northstar, '2030-12-31')).toMatchObject({ outcome: 'stops-later-renewal', serviceEndsOn: '2031-12-31' });
  });

  it('counts notice given before the start against the initial term', () => {
    expect(evaluateOptOutNotice(northstar, '2026-12-15')).toMatchObject({ outcome: 'stops-next-renewal', serviceEndsOn: '2028-12-31' });
  });

  it('says there is nothing to stop when the term does not renew', () => {
    const bayline = parseContract(readExampleContract('bayline-per-incident'), 'bayline.yaml').contract.term!;
    const result = evaluateOptOutNotice(bayline, '2027-06-01');
    expect(result).toMatchObject({ outcome: 'no-renewal-to-stop', serviceEndsOn: '2028-02-29' });
    expect(result.stopsRenewalStartingOn).toBeUndefined();
  });

  it('says a late notice stops nothing when the renewal it lets through is the last one allowed', () => {
    const term = contractWithTerm('2027-01-01', '12mo', '{ automatic: true, period: 12mo, optOutNotice: 60d, maxRenewals: 1 }').term!;
    const result = evaluateOptOutNotice(term, '2027-12-01');
    expect(result).toMatchObject({ outcome: 'no-renewal-to-stop', serviceEndsOn: '2028-12-31', missedDeadlineOn: '2027-11-02' });
    expect(result.explanation).toContain('no renewal follows renewal 1');
  });
});
