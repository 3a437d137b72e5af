import { describe, expect, it } from 'vitest';
import { isSupportPactError } from '../errors/index.js';
import { chooseDataMonths, countCreatedByMonth } from './choose-data-months.js';

const uci = new Map([
  ['2016-02', 207],
  ['2016-03', 8995],
  ['2016-04', 7934],
  ['2016-05', 7508],
  ['2016-06', 5],
  ['2016-09', 12],
]);

describe('chooseDataMonths', () => {
  it('leaves out edge months with under a tenth of the busiest month, and says which', () => {
    const chosen = chooseDataMonths(uci);
    expect(chosen.months).toEqual(['2016-03', '2016-04', '2016-05']);
    expect(chosen.leftOut.map((l) => l.month)).toEqual(['2016-02', '2016-06', '2016-07', '2016-08', '2016-09']);
    expect(chosen.notes[0]).toContain('2016-02 (207 tickets)');
  });

  it('uses a range given explicitly as it is, thin months and empty months included', () => {
    expect(chooseDataMonths(uci, { from: '2016-02', to: '2016-07' }).months).toEqual(['2016-02', '2016-03', '2016-04', '2016-05', '2016-06', '2016-07']);
    expect(chooseDataMonths(uci, { from: '2016-02' }).months).toEqual(['2016-02', '2016-03', '2016-04', '2016-05']);
  });

  it('refuses a reversed range, a malformed month and data without tickets', () => {
    for (const call of [() => chooseDataMonths(uci, { from: '2016-05', to: '2016-03' }), () => chooseDataMonths(uci, { to: '2016-13' }), () => chooseDataMonths(new Map())]) {
      try {
        call();
        expect.unreachable();
      } catch (error) {
        expect(isSupportPactError(error) && error.code).toBe('USAGE');
      }
    }
  });
});

describe('countCreatedByMonth', () => {
  it('counts by local month: 2016-03-31 23:30 in Sao Paulo is still March (02:30 UTC on 1 April)', () => {
    const counts = countCreatedByMonth([Date.parse('2016-04-01T02:30:00Z') / 1000, Date.parse('2016-04-01T03:30:00Z') / 1000], 'America/Sao_Paulo');
    expect([...counts]).toEqual([['2016-03', 1], ['2016-04', 1]]);
  });
});
