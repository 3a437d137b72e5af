import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { FieldPath } from '../errors/supportpact-error.js';

export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/**
 * Finds where a field path sits in a YAML document. For a key that is present, the
 * position of its key; for a missing one, the position of the deepest ancestor present
 * (so "missing field" points at the mapping that lacks it).
 */
export function locatePath(document: Document, lineCounter: LineCounter, path: FieldPath): SourcePosition | undefined {
  let node: unknown = document.contents;
  let best: number | undefined = (document.contents as Node | null)?.range?.[0];
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(part));
      if (!pair) break;
      const keyNode = pair.key as Node;
      best = keyNode.range?.[0] ?? best;
      node = pair.value;
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part] as Node | undefined;
      if (!item) break;
      best = item.range?.[0] ?? best;
      node = item;
    } else {
      break;
    }
  }
  if (best === undefined) return undefined;
  const pos = lineCounter.linePos(best);
  return { line: pos.line, column: pos.col };
}

/** Position of the value (not the key) at a path, when present. */
export function locateValue(document: Document, lineCounter: LineCounter, path: FieldPath): SourcePosition | undefined {
  const node = document.getIn(path as (string | number)[], true) as Node | undefined;
  const offset = node?.range?.[0];
  if (offset === undefined) return locatePath(document, lineCounter, path);
  const pos = lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}
