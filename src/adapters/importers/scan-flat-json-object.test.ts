import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanFlatJsonObject } from './scan-flat-json-object.js';

const fields = new Map([
  ['ticket', 0],
  ['at', 1],
  ['kind', 2],
]);

function scan(line: string): { read: boolean; values: unknown[]; others: string[] } {
  const values: unknown[] = [undefined, undefined, undefined];
  const others: string[] = [];
  return { read: scanFlatJsonObject(line, fields, values, others), values, others };
}

/** What JSON.parse gives for the same line, in the scanner's terms; undefined when it throws. */
function parsed(line: string): { values: unknown[]; others: string[] } | undefined {
  let object: unknown;
  try {
    object = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof object !== 'object' || object === null || Array.isArray(object)) return undefined;
  const record = object as Record<string, unknown>;
  return { values: [record.ticket, record.at, record.kind], others: Object.keys(record).filter((key) => !fields.has(key)) };
}

describe('scanFlatJsonObject', () => {
  it('reads a flat canonical line into the field slots and names the other keys', () => {
    expect(scan('{"ticket":"T-1","at":"2027-03-01T09:15:00-08:00","kind":"created","priority":3,"open":true}')).toEqual({
      read: true,
      values: ['T-1', '2027-03-01T09:15:00-08:00', 'created'],
      others: ['priority', 'open'],
    });
  });

  it('leaves escapes, tabs, nesting, numeric keys and broken JSON to JSON.parse', () => {
    for (const line of ['{"ticket":"T\\"1"}', '{"ticket":\t"T-1"}', '{"ticket":{"id":1}}', '{"2":1,"1":2}', '{"ticket":"T-1",}', '{"ticket":01}', '{"ticket":"T-1"} x', '[1]']) {
      expect(scan(line).read, line).toBe(false);
    }
  });

  it('either declines or gives exactly what JSON.parse gives, for any line made of JSON-ish tokens (property)', () => {
    const token = fc.constantFrom('{', '}', '"ticket"', '"at"', '"kind"', '"note"', '"7"', '""', ':', ',', ' ', '"T-1"', '"é😀"', '12', '-0', '1.5e3', '01', '-', 'true', 'false', 'null', 'nul', '[', ']', '"a\\"b"', '\t');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 16 }), (tokens) => {
        const line = tokens.join('');
        const result = scan(line);
        if (result.read) expect({ values: result.values, others: result.others }).toEqual(parsed(line));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads every flat object, spaces and repeated keys included, as JSON.parse does (property)', () => {
    const pair = fc.tuple(fc.constantFrom('"ticket"', '"at"', '"kind"', '"note"', '"x y"', '""'), fc.constantFrom('"T-1"', '"2027"', '"é😀"', '12', '-0.5', '1e400', 'true', 'false', 'null', '""'), fc.constantFrom('', ' ', '  '));
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 8 }), fc.constantFrom('', ' '), (pairs, edge) => {
        const line = `${edge}{${edge}${pairs.map(([key, value, gap]) => `${key}${gap}:${gap}${value}${gap}`).join(',')}}${edge}`;
        const result = scan(line);
        expect(result.read, line).toBe(true);
        expect({ values: result.values, others: result.others }).toEqual(parsed(line));
      }),
      { numRuns: 2000 },
    );
  });
});
