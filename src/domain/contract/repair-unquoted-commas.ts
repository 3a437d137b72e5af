import { isPair, isScalar, isSeq, visit, type Document, type LineCounter, type Pair } from 'yaml';
import type { Problem } from '../errors/supportpact-error.js';

/**
 * Inside `{ ... }`, YAML splits unquoted text at commas: `{ description: Platform, reporting
 * and account management }` reads as a description "Platform" plus a key "reporting and
 * account management" with no value. Such a key (no colon at all) right after a plain text
 * value is the rest of that text, so it is joined back and reported, never dropped.
 * Returns one note per repair, with the line and column of the joined text.
 */
export function repairUnquotedCommas(document: Document, lineCounter: LineCounter, file: string): Problem[] {
  const notes: Problem[] = [];
  visit(document, {
    Map(_, map, ancestors) {
      if (!map.flow) return;
      const kept: Pair[] = [];
      for (const pair of map.items as Pair[]) {
        const previous = kept[kept.length - 1];
        const key = pair.key;
        if (
          pair.value === null &&
          isScalar(key) &&
          key.type === 'PLAIN' &&
          typeof key.value === 'string' &&
          previous &&
          isScalar(previous.value) &&
          previous.value.type === 'PLAIN' &&
          typeof previous.value.value === 'string'
        ) {
          previous.value.value = `${previous.value.value}, ${key.value}`;
          const pos = key.range ? lineCounter.linePos(key.range[0]) : undefined;
          notes.push({
            path: [...fieldPathOf([...ancestors, map]), String(previous.key instanceof Object && isScalar(previous.key) ? previous.key.value : '')],
            message: `the text "${previous.value.value}" contains a comma inside { }, where YAML would split it; it was read as one text`,
            file,
            ...(pos ? { line: pos.line, column: pos.col } : {}),
            hint: `put it in quotes: "${previous.value.value}"`,
          });
          continue;
        }
        kept.push(pair);
      }
      if (kept.length !== map.items.length) map.items = kept;
    },
  });
  return notes;
}


/** Field path of a node from its ancestors as `visit` reports them (pairs give keys, sequences give indexes). */
function fieldPathOf(ancestors: readonly unknown[]): (string | number)[] {
  const path: (string | number)[] = [];
  ancestors.forEach((node, i) => {
    if (isPair(node) && isScalar(node.key)) path.push(String(node.key.value));
    else if (isSeq(node)) {
      const child = ancestors[i + 1];
      const index = node.items.indexOf(child as never);
      if (index >= 0) path.push(index);
    }
  });
  return path;
}
