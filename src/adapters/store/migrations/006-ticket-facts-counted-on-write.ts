/**
 * Migration 006: inserted `ticket_facts` rows are counted by the store as it writes them
 * (ticket-fact-rows.ts: the counters' deltas and the side tables' rows, in one statement per
 * write), not by a statement trigger. The trigger unnested each batch of rows fourteen times
 * and took over half of a facts write (100,000 facts: 4.7 s with it, 2.1 s without, on PGlite).
 * Deleted rows are still subtracted by the delete trigger of migration 005. Frozen once released.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP TRIGGER ticket_facts_counts_insert ON ticket_facts').execute(db);
  await sql.raw('DROP FUNCTION ticket_facts_count_inserted()').execute(db);
}
