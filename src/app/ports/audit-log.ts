import type { JsonValue } from './json-value.js';

export interface AuditEntryInput {
  /** Omitted for entries about the installation as a whole (a token issued, a migration). */
  readonly contractId?: string;
  /** Epoch seconds. */
  readonly at: number;
  /** Who did it: `"cli:alice"`, `"token:ops-dashboard"`. */
  readonly actor: string;
  /** What was done: `"contract.version-added"`, `"import.completed"`. */
  readonly action: string;
  /** What it was done to: `"contract:acme-helpdesk@3"`. */
  readonly subject: string;
  readonly payload?: JsonValue;
}

/**
 * A stored entry. `hash` is SHA-256 (hex) of `prevHash` followed by the canonical JSON of
 * `{seq, contractId, at, actor, action, subject, payload}`; the first entry's `prevHash` is 64 zeros.
 */
export interface AuditEntry extends AuditEntryInput {
  /** 1, 2, 3, ... with no gaps. */
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
}

/** Why an entry fails verification. */
export type AuditBreakReason =
  /** The entry's content no longer hashes to its stored hash (it was edited). */
  | 'hash-mismatch'
  /** `prevHash` is not the previous entry's hash (an entry before it was removed or replaced). */
  | 'link-mismatch'
  /** Sequence numbers jump: entries between the previous one and this one are missing. */
  | 'missing-entries';

export interface AuditBreak {
  readonly seq: number;
  readonly reason: AuditBreakReason;
  readonly message: string;
}

export interface AuditVerification {
  readonly intact: boolean;
  readonly entriesChecked: number;
  /** Every break found, in chain order; the first is where tampering starts. */
  readonly breaks: readonly AuditBreak[];
  /**
   * The newest entry. Removing entries from the end leaves an intact shorter chain, so record
   * the head outside the store (a report, a ticket) and compare it later.
   */
  readonly head?: { readonly seq: number; readonly hash: string };
}

export interface AuditLog {
  /** Appends one entry to the chain (serialised: concurrent appends queue, none forks the chain). */
  appendAudit(entry: AuditEntryInput): Promise<AuditEntry>;
  /** Entries in chain order; `contractId` keeps that contract's entries. */
  listAudit(options?: { contractId?: string; afterSeq?: number; limit?: number }): Promise<AuditEntry[]>;
  /** Walks the whole chain (in pages) and reports every entry whose hash, link or sequence does not match. */
  verifyAudit(): Promise<AuditVerification>;
  /** The newest entry's sequence number (of one contract, when given), 0 when there is none: a cheap version stamp for caches. */
  headSeq(contractId?: string): Promise<number>;
}
