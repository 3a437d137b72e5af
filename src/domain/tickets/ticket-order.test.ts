import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints } from './ticket-order.js';

const codePoint = fc
  .integer({ min: 0, max: 0x10ffff })
  .filter((n) => n < 0xd800 || n > 0xdfff)
  .map((n) => String.fromCodePoint(n));

describe('compareCodePoints', () => {
  it('orders any two strings as their UTF-8 bytes do, as PostgreSQL\'s "C" collation does (property)', () => {
    const unicode = fc.string({ unit: fc.oneof(fc.constantFrom('a', 'z', '\u00e9', '\ud7ff', '\ue000', '\uffef', '😀', '𝄞'), codePoint), maxLength: 5 });
    fc.assert(
      fc.property(unicode, unicode, (a, b) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))));
      }),
    );
  });

  it('puts a character above U+FFFF after U+E000-U+FFFF, where UTF-16 order puts it before', () => {
    expect('😀' < '\uffef').toBe(true);
    expect(compareCodePoints('😀', '\uffef')).toBeGreaterThan(0);
  });
});
