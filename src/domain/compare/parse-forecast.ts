import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { suggestClosest } from '../contract/did-you-mean.js';
import { locatePath } from '../contract/locate.js';
import { knownKeysAt } from '../contract/schema-keys.js';
import { SupportPactError, type ErrorCode, type FieldPath, type Problem } from '../errors/index.js';
import type { ArrivalRange, Forecast } from './forecast-types.js';
import { forecastSchema, monthKeys, type ForecastFile } from './forecast-schema.js';

/**
 * The code a malformed forecast file throws. The catalogue has no FORECAST_INVALID yet, so a
 * bad `--forecast` is a usage error (exit 2, HTTP 400); each problem still says file:line:col.
 */
export const forecastErrorCode: ErrorCode = 'USAGE';

/** Largest forecast file read: a forecast is a few kilobytes. */
export const maxForecastBytes = 1_000_000;

const dayIndex: Record<string, number> = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 };

function fail(file: string, problems: Problem[]): never {
  const sorted = [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  throw new SupportPactError(forecastErrorCode, `${file} has ${sorted.length === 1 ? 'a problem' : `${sorted.length} problems`}`, {
    problems: sorted.map((p) => ({ ...p, hint: p.hint ?? 'docs/forecast-format.md describes the format; examples/forecast.yaml is a complete example' })),
    details: { file },
  });
}

function valueAt(data: unknown, path: FieldPath): unknown {
  let current = data;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[String(part)];
  }
  return current;
}

function problemsOf(issues: readonly z.core.$ZodIssue[], data: unknown, file: string, locate: (p: FieldPath) => object): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path as (string | number)[];
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(forecastSchema, path);
      for (const key of issue.keys) {
        const suggestion = suggestClosest(key, known);
        problems.push({ message: `unknown key "${key}"`, path: [...path, key], file, ...locate([...path, key]), expected: `one of ${known.join(', ')}`, hint: suggestion ? `did you mean "${suggestion}"?` : 'remove it; unknown keys are never ignored' });
      }
      continue;
    }
    const params = (issue as { params?: { expected?: string } }).params;
    const missing = valueAt(data, path) === undefined;
    const message = missing && !issue.message.startsWith('missing') ? `missing required field "${String(path[path.length - 1])}"` : issue.message;
    problems.push({ message, path, file, ...locate(path), ...(params?.expected ? { expected: params.expected } : {}) });
  }
  return problems;
}

function daysOf(key: string): number[] {
  const [from = 'mon', to = from] = key.split('-');
  const days: number[] = [];
  // A range may wrap past Sunday: sat-mon is Saturday, Sunday and Monday.
  for (let d = dayIndex[from]!; ; d = (d + 1) % 7) {
    days.push(d);
    if (d === dayIndex[to]) break;
  }
  return days;
}

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function arrivalRanges(arrivals: NonNullable<ForecastFile['arrivals']>): ArrivalRange[] {
  const ranges: ArrivalRange[] = [];
  for (const [dayKey, byRange] of Object.entries(arrivals)) {
    for (const [range, weight] of Object.entries(byRange)) {
      ranges.push({ days: daysOf(dayKey), fromMinute: minutesOf(range.slice(0, 5)), toMinute: minutesOf(range.slice(6, 11)), weight });
    }
  }
  return ranges;
}

/**
 * Parses and checks forecast YAML: `parseForecast(text, 'examples/forecast.yaml')` returns the
 * forecast (start 2027-01, 36 months, volumes by priority and channel, ...), or throws with one
 * located problem per fault, e.g. `forecast.yaml:7:3: growth.rate: found "8"; expected a quoted
 * percentage ...`.
 */
export function parseForecast(text: string, file: string): Forecast {
  if (text.length > maxForecastBytes) fail(file, [{ message: `the file is ${text.length.toLocaleString('en-US')} characters; a forecast is at most ${maxForecastBytes.toLocaleString('en-US')}`, file, line: 1, column: 1 }]);
  if (text.trim() === '') fail(file, [{ message: 'the file is empty; start with `forecast: 1`', file, line: 1, column: 1 }]);
  const lineCounter = new LineCounter();
  const document: Document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, version: '1.2' });
  if (document.errors.length > 0) {
    fail(file, document.errors.map((error) => {
      const pos = lineCounter.linePos(error.pos[0]);
      return { message: (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+.*$/, ''), file, line: pos.line, column: pos.col };
    }));
  }
  const data: unknown = document.toJS({ maxAliasCount: 100 });
  const locate = (path: FieldPath): object => locatePath(document, lineCounter, path) ?? {};
  if (data === null || typeof data !== 'object' || Array.isArray(data)) fail(file, [{ message: 'a forecast is a mapping that starts with `forecast: 1`', file, line: 1, column: 1 }]);
  const parsed = forecastSchema.safeParse(data);
  if (!parsed.success) fail(file, problemsOf(parsed.error.issues, data, file, locate));
  const f = parsed.data;

  const volumes: Record<string, Record<string, number>> = {};
  for (const [priority, byChannel] of Object.entries(f.volumes)) volumes[priority] = typeof byChannel === 'number' ? { unspecified: byChannel } : { ...byChannel };
  if (Object.keys(volumes).length === 0) fail(file, [{ message: 'volumes lists no priority', path: ['volumes'], file, ...locate(['volumes']), hint: 'write volumes: { P1: { phone: 10 }, P3: { email: 200 } }' }]);
  const performance = f.performance;
  return {
    title: f.title,
    startMonth: f.start,
    months: f.months,
    volumes,
    growth: f.growth ? { fraction: f.growth.rate, per: f.growth.per } : undefined,
    seasonality: monthKeys.map((m) => f.seasonality?.[m] ?? 1),
    uncertainty: { levelFraction: f.uncertainty?.level?.fraction ?? '0', monthlyFraction: f.uncertainty?.monthly?.fraction ?? '0' },
    arrivals: f.arrivals ? arrivalRanges(f.arrivals) : undefined,
    performance: performance
      ? {
          missFraction: performance.missProbability.fraction,
          bonusFraction: performance.bonusProbability?.fraction ?? '0',
          byProposal: Object.fromEntries(Object.entries(performance.proposals ?? {}).map(([id, byMeasure]) => [id, Object.fromEntries(Object.entries(byMeasure).map(([m, p]) => [m, p.fraction]))])),
          source: `${file} (performance)`,
        }
      : undefined,
  };
}
