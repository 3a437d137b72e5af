/** The audit chain's hashing: canonical JSON and SHA-256 links. */
import { createHash } from 'node:crypto';
import type { JsonValue } from '../../app/ports/index.js';

export const genesisHash = '0'.repeat(64);

/**
 * JSON with object keys sorted (by UTF-16 code units), no whitespace and `undefined` members
 * dropped, so equal values always give equal text: `{b:1,a:[true,null]}` -> `{"a":[true,null],"b":1}`.
 */
export function canonicalJson(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`not a JSON number: ${value}`);
    return JSON.stringify(value);
  }
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item: JsonValue) => canonicalJson(item)).join(',')}]`;
  const record = value as { readonly [key: string]: JsonValue | undefined };
  const members = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${members.join(',')}}`;
}

/** The hashed content of one entry; `contractId` is null for installation-wide entries. */
export interface AuditHashInput {
  readonly seq: number;
  readonly contractId: string | null;
  readonly at: number;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly payload: JsonValue;
}

/** SHA-256 hex of `prevHash` followed by the entry's canonical JSON. */
export function hashAuditEntry(prevHash: string, entry: AuditHashInput): string {
  const body = canonicalJson({
    seq: entry.seq,
    contractId: entry.contractId,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject,
    payload: entry.payload,
  });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}
