import { describe, expect, it } from 'vitest';
import { expandForecast, forecastFromHistory } from './expand-forecast.js';
import { parseForecast } from './parse-forecast.js';

describe('expandForecast', () => {
  it('grows volumes monthly compounded and applies seasonality by calendar month (1,000 at 12% a year, January 1.10: month 13 is 1,232)', () => {
    const f = parseForecast('forecast: 1\nstart: 2027-01\nmonths: 13\nvolumes: { P3: { email: 1000 } }\ngrowth: { rate: "12%", per: year }\nseasonality: { jan: "1.10" }\n', 'f.yaml');
    const model = expandForecast(f, 'f.yaml');
    expect(model.months[0]).toBe('2027-01');
    expect(model.months[12]).toBe('2028-01');
    expect(model.expected[0]).toEqual([1100]); // 1,000 × 1.10
    expect(model.expected[6]).toEqual([1058]); // 1,000 × 1.12^(6/12) = 1,058.3
    expect(model.expected[12]).toEqual([1232]); // 1,000 × 1.12 × 1.10
    expect(model.assumptions.join(' ')).toContain('grow 12% per year');
  });

  it('rounds each month once and spreads it over the cells so they add up to the rounded total', () => {
    const f = parseForecast('forecast: 1\nstart: 2027-01\nmonths: 2\nvolumes: { P1: { phone: 0.4, chat: 0.4 }, P2: { email: 0.4 } }\n', 'f.yaml');
    const model = expandForecast(f, 'f.yaml');
    // 1.2 tickets a month round to 1 in total, not 0 + 0 + 0.
    expect(model.expected[0]!.reduce((a, b) => a + b, 0)).toBe(1);
    expect(model.cells).toEqual([{ priority: 'P1', channel: 'phone' }, { priority: 'P1', channel: 'chat' }, { priority: 'P2', channel: 'email' }]);
  });

  it('shrinks volumes with a negative monthly rate', () => {
    const f = parseForecast('forecast: 1\nstart: 2027-11\nmonths: 3\nvolumes: { P3: 1000 }\ngrowth: { rate: "-10%", per: month }\n', 'f.yaml');
    const model = expandForecast(f, 'f.yaml');
    expect(model.months).toEqual(['2027-11', '2027-12', '2028-01']);
    expect(model.expected.map((row) => row[0])).toEqual([1000, 900, 810]);
  });
});

describe('forecastFromHistory', () => {
  it("keeps history's months and counts and takes the monthly spread from the history itself", () => {
    const model = forecastFromHistory({ contractId: 'uci', months: ['2016-03', '2016-04', '2016-05'], cells: [{ priority: '3 - Moderate', channel: 'phone' }], counts: [[8995], [7934], [7508]] });
    expect(model.expected).toEqual([[8995], [7934], [7508]]);
    // mean 8,145.67, sample standard deviation 765.6: 9.4%
    expect(model.monthlyCv).toBeCloseTo(0.094, 3);
    expect(model.levelCv).toBe(0);
    expect(model.basis).toBe('stored tickets of uci'); // the months are shown beside it, from model.months
  });
});
