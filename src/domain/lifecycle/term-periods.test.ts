import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContract } from '../contract/parse-contract.js';
import { addCalendarDuration } from '../time/duration.js';
import { addDays, dayNumberOf, localDateOfDayNumber } from '../time/local-date.js';
import { readExampleContract } from '../../../test/support/examples.js';
import { computeTermPeriods, termPeriodOn } from './term-periods.js';
import { contractWithTerm } from './test-support/contracts.js';

const northstar = parseContract(readExampleContract('northstar-tiered'), 'northstar.yaml').contract;

describe('computeTermPeriods', () => {
  it('rolls Northstar forward: 2027-2028, then 12-month renewals, each with its opt-out deadline', () => {
    const periods = computeTermPeriods(northstar.term!, '2031-06-30');
    expect(periods.map((p) => [p.index, p.startOn, p.endOn, p.optOutDeadlineOn])).toEqual([
      [0, '2027-01-01', '2028-12-31', '2028-11-02'],
      [1, '2029-01-01', '2029-12-31', '2029-11-02'],
      [2, '2030-01-01', '2030-12-31', '2030-11-02'],
      [3, '2031-01-01', '2031-12-31', '2031-11-02'],
    ]);
    expect(periods.every((p) => p.renewsAfter)).toBe(true);
  });

  it('always gives the initial term, even when until is before it ends', () => {
    expect(computeTermPeriods(northstar.term!, '2027-02-01').map((p) => p.index)).toEqual([0]);
  });

  it('anchors every renewal on the original start, so a term from the 31st does not drift', () => {
    const term = contractWithTerm('2027-01-31', '1mo', '{ automatic: true, period: 1mo, optOutNotice: 10d }').term!;
    const periods = computeTermPeriods(term, '2027-06-30');
    // Anniversaries of the 31st: 1 March (no 31 February), 31 March, 1 May, 31 May, 1 July.
    expect(periods.map((p) => [p.startOn, p.endOn])).toEqual([
      ['2027-01-31', '2027-02-28'],
      ['2027-03-01', '2027-03-30'],
      ['2027-03-31', '2027-04-30'],
      ['2027-05-01', '2027-05-30'],
      ['2027-05-31', '2027-06-30'],
    ]);
  });

  it('follows 29 February through leap and common years', () => {
    const term = contractWithTerm('2028-02-29', '12mo', '{ automatic: true, period: 12mo, optOutNotice: 30d }').term!;
    const periods = computeTermPeriods(term, '2032-03-01');
    expect(periods.map((p) => p.endOn)).toEqual(['2029-02-28', '2030-02-28', '2031-02-28', '2032-02-28', '2033-02-28']);
    // 30 days before 2032-02-29 (the day after the 2032 end) is 2032-01-30.
    expect(periods[3]!.optOutDeadlineOn).toBe('2032-01-30');
  });

  it('stops after maxRenewals: the last period renews no more and has no opt-out deadline', () => {
    const term = contractWithTerm('2027-01-01', '12mo', '{ automatic: true, period: 12mo, optOutNotice: 60d, maxRenewals: 2 }').term!;
    const periods = computeTermPeriods(term, '2040-01-01');
    expect(periods.map((p) => [p.endOn, p.renewsAfter, p.optOutDeadlineOn])).toEqual([
      ['2027-12-31', true, '2027-11-02'],
      ['2028-12-31', true, '2028-11-02'],
      ['2029-12-31', false, undefined],
    ]);
  });

  it('gives one period without automatic renewal, and with maxRenewals 0', () => {
    const bayline = parseContract(readExampleContract('bayline-per-incident'), 'bayline.yaml').contract;
    expect(computeTermPeriods(bayline.term!, '2035-01-01')).toEqual([{ index: 0, kind: 'initial', startOn: '2027-03-01', endOn: '2028-02-29', renewsAfter: false }]);
    const none = contractWithTerm('2027-01-01', '12mo', '{ automatic: true, maxRenewals: 0 }').term!;
    expect(computeTermPeriods(none, '2035-01-01')).toHaveLength(1);
  });

  it('renews for the initial length when no period is given, with the end as the deadline when no notice is stated', () => {
    const draft = parseContract(readExampleContract('draft-with-gaps'), 'draft.yaml').contract;
    const periods = computeTermPeriods(draft.term!, '2030-01-01');
    expect(periods.map((p) => [p.startOn, p.endOn, p.optOutDeadlineOn])).toEqual([
      ['2027-01-01', '2029-12-31', '2029-12-31'],
      ['2030-01-01', '2032-12-31', '2032-12-31'],
    ]);
  });

  it('stops at the period a party opted out after', () => {
    expect(computeTermPeriods(northstar.term!, '2035-01-01', 1).map((p) => [p.index, p.renewsAfter])).toEqual([
      [0, true],
      [1, false],
    ]);
  });

  it('counts day periods from the first renewal start: 30d renewals after a 1mo term', () => {
    const term = contractWithTerm('2027-01-15', '1mo', '{ automatic: true, period: 30d, optOutNotice: 5d }').term!;
    expect(computeTermPeriods(term, '2027-04-01').map((p) => [p.startOn, p.endOn])).toEqual([
      ['2027-01-15', '2027-02-14'],
      ['2027-02-15', '2027-03-16'],
      ['2027-03-17', '2027-04-15'],
    ]);
  });

  it('keeps every period contiguous and every opt-out deadline plus notice within the period', () => {
    const notice = fc.oneof(fc.integer({ min: 0, max: 200 }).map((n) => `${n}d`), fc.integer({ min: 1, max: 12 }).map((n) => `${n}mo`));
    const length = fc.oneof(fc.integer({ min: 1, max: 36 }).map((n) => `${n}mo`), fc.integer({ min: 1, max: 800 }).map((n) => `${n}d`), fc.integer({ min: 1, max: 3 }).map((n) => `${n}y`));
    const start = fc.integer({ min: dayNumberOf('2000-01-01'), max: dayNumberOf('2060-12-31') }).map(localDateOfDayNumber);
    fc.assert(
      fc.property(start, length, length, notice, (startOn, initial, period, noticeText) => {
        const term = contractWithTerm(startOn, initial, `{ automatic: true, period: ${period}, optOutNotice: ${noticeText} }`).term!;
        const periods = computeTermPeriods(term, addDays(startOn, 3000));
        for (const [i, p] of periods.entries()) {
          if (i > 0) expect(p.startOn).toBe(addDays(periods[i - 1]!.endOn, 1));
          expect(p.endOn >= p.startOn).toBe(true);
          if (p.optOutDeadlineOn) expect(addCalendarDuration(p.optOutDeadlineOn, term.renewal!.optOutNotice!) <= addDays(p.endOn, 1)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('termPeriodOn', () => {
  it('finds the period in force, rolling renewals forward', () => {
    expect(termPeriodOn(northstar.term!, '2028-12-31')?.index).toBe(0);
    expect(termPeriodOn(northstar.term!, '2029-01-01')?.index).toBe(1);
    expect(termPeriodOn(northstar.term!, '2033-07-04')?.startOn).toBe('2033-01-01');
  });

  it('gives nothing before the start or after a last period', () => {
    expect(termPeriodOn(northstar.term!, '2026-12-31')).toBeUndefined();
    expect(termPeriodOn(northstar.term!, '2030-01-01', 1)).toBeUndefined();
  });
});
