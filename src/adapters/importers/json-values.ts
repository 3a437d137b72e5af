/** Small readers for untyped JSON from exports. */

export type JsonObject = Readonly<Record<string, unknown>>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An id or name as text: strings trimmed, finite numbers written out; anything else undefined. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Like `textOf`, but a string is kept exactly as written (raw priorities); blank is undefined. */
export function rawTextOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  return textOf(value);
}

/** An array field's entries, or an empty list when the field is absent or not an array. */
export function arrayOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export interface Grouped {
  readonly groups: Map<string, { readonly item: JsonObject; readonly index: number }[]>;
  /** Indexes of entries that are not objects or lack the key: the caller reports each. */
  readonly orphans: readonly number[];
}

/** Groups the objects of an array by the text of one field: `groupBy(audits, 'ticket_id')`. */
export function groupBy(items: readonly unknown[], key: string): Grouped {
  const groups = new Map<string, { item: JsonObject; index: number }[]>();
  const orphans: number[] = [];
  items.forEach((item, index) => {
    const id = isJsonObject(item) ? textOf(item[key]) : undefined;
    if (id === undefined) {
      orphans.push(index);
      return;
    }
    const list = groups.get(id);
    if (list) list.push({ item: item as JsonObject, index });
    else groups.set(id, [{ item: item as JsonObject, index }]);
  });
  return { groups, orphans };
}
