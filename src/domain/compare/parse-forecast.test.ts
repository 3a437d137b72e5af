import { describe, expect, it } from 'vitest';
import { isSupportPactError, type SupportPactError } from '../errors/index.js';
import { parseForecast } from './parse-forecast.js';
import { readForecastExample } from './test-support/compare-fixtures.js';

function problemsOf(text: string): SupportPactError {
  try {
    parseForecast(text, 'f.yaml');
  } catch (error) {
    if (isSupportPactError(error)) return error;
    throw error;
  }
  throw new Error('expected the forecast to be rejected');
}

const minimal = 'forecast: 1\nstart: 2027-01\nmonths: 12\nvolumes:\n  P1: { phone: 10 }\n';

describe('parseForecast', () => {
  it('reads the example forecast: start, months, volumes by priority and channel, growth, seasonality, uncertainty, arrivals and performance', () => {
    const f = parseForecast(readForecastExample(), 'examples/forecast.yaml');
    expect(f.startMonth).toBe('2027-01');
    expect(f.months).toBe(36);
    expect(f.volumes['P1']).toEqual({ phone: 14, chat: 4, email: 2 });
    expect(f.growth).toEqual({ fraction: '0.08', per: 'year' });
    expect(f.seasonality[0]).toBe(1.1); // jan
    expect(f.seasonality[2]).toBe(1); // mar, not given
    expect(f.uncertainty).toEqual({ levelFraction: '0.15', monthlyFraction: '0.08' });
    expect(f.arrivals?.[0]).toEqual({ days: [0, 1, 2, 3, 4], fromMinute: 0, toMinute: 420, weight: 3 });
    expect(f.performance?.missFraction).toBe('0.05');
    expect(f.performance?.byProposal['acme-northstar-2027']).toEqual({ 'phone-line': '0.02' });
  });

  it('reads a bare number of tickets as a priority with no channel breakdown', () => {
    const f = parseForecast('forecast: 1\nstart: 2027-01\nmonths: 3\nvolumes:\n  P3: 250\n', 'f.yaml');
    expect(f.volumes).toEqual({ P3: { unspecified: 250 } });
    expect(f.growth).toBeUndefined();
    expect(f.uncertainty).toEqual({ levelFraction: '0', monthlyFraction: '0' });
  });

  it('reads a negative growth rate and a day range that wraps past Sunday', () => {
    const f = parseForecast(`${minimal}growth: { rate: "-5%", per: month }\narrivals:\n  sat-mon: { "22:00-06:00": 2 }\n`, 'f.yaml');
    expect(f.growth).toEqual({ fraction: '-0.05', per: 'month' });
    expect(f.arrivals).toEqual([{ days: [5, 6, 0], fromMinute: 1320, toMinute: 360, weight: 2 }]);
  });

  it('points at the line and column of a rate written as a bare number, and says how to write it', () => {
    const error = problemsOf(`${minimal}growth: { rate: 8, per: year }\n`);
    expect(error.code).toBe('USAGE');
    expect(error.problems[0]).toMatchObject({ file: 'f.yaml', line: 6, column: 11, path: ['growth', 'rate'] });
    expect(error.problems[0]!.message).toContain('write "8%"');
  });

  it('suggests the key meant by a typo and lists the keys allowed there', () => {
    const error = problemsOf(`${minimal}seasonalty: { jan: 1.1 }\n`);
    expect(error.problems[0]).toMatchObject({ message: 'unknown key "seasonalty"', line: 6, column: 1, hint: 'did you mean "seasonality"?' });
  });

  it('reports every missing required field at once', () => {
    const error = problemsOf('forecast: 1\nmonths: 0\n');
    const messages = error.problems.map((p) => p.message);
    expect(messages).toContain('missing required field "start"');
    expect(messages).toContain('missing required field "volumes"');
    expect(messages.some((m) => m.includes('from 1 to 240'))).toBe(true);
  });

  it('rejects a day key and an hours range that cannot be read, at their place in the file', () => {
    const error = problemsOf(`${minimal}arrivals:\n  weekdays: { "09:00-17:00": 1 }\n  mon: { "9-17": 1 }\n`);
    expect(error.problems.map((p) => p.path)).toEqual([['arrivals', 'weekdays'], ['arrivals', 'mon', '9-17']]);
    expect(error.problems[0]!.line).toBe(7);
  });

  it('refuses a file that is not a version-1 forecast, an empty file and broken YAML', () => {
    expect(problemsOf('forecast: 2\nstart: 2027-01\nmonths: 1\nvolumes: { P1: 1 }\n').problems[0]!.message).toContain('reads version 1');
    expect(problemsOf('  ').problems[0]!.message).toContain('empty');
    expect(problemsOf('forecast: 1\nvolumes: { P1: [\n').problems[0]!.line).toBeGreaterThan(0);
  });
});
