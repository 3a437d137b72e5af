import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { money } from '../money/index.js';
import { canonicalJson, digestOf, toJsonValue } from './settlement-json.js';

describe('toJsonValue', () => {
  it('writes Money as a decimal string in its currency scale, and drops undefined members', () => {
    expect(toJsonValue({ a: money(400000n, 'USD'), b: money(-5n, 'JPY'), c: money(1234n, 'KWD'), d: undefined, e: [1n] })).toEqual({ a: '4000.00', b: '-5', c: '1.234', e: ['1'] });
  });

  it('refuses values JSON cannot hold', () => {
    expect(() => toJsonValue({ f: () => 1 })).toThrow(TypeError);
    expect(() => toJsonValue(Number.NaN)).toThrow(TypeError);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and adds no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, { d: 'x', c: 2 }] })).toBe('{"a":[true,null,{"c":2,"d":"x"}],"b":1}');
  });
});

describe('digestOf', () => {
  it('is the SHA-256 of the canonical JSON, whatever the key order', () => {
    const text = '{"amount":"4000.00","month":"2027-03"}';
    const expected = `sha256:${createHash('sha256').update(text).digest('hex')}`;
    expect(digestOf({ month: '2027-03', amount: money(400000n, 'USD') })).toBe(expected);
    expect(digestOf({ amount: money(400000n, 'USD'), month: '2027-03' })).toBe(expected);
  });
});
