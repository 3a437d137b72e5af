import { describe, expect, it } from 'vitest';
import { isSupportPactError, type Problem } from '../errors/index.js';
import type { CalendarSpec } from './calendar-spec.js';
import { createCalendar } from './create-calendar.js';

/** The problems `createCalendar` reports for a spec (fails the test when it does not throw CALENDAR_INVALID). */
function problemsOf(spec: unknown): Problem[] {
  try {
    createCalendar(spec as CalendarSpec);
  } catch (error) {
    if (isSupportPactError(error) && error.code === 'CALENDAR_INVALID') return [...error.problems];
    throw error;
  }
  throw new Error('expected CALENDAR_INVALID');
}

const valid = { timezone: 'America/Los_Angeles', hours: { 'mon-fri': ['08:00-18:00'] } };

describe('createCalendar', () => {
  it('accepts 24:00 as an end, wrapping day ranges, touching ranges and an overnight range touching the next day', () => {
    const calendar = createCalendar({
      timezone: 'Europe/Berlin',
      hours: { 'fri-mon': ['00:00-12:00', '12:00-24:00'], tue: ['08:00-17:00', '22:00-06:00'], 'wed-thu': ['06:00-09:00'] },
      holidays: ['DE-BE', 'AU-NSW', 'US'],
      closures: ['2028-02-29'],
      dueAtClosingTime: 'closing-time',
    });
    expect(calendar.zone).toBe('Europe/Berlin');
    expect(calendar.dueAtClosingTime).toBe('closing-time');
    expect(calendar.spec.weeklyHours.map((ranges) => ranges.length)).toEqual([2, 2, 1, 1, 2, 2, 2]);
  });

  it('defaults dueAtClosingTime to next-opening', () => {
    expect(createCalendar(valid).dueAtClosingTime).toBe('next-opening');
  });

  it('rejects an unknown zone at timezone', () => {
    expect(problemsOf({ ...valid, timezone: 'America/Springfield' })).toMatchObject([{ path: ['timezone'], message: expect.stringMatching(/America\/Springfield/) }]);
  });

  it('rejects an unknown day key at its key', () => {
    expect(problemsOf({ ...valid, hours: { monday: ['08:00-18:00'] } })).toMatchObject([{ path: ['hours', 'monday'] }]);
    expect(problemsOf({ ...valid, hours: { 'mon-fri-sat': ['08:00-18:00'] } })).toMatchObject([{ path: ['hours', 'mon-fri-sat'] }]);
  });

  it('rejects 25:00, 08:60, 24:00 as a start, 24:30 and malformed ranges at hours.<key>[index]', () => {
    const problems = problemsOf({ ...valid, hours: { 'mon-fri': ['08:00-12:00', '25:00-26:00', '08:60-09:00', '24:00-01:00', '23:00-24:30', '8-18'] } });
    expect(problems.map((p) => p.path)).toEqual([1, 2, 3, 4, 5].map((i) => ['hours', 'mon-fri', i]));
    expect(problems[0]!.message).toMatch(/25:00/);
    expect(problems[1]!.message).toMatch(/minute 60/);
  });

  it('rejects a zero-length range', () => {
    expect(problemsOf({ ...valid, hours: { sat: ['10:00-10:00'] } })).toMatchObject([{ path: ['hours', 'sat', 0], message: expect.stringMatching(/empty/) }]);
  });

  it('rejects overlapping ranges on a day at the later range, once for a key naming several days', () => {
    expect(problemsOf({ ...valid, hours: { 'mon-fri': ['08:00-12:00', '11:00-13:00'] } })).toMatchObject([
      { path: ['hours', 'mon-fri', 1], message: expect.stringMatching(/overlaps "08:00-12:00"/) },
    ]);
  });

  it('rejects an overnight range whose after-midnight part overlaps the next day\'s ranges', () => {
    expect(problemsOf({ ...valid, hours: { mon: ['22:00-06:00'], tue: ['05:00-09:00'] } })).toMatchObject([
      { path: ['hours', 'mon', 0], message: expect.stringMatching(/past midnight into tue and overlaps "05:00-09:00"/) },
    ]);
    // Sunday's night shift runs into Monday.
    expect(problemsOf({ ...valid, hours: { 'mon-fri': ['05:00-09:00'], sun: ['23:00-05:30'] } })).toMatchObject([{ path: ['hours', 'sun', 0] }]);
  });

  it('rejects a day named by two keys at the second key', () => {
    expect(problemsOf({ ...valid, hours: { 'mon-fri': ['08:00-12:00'], fri: ['13:00-17:00'] } })).toMatchObject([
      { path: ['hours', 'fri'], message: expect.stringMatching(/fri \(already under "mon-fri"\)/) },
    ]);
  });

  it('rejects impossible closure dates at closures[index]', () => {
    expect(problemsOf({ ...valid, closures: ['2027-02-28', '2027-02-30', '2027-13-01', 'tomorrow'] }).map((p) => p.path)).toEqual([
      ['closures', 1],
      ['closures', 2],
      ['closures', 3],
    ]);
  });

  it('rejects unknown holiday regions at holidays[index], naming the known ones', () => {
    const problems = problemsOf({ ...valid, holidays: ['US-CA', 'US-XX', 'ZZ', 'DE-BY-NOPE'] });
    expect(problems.map((p) => p.path)).toEqual([
      ['holidays', 1],
      ['holidays', 2],
      ['holidays', 3],
    ]);
    expect(problems[0]!.message).toMatch(/US has no state "XX"; known: .*CA/);
  });

  it('rejects a calendar with no open hours at all', () => {
    expect(problemsOf({ ...valid, hours: {} })).toMatchObject([{ path: ['hours'], message: expect.stringMatching(/no open hours/) }]);
    expect(problemsOf({ ...valid, hours: { 'mon-sun': [] } })).toMatchObject([{ path: ['hours'] }]);
  });

  it('rejects an unknown dueAtClosingTime, unknown keys, and hours that are not a map', () => {
    expect(problemsOf({ ...valid, dueAtClosingTime: 'sometime' })).toMatchObject([{ path: ['dueAtClosingTime'] }]);
    expect(problemsOf({ ...valid, holiday: ['US-CA'] })).toMatchObject([{ path: ['holiday'] }]);
    expect(problemsOf({ ...valid, hours: ['08:00-18:00'] })).toMatchObject([{ path: ['hours'] }]);
    expect(problemsOf({ ...valid, hours: { mon: '08:00-18:00' } })).toMatchObject([{ path: ['hours', 'mon'] }]);
    expect(problemsOf('America/Los_Angeles 08-18')).toMatchObject([{ path: [] }]);
  });

  it('reports one problem per fault when there are several', () => {
    const problems = problemsOf({ timezone: 'Nowhere/City', hours: { mon: ['25:00-26:00'], tues: [] }, holidays: ['XX'], closures: ['2027-02-30'] });
    expect(problems.map((p) => p.path)).toEqual([['timezone'], ['hours', 'mon', 0], ['hours', 'tues'], ['holidays', 0], ['closures', 0]]);
  });
});
