import { describe, expect, it } from 'vitest';
import { isSupportPactError } from '../errors/index.js';
import { findSustainedFailures } from './find-sustained-failure.js';
import type { MonthlyServiceLevels } from './termination-evidence.js';

/** Months with one missed service level ('p1-response'); others met. */
function months(missed: readonly string[], all: readonly string[]): MonthlyServiceLevels[] {
  return all.map((month) => (missed.includes(month) ? { month, missed: ['p1-response'], met: ['p2-response'], noData: [] } : { month, missed: [], met: ['p1-response', 'p2-response'], noData: [] }));
}
const year2027 = ['2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06', '2027-07', '2027-08', '2027-09', '2027-10', '2027-11', '2027-12'];

describe('findSustainedFailures', () => {
  it('opens on three consecutive missed months, the day after the third ends', () => {
    const [found] = findSustainedFailures(months(['2027-03', '2027-04', '2027-05'], year2027), { consecutiveMonths: 3 }, '2027-12-31');
    expect(found).toEqual({
      rule: 'consecutive-months',
      ruleText: '3 consecutive months',
      windowFrom: '2027-03',
      windowTo: '2027-05',
      months: [
        { month: '2027-03', missed: ['p1-response'] },
        { month: '2027-04', missed: ['p1-response'] },
        { month: '2027-05', missed: ['p1-response'] },
      ],
      openedOn: '2027-06-01',
    });
  });

  it('does not count a no-data month as a miss, so it breaks the run', () => {
    const evidence = months(['2027-03', '2027-05', '2027-06'], year2027).map((m) => (m.month === '2027-04' ? { month: m.month, missed: [], met: [], noData: ['p1-response', 'p2-response'] } : m));
    expect(findSustainedFailures(evidence, { consecutiveMonths: 3 }, '2027-12-31')).toEqual([]);
  });

  it('breaks the run at a month missing from the evidence (it crosses a year end when unbroken)', () => {
    expect(findSustainedFailures(months(['2027-11', '2027-12', '2028-01'], [...year2027, '2028-01']), { consecutiveMonths: 3 }, '2028-02-15')[0]?.openedOn).toBe('2028-02-01');
    const gap = months(['2027-11', '2028-01', '2028-02'], ['2027-11', '2028-01', '2028-02']);
    expect(findSustainedFailures(gap, { consecutiveMonths: 3 }, '2028-03-15')).toEqual([]);
  });

  it('opens on 4 missed months within any 6 consecutive months, without 3 in a row', () => {
    const evidence = months(['2027-02', '2027-03', '2027-05', '2027-06'], year2027);
    const found = findSustainedFailures(evidence, { consecutiveMonths: 3, monthsOutOf: [4, 6] }, '2027-12-31');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'months-out-of', ruleText: '4 of any 6 consecutive months', windowFrom: '2027-01', windowTo: '2027-06', openedOn: '2027-07-01' });
    expect(found[0]!.months.map((m) => m.month)).toEqual(['2027-02', '2027-03', '2027-05', '2027-06']);
  });

  it('needs the k misses inside one window of n months: 4 misses spread over 7 months are not enough', () => {
    const evidence = months(['2027-01', '2027-03', '2027-05', '2027-07'], year2027);
    expect(findSustainedFailures(evidence, { monthsOutOf: [4, 6] }, '2027-12-31')).toEqual([]);
    // A fifth miss in 2027-08 puts 03, 05, 07, 08 inside the window 2027-03..2027-08.
    const more = months(['2027-01', '2027-03', '2027-05', '2027-07', '2027-08'], year2027);
    expect(findSustainedFailures(more, { monthsOutOf: [4, 6] }, '2027-12-31')[0]).toMatchObject({ windowFrom: '2027-03', windowTo: '2027-08', openedOn: '2027-09-01' });
  });

  it('reports both rules when both are met, each the first time', () => {
    const evidence = months(['2027-01', '2027-02', '2027-03', '2027-04'], year2027);
    const found = findSustainedFailures(evidence, { consecutiveMonths: 3, monthsOutOf: [4, 6] }, '2027-12-31');
    expect(found.map((f) => [f.rule, f.openedOn])).toEqual([
      ['consecutive-months', '2027-04-01'],
      ['months-out-of', '2027-05-01'],
    ]);
  });

  it('ignores a month that is not over on asOf', () => {
    const evidence = months(['2027-04', '2027-05', '2027-06'], year2027);
    expect(findSustainedFailures(evidence, { consecutiveMonths: 3 }, '2027-06-30')).toEqual([]);
    expect(findSustainedFailures(evidence, { consecutiveMonths: 3 }, '2027-07-01')[0]?.openedOn).toBe('2027-07-01');
  });

  it('rejects a malformed or repeated month, naming the record', () => {
    try {
      findSustainedFailures([...months([], ['2027-01']), { month: '2027-01', missed: [], met: [], noData: [] }, { month: '2027-13', missed: [], met: [], noData: [] }], { consecutiveMonths: 2 }, '2027-12-31');
      expect.unreachable();
    } catch (error) {
      expect(isSupportPactError(error) && error.code).toBe('IMPORT_INVALID');
      expect(isSupportPactError(error) && error.problems.map((p) => p.path?.join('.'))).toEqual(['monthlyServiceLevels.1.month', 'monthlyServiceLevels.2.month']);
    }
  });
});
