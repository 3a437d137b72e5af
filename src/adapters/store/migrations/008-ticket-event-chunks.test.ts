import { Kysely, Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../../domain/tickets/index.js';
import type { Database } from '../database.js';
import { openEmbeddedDatabase } from '../embedded-database.js';
import { migrateStore } from '../migrate-store.js';
import { SavepointPGliteDialect } from '../savepoint-pglite-dialect.js';
import { eventsOfChunksJson } from '../ticket-event-chunks.js';
import { migrations } from './index.js';

/** Rows of the one-row-per-event table, written in no particular order. */
const rows: (TicketEvent & { contract: string })[] = [
  { contract: 'c-1', ticket: 'T-1', id: 'solved', at: 1_803_866_400, kind: 'solved', status: 'solved', actor: 'agent-7' },
  { contract: 'c-1', ticket: 'T-1', id: 'created', at: 1_803_859_200, kind: 'created', priority: 'P1', channel: 'e\tmail', category: 'line\nbreak', technology: 'back\\slash', source: 'zendesk' },
  { contract: 'c-1', ticket: 'T-1', id: 'no-seq', at: 1_803_860_000, kind: 'internal_note' },
  { contract: 'c-1', ticket: 'T-1', id: '\u{1F600}', at: 1_803_860_000, seq: 1, kind: 'customer_replied' },
  { contract: 'c-1', ticket: 'T-1', id: '\uFFEF', at: 1_803_860_000, seq: 1, kind: 'customer_replied' },
  { contract: 'c-1', ticket: 'T-1', id: 'z', at: 1_803_860_000, seq: 1, kind: 'agent_replied' },
  { contract: 'c-1', ticket: 'T-2', id: 'created', at: 1_803_859_260, kind: 'created', priority: 'P3' },
  { contract: 'c-2', ticket: 'T-1', id: 'created', at: 1_803_859_320, kind: 'created' },
];

describe('migration 008: ticket events into chunks', () => {
  let db: Kysely<Database>;
  beforeAll(async () => {
    db = new Kysely<Database>({ dialect: new SavepointPGliteDialect(await openEmbeddedDatabase({ dataDir: 'memory://' })) });
    const upTo007 = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '008'));
    const { error } = await new Migrator({ db, provider: { getMigrations: async () => upTo007 } }).migrateToLatest();
    if (error) throw error;
    for (const r of rows) {
      await sql`INSERT INTO ticket_events (contract_id, ticket, event_id, at, seq, kind, priority, status, channel, category, technology, actor, source)
        VALUES (${r.contract}, ${r.ticket}, ${r.id}, ${r.at}, ${r.seq ?? null}, ${r.kind}, ${r.priority ?? null}, ${r.status ?? null}, ${r.channel ?? null}, ${r.category ?? null}, ${r.technology ?? null}, ${r.actor ?? null}, ${r.source ?? null})`.execute(db);
    }
    expect(await migrateStore(db, 'public')).toContain('008-ticket-event-chunks');
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('moves every ticket\'s events into its chunk 0, each event whole, in stored order', async () => {
    const chunks = await db.selectFrom('ticket_event_chunks').selectAll().orderBy('contract_id').orderBy('ticket').execute();
    expect(chunks.map((c) => [c.contract_id, c.ticket, c.chunk, c.event_count])).toEqual([
      ['c-1', 'T-1', 0, 6],
      ['c-1', 'T-2', 0, 1],
      ['c-2', 'T-1', 0, 1],
    ]);
    const t1 = chunks[0]!;
    const { contract: _, ...created } = rows[1]!;
    expect(eventsOfChunksJson('T-1', `[${t1.events}]`).map((e) => e.id)).toEqual(['created', 'z', '\uFFEF', '\u{1F600}', 'no-seq', 'solved']);
    expect(eventsOfChunksJson('T-1', `[${t1.events}]`)[0]).toEqual(created);
    expect(eventsOfChunksJson('T-1', `[${chunks[2]!.events}]`)).toEqual([{ ticket: 'T-1', id: 'created', at: 1_803_859_320, kind: 'created' }]);
  });

  it('drops the one-row-per-event table', async () => {
    const tables = await sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'ticket_events'`.execute(db);
    expect(tables.rows[0]!.n).toBe(0);
  });
});
