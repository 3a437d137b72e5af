import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../app/ports/index.js';
import { canonicalJson, genesisHash, hashAuditEntry, type AuditHashInput } from './audit-hash.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth, keeps array order and drops undefined members', () => {
    const value = { b: 1, a: [true, null, { d: 'x', c: 2 }], e: undefined } as unknown as JsonValue;
    expect(canonicalJson(value)).toBe('{"a":[true,null,{"c":2,"d":"x"}],"b":1}');
  });

  it('gives the same text whatever order the keys were written in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed as JsonValue)).toBe(canonicalJson(record as JsonValue));
      }),
    );
  });

  it('is stable through a JSON round trip (what jsonb storage does to a payload)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value as JsonValue);
        expect(canonicalJson(JSON.parse(text) as JsonValue)).toBe(text);
      }),
    );
  });

  it('refuses numbers JSON cannot hold', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(RangeError);
  });
});

describe('hashAuditEntry', () => {
  const entry: AuditHashInput = { seq: 1, contractId: null, at: 1803859200, actor: 'cli:alice', action: 'store.created', subject: 'store', payload: null };

  it('is SHA-256 of the previous hash followed by the canonical JSON of the entry', () => {
    const body = '{"action":"store.created","actor":"cli:alice","at":1803859200,"contractId":null,"payload":null,"seq":1,"subject":"store"}';
    expect(hashAuditEntry(genesisHash, entry)).toBe(createHash('sha256').update(genesisHash + body).digest('hex'));
  });

  it('changes when any field or the link changes', () => {
    const base = hashAuditEntry(genesisHash, entry);
    const variants: AuditHashInput[] = [
      { ...entry, seq: 2 },
      { ...entry, contractId: 'acme' },
      { ...entry, at: entry.at + 1 },
      { ...entry, actor: 'cli:bob' },
      { ...entry, action: 'store.opened' },
      { ...entry, subject: 'store2' },
      { ...entry, payload: {} },
    ];
    for (const variant of variants) expect(hashAuditEntry(genesisHash, variant)).not.toBe(base);
    expect(hashAuditEntry('f'.repeat(64), entry)).not.toBe(base);
  });
});
