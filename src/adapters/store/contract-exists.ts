import { SupportPactError } from '../../domain/errors/index.js';
import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/** Throws CONTRACT_NOT_FOUND unless the contract is stored (checked once per batch, not per row). */
export async function assertContractExists(db: Kysely<Database>, contractId: string): Promise<void> {
  const row = await db.selectFrom('contracts').select('contract_id').where('contract_id', '=', contractId).executeTakeFirst();
  if (!row) {
    throw new SupportPactError('CONTRACT_NOT_FOUND', `No contract "${contractId}" is stored; add it before importing data for it.`, {
      problems: [{ message: `unknown contract "${contractId}"`, path: ['contract'], hint: 'run `supportpact contract add <file>` first' }],
    });
  }
}
