/**
 * Settlement documents as JSON, and the canonical form their digests are taken over.
 * Money becomes a plain decimal string in its currency's scale (`{ minor: 400000n,
 * currency: 'USD' }` -> `"4000.00"`): JSON has no bigint, and a float would lose cents.
 */
import { formatMoney, type Money } from '../money/index.js';
import { sha256Hex } from './sha256.js';

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

function isMoney(value: object): value is Money {
  const record = value as Record<string, unknown>;
  return typeof record['minor'] === 'bigint' && typeof record['currency'] === 'string' && Object.keys(record).length === 2;
}

/** Sorted keys per key list: settlement data has a few dozen shapes, each met thousands of times. */
const sortedKeysCache = new Map<string, string[]>();
function sortedKeys(record: object): string[] {
  const keys = Object.keys(record);
  const id = keys.join('\u0000');
  let sorted = sortedKeysCache.get(id);
  if (!sorted) {
    sorted = [...keys].sort();
    if (sortedKeysCache.size < 10_000) sortedKeysCache.set(id, sorted);
  }
  return sorted;
}

/**
 * Plain JSON data, keys in their original order, `undefined` members dropped:
 * `toJsonValue({ amount: money(400000n, 'USD'), n: 3n })` is `{ amount: '4000.00', n: '3' }`.
 * Throws a TypeError on functions, symbols and non-finite numbers (nothing here should hold them).
 */
export function toJsonValue(value: unknown): JsonValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`not a JSON number: ${value}`);
      return value;
    case 'bigint':
      return value.toString();
    case 'undefined':
      return null;
    case 'object': {
      if (value === null) return null;
      if (Array.isArray(value)) return value.map((item) => toJsonValue(item));
      if (isMoney(value)) return formatMoney(value, 'plain');
      const out: Record<string, JsonValue> = {};
      for (const [key, member] of Object.entries(value)) {
        if (member !== undefined) out[key] = toJsonValue(member);
      }
      return out;
    }
    default:
      throw new TypeError(`cannot write a ${typeof value} as JSON`);
  }
}

/**
 * JSON with object keys sorted by UTF-16 code units and no whitespace, so equal data always
 * gives equal text: `canonicalJson({ b: 1, a: [true, null] })` is `{"a":[true,null],"b":1}`.
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item: JsonValue) => canonicalJson(item)).join(',')}]`;
  const record = value as { readonly [key: string]: JsonValue };
  const members = Object.keys(record)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key] as JsonValue)}`);
  return `{${members.join(',')}}`;
}

/** Canonical JSON straight from settlement data (Money as decimal strings), without building the JSON value first. */
function canonicalOf(value: unknown): string {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`not a JSON number: ${value}`);
      return JSON.stringify(value);
    case 'bigint':
      return `"${value.toString()}"`;
    case 'undefined':
      return 'null';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let text = '[';
        for (let i = 0; i < value.length; i++) text += (i > 0 ? ',' : '') + canonicalOf(value[i]);
        return `${text}]`;
      }
      if (typeof (value as { minor?: unknown }).minor === 'bigint' && isMoney(value)) return `"${formatMoney(value, 'plain')}"`;
      const record = value as Record<string, unknown>;
      let text = '{';
      for (const key of sortedKeys(record)) {
        const member = record[key];
        if (member === undefined) continue;
        text += `${text.length > 1 ? ',' : ''}${JSON.stringify(key)}:${canonicalOf(member)}`;
      }
      return `${text}}`;
    }
    default:
      throw new TypeError(`cannot write a ${typeof value} as JSON`);
  }
}

/**
 * `sha256:` and the hex SHA-256 of the value's canonical JSON (`canonicalJson(toJsonValue(value))`):
 * the digest an auditor recomputes from the same inputs. `sha256` may be a native implementation
 * (an adapter's `node:crypto`, about ten times faster); it must return lower-case hex.
 * `digestOf({ a: 1 })` is `sha256:015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862`.
 */
export function digestOf(value: unknown, sha256: (text: string) => string = sha256Hex): string {
  return `sha256:${sha256(canonicalOf(value))}`;
}
