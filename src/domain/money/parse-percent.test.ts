import { describe, expect, it } from 'vitest';
import { formatPercent, parsePercent, tryParsePercent } from './parse-percent.js';

describe('parsePercent', () => {
  it('turns a percentage string into an exact fraction', () => {
    expect(parsePercent('99.9%').toFixed()).toBe('0.999');
    expect(parsePercent('1.5%').toFixed()).toBe('0.015');
    expect(parsePercent('0%').toFixed()).toBe('0');
    expect(parsePercent('99.999%').toFixed()).toBe('0.99999');
    expect(parsePercent(' 12 % ').toFixed()).toBe('0.12');
  });

  it('requires the percent sign rather than guessing what "1.5" means', () => {
    expect(() => parsePercent('1.5')).toThrow('rate "1.5" has no percent sign: write it as a percentage: "1.5%" (or "150%" if 1.5 is a fraction)');
  });

  it('rejects numbers, commas and exponents with percentage suggestions', () => {
    expect(() => parsePercent(0.5)).toThrow('"0.5%"');
    expect(() => parsePercent('1,5%')).toThrow('write "1.5%"');
    expect(() => parsePercent('1e1%')).toThrow('write "10%"');
  });

  it('rejects negatives unless allowed, and enforces a maximum when given', () => {
    expect(() => parsePercent('-1%')).toThrow('is negative');
    expect(parsePercent('-1%', { sign: 'any' }).toFixed()).toBe('-0.01');
    expect(() => parsePercent('100.01%', { maxPercent: 100, label: 'credit' })).toThrow('credit "100.01%" is above 100%');
    expect(parsePercent('100%', { maxPercent: 100 }).toFixed()).toBe('1');
  });
});

describe('tryParsePercent', () => {
  it('returns problems as a value with their location', () => {
    const result = tryParsePercent('abc%', { at: { path: ['serviceLevels', 0, 'target'] } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.path).toEqual(['serviceLevels', 0, 'target']);
  });
});

describe('formatPercent', () => {
  it('writes a fraction back as the percentage a contract would show', () => {
    expect(formatPercent(parsePercent('99.9%'))).toBe('99.9%');
    expect(formatPercent(parsePercent('0%'))).toBe('0%');
  });
});
