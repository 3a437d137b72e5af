/** One item of a list or mapping, as found in the old and the new contract. */
export interface MatchedItem<T> {
  /** The id (or condition) the item is matched by; a repeated key gets `#2`, `#3`. */
  readonly key: string;
  readonly old?: T;
  readonly new?: T;
}

function keyed<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  const counts = new Map<string, number>();
  for (const item of items) {
    const key = keyOf(item);
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    map.set(n === 1 ? key : `${key}#${n}`, item);
  }
  return map;
}

/**
 * Pairs the items of two lists by key, old order first, then items only in the new list:
 * `matchItems([{id:'a'},{id:'b'}], [{id:'b'},{id:'c'}], (x) => x.id)` gives keys a (old only),
 * b (both) and c (new only). Reordering a list changes nothing.
 */
export function matchItems<T>(oldItems: readonly T[] | undefined, newItems: readonly T[] | undefined, keyOf: (item: T) => string): MatchedItem<T>[] {
  const before = keyed(oldItems ?? [], keyOf);
  const after = keyed(newItems ?? [], keyOf);
  const keys = [...before.keys(), ...[...after.keys()].filter((k) => !before.has(k))];
  return keys.map((key) => {
    const [o, n] = [before.get(key), after.get(key)];
    return { key, ...(o !== undefined ? { old: o } : {}), ...(n !== undefined ? { new: n } : {}) };
  });
}

/** Pairs the entries of two mappings by key: `matchRecords({P1: a}, {P1: b, P2: c})` gives P1 (both) and P2 (new only). */
export function matchRecords<T>(oldRecord: Readonly<Record<string, T>> | undefined, newRecord: Readonly<Record<string, T>> | undefined): MatchedItem<T>[] {
  const toList = (r: Readonly<Record<string, T>> | undefined): [string, T][] => Object.entries(r ?? {});
  return matchItems(toList(oldRecord), toList(newRecord), ([key]) => key).map((m) => ({
    key: m.key,
    ...(m.old !== undefined ? { old: m.old[1] } : {}),
    ...(m.new !== undefined ? { new: m.new[1] } : {}),
  }));
}

/** Pairs two lists by position (price bands): item i of the old list with item i of the new one. */
export function matchByPosition<T>(oldItems: readonly T[] | undefined, newItems: readonly T[] | undefined): MatchedItem<T>[] {
  const length = Math.max(oldItems?.length ?? 0, newItems?.length ?? 0);
  return Array.from({ length }, (_, i) => {
    const [o, n] = [oldItems?.[i], newItems?.[i]];
    return { key: String(i), ...(o !== undefined ? { old: o } : {}), ...(n !== undefined ? { new: n } : {}) };
  });
}

/**
 * Joins leftovers that are one rule with a changed threshold: when exactly one old-only and one
 * new-only item share a family (`availability:phone-line:below`), they become one matched pair
 * placed where the old item was. Credit rules match by their whole condition first, so
 * "below 99.9%" and "below 99.0%" stay two bands; a lone band moved from 99.9% to 99.5% pairs here.
 */
export function pairLeftovers<T>(matches: readonly MatchedItem<T>[], familyOf: (item: T) => string): MatchedItem<T>[] {
  const olds = new Map<string, MatchedItem<T>[]>();
  const news = new Map<string, MatchedItem<T>[]>();
  for (const m of matches) {
    if (m.old && !m.new) olds.set(familyOf(m.old), [...(olds.get(familyOf(m.old)) ?? []), m]);
    if (m.new && !m.old) news.set(familyOf(m.new), [...(news.get(familyOf(m.new)) ?? []), m]);
  }
  const joined = new Map<MatchedItem<T>, MatchedItem<T>>();
  const dropped = new Set<MatchedItem<T>>();
  for (const [family, [oldOnly, ...moreOld]] of olds) {
    const [newOnly, ...moreNew] = news.get(family) ?? [];
    if (!oldOnly || !newOnly || moreOld.length > 0 || moreNew.length > 0) continue;
    joined.set(oldOnly, { key: family, ...(oldOnly.old !== undefined ? { old: oldOnly.old } : {}), ...(newOnly.new !== undefined ? { new: newOnly.new } : {}) });
    dropped.add(newOnly);
  }
  return matches.filter((m) => !dropped.has(m)).map((m) => joined.get(m) ?? m);
}
