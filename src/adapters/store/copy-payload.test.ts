import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeCopyText } from './copy-payload.js';

/** A slow, obviously correct reader of COPY text (the oracle for the property below). */
function decodeCopyText(text: string): (string | null)[][] {
  if (text === '') return [];
  return text
    .slice(0, -1)
    .split('\n')
    .map((line) =>
      line.split('\t').map((field) => {
        if (field === '\\N') return null;
        let out = '';
        for (let i = 0; i < field.length; i++) {
          const ch = field[i]!;
          if (ch !== '\\') {
            out += ch;
            continue;
          }
          const next = field[++i];
          out += next === 't' ? '\t' : next === 'n' ? '\n' : next === 'r' ? '\r' : next!;
        }
        return out;
      }),
    );
}

describe('encodeCopyText', () => {
  it('separates fields by tabs and rows by newlines, writes null as \\N and numbers as digits', () => {
    expect(encodeCopyText([['acme', null, 1803859200], ['b', '', -5]])).toBe('acme\t\\N\t1803859200\nb\t\t-5\n');
  });

  it('escapes backslash, tab, newline and carriage return so they cannot split a field', () => {
    expect(encodeCopyText([['C:\\temp\tx\r\ny', '\\N']])).toBe('C:\\\\temp\\tx\\r\\ny\t\\\\N\n');
  });

  it('writes nothing for no rows', () => {
    expect(encodeCopyText([])).toBe('');
  });

  it('reads back exactly what it wrote, for any text', () => {
    const field = fc.oneof(fc.constant(null), fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '\\', '\t', '\n', '\r', 'N', 'é', '😀') }));
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { maxLength: 5 }), (rows) => {
        expect(decodeCopyText(encodeCopyText(rows))).toEqual(rows);
      }),
    );
  });
});
