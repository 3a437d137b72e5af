import { describe, expect, it } from 'vitest';
import { readExampleContract } from '../../test/support/examples.js';
import { parseContract } from '../domain/contract/parse-contract.js';
import { isNorthstarBusinessDay } from '../domain/lifecycle/test-support/contracts.js';
import { addDays } from '../domain/time/index.js';
import { contractBusinessDays } from './contract-business-days.js';

const northstar = parseContract(readExampleContract('northstar-tiered'), 'northstar.contract.yaml').contract;

describe('contractBusinessDays', () => {
  it("answers from the named calendar's open hours, holidays and closures", () => {
    const { isBusinessDay } = contractBusinessDays(northstar);
    expect(isBusinessDay('2027-07-02', 'business')).toBe(true);
    // Sunday 4 July 2027 is observed on Monday the 5th (US-CA public holiday).
    expect(isBusinessDay('2027-07-05', 'business')).toBe(false);
    expect(isBusinessDay('2027-12-24', 'business')).toBe(false);
    expect(isBusinessDay('2027-07-03', 'extended')).toBe(true);
    expect(isBusinessDay('2027-07-04', 'always')).toBe(true);
  });

  it('counts a clause that names no calendar on the business calendar, and agrees with the hand-made list for 2027 and 2028 to October', () => {
    const { isBusinessDay, unnamedCalendarBasis } = contractBusinessDays(northstar);
    expect(unnamedCalendarBasis).toBe('the business calendar');
    const disagree: string[] = [];
    // From 2028-11-10 the list closes Veterans Day substitutes that date-holidays types `bank`, not `public` (reported to the lead).
    for (let d = '2027-01-01'; d <= '2028-10-31'; d = addDays(d, 1)) if (isBusinessDay(d) !== isNorthstarBusinessDay(d)) disagree.push(d);
    expect(disagree).toEqual([]);
  });

  it('falls back to Monday to Friday when the contract has no calendar named business', () => {
    const bayline = parseContract(readExampleContract('bayline-per-incident'), 'bayline.contract.yaml').contract;
    const { isBusinessDay, unnamedCalendarBasis } = contractBusinessDays({ ...bayline, calendars: {} });
    expect(unnamedCalendarBasis).toMatch(/Monday to Friday/);
    expect([isBusinessDay('2027-07-05'), isBusinessDay('2027-07-03')]).toEqual([true, false]);
  });
});
