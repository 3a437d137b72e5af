import { describe, expect, it } from 'vitest';
import { createCalendar } from './create-calendar.js';
import { addOpenSecondsOutsidePauses, normalisePauses, openSecondsOutsidePauses } from './paused-time.js';
import { epochOf, losAngelesOffice } from './test-support/fixtures.js';

const office = createCalendar(losAngelesOffice);
const hour = 3600;

describe('normalisePauses', () => {
  it('sorts, joins overlapping and touching pauses, and drops empty or reversed ones', () => {
    expect([...normalisePauses([[30, 40], [0, 10], [5, 20], [20, 25], [50, 50], [70, 60]])]).toEqual([0, 25, 30, 40]);
  });

  it('does not reorder the caller\'s list', () => {
    const pauses: [number, number][] = [[30, 40], [0, 10]];
    normalisePauses(pauses);
    expect(pauses).toEqual([[30, 40], [0, 10]]);
  });
});

describe('openSecondsOutsidePauses', () => {
  it('subtracts only the open part of each pause', () => {
    const pauses = normalisePauses([[epochOf('2027-03-15T17:00:00-07:00'), epochOf('2027-03-16T09:00:00-07:00')]]);
    expect(openSecondsOutsidePauses(office, epochOf('2027-03-15T16:00:00-07:00'), epochOf('2027-03-16T10:00:00-07:00'), pauses)).toBe(2 * hour);
  });
});

describe('addOpenSecondsOutsidePauses', () => {
  it('extends a target by the paused open time', () => {
    const pauses = normalisePauses([[epochOf('2027-03-15T10:00:00-07:00'), epochOf('2027-03-15T11:00:00-07:00')]]);
    expect(addOpenSecondsOutsidePauses(office, epochOf('2027-03-15T09:00:00-07:00'), 2 * hour, pauses)).toBe(epochOf('2027-03-15T12:00:00-07:00'));
  });

  it('is due at the pause start when the amount runs out there (not a calendar closing)', () => {
    const pauses = normalisePauses([[epochOf('2027-03-15T10:00:00-07:00'), epochOf('2027-03-15T11:00:00-07:00')]]);
    expect(addOpenSecondsOutsidePauses(office, epochOf('2027-03-15T09:00:00-07:00'), hour, pauses)).toBe(epochOf('2027-03-15T10:00:00-07:00'));
  });

  it('walking back into a pause returns the pause end', () => {
    const pauses = normalisePauses([[epochOf('2027-03-15T10:00:00-07:00'), epochOf('2027-03-15T11:00:00-07:00')]]);
    expect(addOpenSecondsOutsidePauses(office, epochOf('2027-03-15T12:00:00-07:00'), -hour, pauses)).toBe(epochOf('2027-03-15T11:00:00-07:00'));
    expect(addOpenSecondsOutsidePauses(office, epochOf('2027-03-15T12:00:00-07:00'), -2 * hour, pauses)).toBe(epochOf('2027-03-15T09:00:00-07:00'));
  });

  it('ignores pauses for an amount of 0', () => {
    const pauses = normalisePauses([[epochOf('2027-03-15T10:00:00-07:00'), epochOf('2027-03-15T11:00:00-07:00')]]);
    expect(addOpenSecondsOutsidePauses(office, epochOf('2027-03-15T10:30:00-07:00'), 0, pauses)).toBe(epochOf('2027-03-15T10:30:00-07:00'));
  });
});
