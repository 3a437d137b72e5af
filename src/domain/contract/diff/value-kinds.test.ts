import { describe, expect, it } from 'vitest';
import { parseDuration, type Duration } from '../../time/duration.js';
import { hoursKind, compareCalendarOpenness } from './diff-general.js';
import { amountKind, compareDurations, percentKind, setKind } from './value-kinds.js';
import { percentTextToFraction } from '../values.js';

const d = (text: string): Duration => parseDuration(text) as Duration;
const pct = (text: string) => ({ text, fraction: percentTextToFraction(text) });

describe('compareDurations', () => {
  it.each([
    ['8h', '480m', 0],
    ['1h', '3600s', 0],
    ['1y', '12mo', 0],
    ['24h', '1d', 0],
    ['2bd', '3bd', -1],
    ['45d', '1mo', 1],
    ['27d', '1mo', -1],
    ['13mo', '1y', 1],
  ])('%s against %s is %s', (a, b, expected) => {
    expect(compareDurations(d(a), d(b))).toBe(expected);
    expect(compareDurations(d(b), d(a))).toBe(-expected || 0);
  });

  it.each([
    ['1bd', '8h'],
    ['30d', '1mo'],
    ['365d', '1y'],
    ['5bd', '5d'],
  ])('does not order %s and %s: they differ in meaning, not only in size', (a, b) => {
    expect(compareDurations(d(a), d(b))).toBeUndefined();
  });
});

describe('amountKind and percentKind', () => {
  it('compare by value, not by how the number is written', () => {
    expect(amountKind('USD').compare('18.00', '18.0')).toBe(0);
    expect(amountKind('USD').compare('18.00', '18.01')).toBe(-1);
    expect(amountKind('USD').format('1500000.00')).toBe('USD 1,500,000.00');
    expect(percentKind.compare(pct('99.9%'), pct('99.90%'))).toBe(0);
    expect(percentKind.compare(pct('99.9%'), pct('99%'))).toBe(1);
  });
});

describe('setKind', () => {
  const kind = setKind((s) => s.toLowerCase());

  it('ignores order, repeats and (here) case, and orders a strict superset above', () => {
    expect(kind.compare(['a', 'B'], ['b', 'A', 'a'])).toBe(0);
    expect(kind.compare(['a'], ['a', 'c'])).toBe(-1);
    expect(kind.compare(['a', 'c'], ['a'])).toBe(1);
    expect(kind.compare(['a', 'b'], ['a', 'c'])).toBeUndefined();
  });

  it('says what was added and removed', () => {
    expect(kind.describeChange?.(['a', 'b'], ['a', 'c', 'd'])).toBe('added c, d; removed b');
  });
});

describe('hoursKind', () => {
  it('reads the same open minutes written two ways as equal', () => {
    expect(hoursKind.compare({ 'mon-fri': ['08:00-18:00'] }, { mon: ['08:00-12:00', '12:00-18:00'], 'tue-fri': ['08:00-18:00'] })).toBe(0);
  });

  it('orders added hours above and shifted hours not at all', () => {
    expect(hoursKind.compare({ 'mon-fri': ['08:00-18:00'] }, { 'mon-fri': ['08:00-18:00'], sat: ['09:00-13:00'] })).toBe(-1);
    expect(hoursKind.compare({ 'mon-fri': ['08:00-18:00'] }, { 'mon-fri': ['09:00-19:00'] })).toBeUndefined();
  });

  it('runs a shift past midnight into the next day, and Sunday night into Monday', () => {
    expect(hoursKind.compare({ sun: ['22:00-06:00'] }, { sun: ['22:00-24:00'], mon: ['00:00-06:00'] })).toBe(0);
  });
});

describe('compareCalendarOpenness', () => {
  const base = { timezone: 'America/Los_Angeles', hours: { 'mon-fri': ['08:00-18:00'] }, holidays: ['US-CA'] };

  it('counts fewer holidays and longer hours as more open, and mixed moves as unclear', () => {
    expect(compareCalendarOpenness(base, { ...base, holidays: [] })).toBe(-1);
    expect(compareCalendarOpenness(base, { ...base, closures: ['2027-12-24'] })).toBe(1);
    expect(compareCalendarOpenness(base, { ...base, hours: { 'mon-sun': ['08:00-18:00'] }, closures: ['2027-12-24'] })).toBeUndefined();
    expect(compareCalendarOpenness(base, { ...base, timezone: 'America/New_York' })).toBeUndefined();
  });
});
