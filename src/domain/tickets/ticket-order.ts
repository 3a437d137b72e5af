/**
 * The one order of ticket ids and event ids everywhere: by Unicode code point, which is the
 * byte order of their UTF-8 and so the order of PostgreSQL's "C" collation, in which the store
 * keys, sorts and cuts lists. JavaScript's `<` compares UTF-16 code units instead, which
 * differs when one string has a character above U+FFFF (a surrogate pair, from U+D800) where
 * the other has one from U+E000 to U+FFFF: `'😀' < '\uFFEF'` is true, yet U+1F600 sorts last.
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate starts a code point above U+FFFF: after any single unit, U+E000-U+FFFF too.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    return xs === ys ? x - y : xs ? 1 : -1;
  }
  return a.length - b.length;
}
