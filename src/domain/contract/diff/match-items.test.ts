import { describe, expect, it } from 'vitest';
import { matchByPosition, matchItems, matchRecords, pairLeftovers } from './match-items.js';

describe('matchItems', () => {
  it('pairs by key in old order, then items only in the new list', () => {
    const keys = matchItems([{ id: 'a' }, { id: 'b' }], [{ id: 'c' }, { id: 'b' }], (x) => x.id).map((m) => [m.key, !!m.old, !!m.new]);
    expect(keys).toEqual([['a', true, false], ['b', true, true], ['c', false, true]]);
  });

  it('numbers a repeated key so each occurrence still pairs', () => {
    expect(matchItems([{ by: 'client' }, { by: 'client' }], [{ by: 'client' }], (x) => x.by).map((m) => [m.key, !!m.new])).toEqual([['client', true], ['client#2', false]]);
  });
});

describe('matchRecords and matchByPosition', () => {
  it('pair mappings by key and bands by index', () => {
    expect(matchRecords({ P1: 1 }, { P1: 2, P2: 3 })).toEqual([{ key: 'P1', old: 1, new: 2 }, { key: 'P2', new: 3 }]);
    expect(matchByPosition([10, 20], [10])).toEqual([{ key: '0', old: 10, new: 10 }, { key: '1', old: 20 }]);
  });
});

describe('pairLeftovers', () => {
  const rule = (family: string, threshold: string) => ({ family, threshold });
  const key = (r: { family: string; threshold: string }): string => `${r.family}:${r.threshold}`;

  it('joins the one old-only and one new-only item of a family into a changed pair', () => {
    const matches = matchItems([rule('a', '1'), rule('b', '9')], [rule('a', '2'), rule('b', '9')], key);
    expect(pairLeftovers(matches, (r) => r.family)).toEqual([
      { key: 'a', old: rule('a', '1'), new: rule('a', '2') },
      { key: 'b:9', old: rule('b', '9'), new: rule('b', '9') },
    ]);
  });

  it('leaves a family alone when it is ambiguous which band became which', () => {
    const matches = matchItems([rule('a', '1'), rule('a', '2')], [rule('a', '3')], key);
    expect(pairLeftovers(matches, (r) => r.family)).toEqual(matches);
  });
});
