import { describe, expect, it } from 'vitest';
import { dayNumberOf } from '../time/index.js';
import { parseHolidayRegion, publicHolidayDayNumbers } from './holiday-regions.js';

describe('parseHolidayRegion', () => {
  it('reads country, state and region codes, whatever their case', () => {
    expect(parseHolidayRegion('US-CA')).toEqual({ code: 'US-CA', country: 'US', state: 'CA' });
    expect(parseHolidayRegion('de-by-a')).toEqual({ code: 'DE-BY-A', country: 'DE', state: 'BY', region: 'A' });
    expect(parseHolidayRegion('US')).toEqual({ code: 'US', country: 'US' });
  });

  it('explains an unknown country, state or region, or a malformed code', () => {
    expect(parseHolidayRegion('XX')).toMatch(/unknown country "XX"/);
    expect(parseHolidayRegion('US-XX')).toMatch(/US has no state "XX"/);
    expect(parseHolidayRegion('DE-BY-ZZ')).toMatch(/DE-BY has no region "ZZ"/);
    expect(parseHolidayRegion('US CA')).toMatch(/not a region code/);
    expect(parseHolidayRegion(42)).toMatch(/not a region code/);
  });
});

describe('publicHolidayDayNumbers', () => {
  const usCa = parseHolidayRegion('US-CA');
  if (typeof usCa === 'string') throw new Error(usCa);
  const dates2027 = publicHolidayDayNumbers(usCa, 2027);

  it('includes observed substitute days: Friday 2027-07-05 for Sunday July 4, and 2027-12-31 for Saturday 2028-01-01', () => {
    expect(dates2027).toContain(dayNumberOf('2027-07-04'));
    expect(dates2027).toContain(dayNumberOf('2027-07-05'));
    expect(dates2027).toContain(dayNumberOf('2027-12-31'));
  });

  it('includes substitute days that date-holidays types as bank holidays: Friday 2028-11-10 for Veterans Day on a Saturday', () => {
    const dates2028 = publicHolidayDayNumbers(usCa, 2028);
    expect(dates2028).toContain(dayNumberOf('2028-11-10'));
    expect(publicHolidayDayNumbers(usCa, 2029)).toContain(dayNumberOf('2029-11-12'));
    // Christmas Eve is listed as optional, not a substitute: it stays open in 2028.
    expect(dates2028).not.toContain(dayNumberOf('2028-12-24'));
  });

  it('leaves out observances and optional days: Valentine\'s Day, Halloween, Christmas Eve\'s optional listing', () => {
    expect(dates2027).not.toContain(dayNumberOf('2027-02-14'));
    expect(dates2027).not.toContain(dayNumberOf('2027-10-31'));
    expect(dates2027).not.toContain(dayNumberOf('2027-03-17'));
  });

  it('closes every date of a holiday that lasts several days', () => {
    const ae = parseHolidayRegion('AE');
    if (typeof ae === 'string') throw new Error(ae);
    // Eid al-Fitr 2027 in date-holidays' AE data: three days from 2027-03-09.
    const dates = publicHolidayDayNumbers(ae, 2027);
    for (const date of ['2027-03-09', '2027-03-10', '2027-03-11']) expect(dates).toContain(dayNumberOf(date));
  });
});
