import { sql, type Selectable } from 'kysely';
import type { AuditBreak, AuditEntry, AuditEntryInput, AuditLog, AuditVerification, JsonValue } from '../../app/ports/index.js';
import { canonicalJson, genesisHash, hashAuditEntry } from './audit-hash.js';
import type { AuditLogTable } from './database.js';
import type { StoreContext } from './store-context.js';

/** Entries read per query while verifying: 1,000 rows of a few hundred bytes. */
const verifyPageSize = 1000;

export class AuditRepository implements AuditLog {
  constructor(private readonly ctx: StoreContext) {}

  appendAudit(input: AuditEntryInput): Promise<AuditEntry> {
    return this.ctx.withTransaction(async (tx) => {
      const db = tx.db();
      // Appenders queue on this lock until commit, so no two entries take the same head;
      // SHARE ROW EXCLUSIVE blocks other writers of the table but not readers.
      await sql`LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE`.execute(db);
      const head = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
      const seq = (head?.seq ?? 0) + 1;
      const prevHash = head?.hash ?? genesisHash;
      // Hash the payload as it will read back from jsonb (key order and number text normalised).
      const payloadText = input.payload === undefined || input.payload === null ? null : canonicalJson(input.payload);
      const payload = payloadText === null ? null : (JSON.parse(payloadText) as JsonValue);
      const contractId = input.contractId ?? null;
      const hash = hashAuditEntry(prevHash, { seq, contractId, at: input.at, actor: input.actor, action: input.action, subject: input.subject, payload });
      const row = await db
        .insertInto('audit_log')
        .values({ seq, contract_id: contractId, at: input.at, actor: input.actor, action: input.action, subject: input.subject, payload: payloadText, prev_hash: prevHash, hash })
        .returningAll()
        .executeTakeFirstOrThrow();
      return entryOfRow(row);
    });
  }

  async listAudit(options: { contractId?: string; afterSeq?: number; limit?: number } = {}): Promise<AuditEntry[]> {
    let query = this.ctx.db().selectFrom('audit_log').selectAll();
    if (options.contractId !== undefined) query = query.where('contract_id', '=', options.contractId);
    if (options.afterSeq !== undefined) query = query.where('seq', '>', options.afterSeq);
    const rows = await query.orderBy('seq').limit(options.limit ?? 1000).execute();
    return rows.map(entryOfRow);
  }

  async headSeq(contractId?: string): Promise<number> {
    let query = this.ctx.db().selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('head'));
    if (contractId !== undefined) query = query.where('contract_id', '=', contractId);
    const row = await query.executeTakeFirst();
    return row?.head === null || row?.head === undefined ? 0 : Number(row.head);
  }

  async verifyAudit(): Promise<AuditVerification> {
    const breaks: AuditBreak[] = [];
    let expectedSeq = 1;
    let prevHash = genesisHash;
    let entriesChecked = 0;
    let head: { seq: number; hash: string } | undefined;
    for (;;) {
      const rows = await this.ctx.db().selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(verifyPageSize).execute();
      for (const row of rows) {
        entriesChecked++;
        if (row.seq !== expectedSeq) {
          breaks.push({
            seq: row.seq,
            reason: 'missing-entries',
            message: row.seq - 1 === expectedSeq ? `Entry ${expectedSeq} is missing before entry ${row.seq}.` : `Entries ${expectedSeq} to ${row.seq - 1} are missing before entry ${row.seq}.`,
          });
        } else if (row.prev_hash !== prevHash) {
          breaks.push({
            seq: row.seq,
            reason: 'link-mismatch',
            message: `Entry ${row.seq} does not link to entry ${row.seq - 1}: its prevHash is ${row.prev_hash.slice(0, 12)}..., the previous entry's hash is ${prevHash.slice(0, 12)}....`,
          });
        }
        const recomputed = hashAuditEntry(row.prev_hash, {
          seq: row.seq,
          contractId: row.contract_id,
          at: row.at,
          actor: row.actor,
          action: row.action,
          subject: row.subject,
          payload: row.payload,
        });
        if (recomputed !== row.hash) {
          breaks.push({ seq: row.seq, reason: 'hash-mismatch', message: `Entry ${row.seq} was changed after it was written: its content no longer matches its hash.` });
        }
        prevHash = row.hash;
        expectedSeq = row.seq + 1;
        head = { seq: row.seq, hash: row.hash };
      }
      if (rows.length < verifyPageSize) break;
    }
    return { intact: breaks.length === 0, entriesChecked, breaks, ...(head ? { head } : {}) };
  }
}

function entryOfRow(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    seq: row.seq,
    ...(row.contract_id === null ? {} : { contractId: row.contract_id }),
    at: row.at,
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    ...(row.payload === null ? {} : { payload: row.payload }),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
