import { describe, expect, it } from 'vitest';
import { parseDuration } from '../time/duration.js';
import { causeEffectiveOn } from './cause-effective-on.js';

const d = (text: string) => parseDuration(text)!;

describe('causeEffectiveOn', () => {
  it('runs cure, then notice: material breach notice on 2027-05-01 takes effect 2027-06-30', () => {
    expect(causeEffectiveOn({ ground: 'material-breach', notice: d('30d'), cure: d('30d') }, '2027-05-01')).toEqual({
      cureEndsOn: '2027-05-31',
      effectiveOn: '2027-06-30',
      lastServiceOn: '2027-06-29',
      reading: 'notice on 2027-05-01 + 30d cure (to 2027-05-31) + 30d notice',
    });
  });

  it('does not add the non-payment cure again: it ran from the due date', () => {
    const dates = causeEffectiveOn({ ground: 'non-payment', notice: d('30d'), cure: d('15d') }, '2027-05-01');
    expect(dates).toMatchObject({ effectiveOn: '2027-05-31', reading: 'notice on 2027-05-01 + 30d notice (the 15d cure ran from the due date)' });
    expect(dates.cureEndsOn).toBeUndefined();
  });

  it('takes effect the same day for 0d notice, service having ended the day before', () => {
    expect(causeEffectiveOn({ ground: 'data-breach', notice: d('0d') }, '2027-05-01')).toMatchObject({ effectiveOn: '2027-05-01', lastServiceOn: '2027-04-30' });
  });

  it('counts month notice by the calendar: 1mo from 2028-01-31 is 2028-02-29', () => {
    expect(causeEffectiveOn({ ground: 'insolvency', notice: d('1mo') }, '2028-01-31').effectiveOn).toBe('2028-02-29');
  });
});
