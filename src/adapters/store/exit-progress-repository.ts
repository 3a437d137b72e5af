import type { ExitProgressStore, StoredExitProgress } from '../../app/ports/index.js';
import type { StoreContext } from './store-context.js';

export class ExitProgressRepository implements ExitProgressStore {
  constructor(private readonly ctx: StoreContext) {}

  saveExitProgress(contractId: string, p: StoredExitProgress): Promise<'created' | 'updated' | 'unchanged'> {
    return this.ctx.withTransaction(async (tx) => {
      const db = tx.db();
      const existing = await db.selectFrom('exit_progress').select('evidence').where('contract_id', '=', contractId).where('item', '=', p.item).where('done_on', '=', p.doneOn).forUpdate().executeTakeFirst();
      if (existing?.evidence === p.evidence) return 'unchanged';
      if (existing) {
        await db.updateTable('exit_progress').set({ evidence: p.evidence, recorded_at: p.recordedAt }).where('contract_id', '=', contractId).where('item', '=', p.item).where('done_on', '=', p.doneOn).execute();
        return 'updated';
      }
      await db.insertInto('exit_progress').values({ contract_id: contractId, item: p.item, done_on: p.doneOn, evidence: p.evidence, recorded_at: p.recordedAt }).execute();
      return 'created';
    });
  }

  async listExitProgress(contractId: string): Promise<StoredExitProgress[]> {
    const rows = await this.ctx.db().selectFrom('exit_progress').selectAll().where('contract_id', '=', contractId).orderBy('item').orderBy('done_on').execute();
    return rows.map((row) => ({ item: row.item, doneOn: row.done_on, evidence: row.evidence, recordedAt: row.recorded_at }));
  }
}
