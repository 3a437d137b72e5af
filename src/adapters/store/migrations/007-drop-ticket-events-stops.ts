/**
 * Migration 007: drops `ticket_events_stops`, the partial index of stop events (migration 001)
 * that served reading tickets "settled in a range". Nothing reads that way any more: the
 * scorecard streams every ticket created before the month ends, or reads the materialised
 * facts. The index cost every import 13% of its event writes (800,000 events into PGlite:
 * 4.7 s with it, 4.1 s without). Frozen once released.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP INDEX ticket_events_stops').execute(db);
}
