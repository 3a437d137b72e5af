import type { AuditVerification, StoreSession } from './ports/index.js';

export interface AuditTrailCheck extends AuditVerification {
  /** The first broken entry (where tampering starts), when the chain is broken. */
  readonly firstBreak?: AuditVerification['breaks'][number];
}

/**
 * Walks the hash-chained audit log and reports whether it is intact; when it is not, every
 * break in chain order and the first one named: an entry edited after it was written fails its
 * hash, an entry deleted leaves a gap before the next one.
 */
export async function verifyAuditTrail(store: StoreSession): Promise<AuditTrailCheck> {
  const verification = await store.audit.verifyAudit();
  const firstBreak = verification.breaks[0];
  return firstBreak ? { ...verification, firstBreak } : verification;
}
