import { formatInstantUtc } from '../../domain/time/index.js';

/** Keys holding an instant in epoch seconds, by the project's naming rule (`at`, `...At`, `asOf`). */
function isInstantKey(key: string): boolean {
  return key === 'at' || key === 'asOf' || /[a-z0-9]At$/.test(key);
}

/**
 * A use-case result as API JSON: instants (`at`, `createdAt`, `dueAt`, `asOf`: epoch seconds) become
 * ISO-8601 UTC strings and `undefined` becomes `null`, so every field is present.
 * `toApiJson({ dueAt: 0, stoppedAt: undefined })` is `{ dueAt: '1970-01-01T00:00:00Z', stoppedAt: null }`.
 */
export function toApiJson(value: unknown, key = ''): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return isInstantKey(key) && Number.isFinite(value) ? formatInstantUtc(value) : value;
  // A list under an instant key (`solvedAt: [..]`) holds instants too.
  if (Array.isArray(value)) return value.map((item) => toApiJson(item, key));
  if (value instanceof Set) return [...value].map((item) => toApiJson(item));
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), toApiJson(v, String(k))]));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toApiJson(v, k);
    return out;
  }
  return value;
}
