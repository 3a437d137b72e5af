/**
 * Migration 008: a ticket's events are stored as chunks, one row per ticket per write that
 * brought it new events (a ninth write folds them all into one), instead of one row per
 * event. `events` is the JSON text of the chunk's event tuples (`[[id, at, seq, kind,
 * priority, status, channel, category, technology, actor, source], ...]`, `EventTuple` in
 * `ticket-event-chunks.ts`), sorted by instant, then seq (missing last), then id; `event_count` is how many it holds.
 * Event ids stay unique per ticket: the store writes a ticket's next chunk only with the
 * ticket's row locked and only events whose id none of its chunks holds.
 *
 * Why: a row and a primary-key entry per event made event writes the bound on imports (a
 * million tickets into PGlite: about 56 s of its 91 s of database CPU, half of it the
 * three-text-column key). A chunk per ticket writes about eight times fewer rows and key
 * entries (800,000 events into PGlite: 1.5 s against 4.9 s), and a ticket's events come back
 * in one read, which is what every reader wanted (the stream aggregated them per ticket).
 * Ad hoc SQL still reaches single events: `json_array_elements(events::json)`.
 *
 * Existing events move into chunk 0 of their ticket. Frozen once released.
 */
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE TABLE ticket_event_chunks (
    contract_id text COLLATE "C" NOT NULL,
    ticket text COLLATE "C" NOT NULL,
    chunk integer NOT NULL CHECK (chunk >= 0),
    event_count integer NOT NULL CHECK (event_count >= 1),
    events text NOT NULL,
    PRIMARY KEY (contract_id, ticket, chunk)
  )`,
  `INSERT INTO ticket_event_chunks (contract_id, ticket, chunk, event_count, events)
    SELECT contract_id, ticket, 0, count(*),
           json_agg(json_build_array(event_id, at, seq, kind, priority, status, channel, category, technology, actor, source) ORDER BY at, seq, event_id)::text
      FROM ticket_events
     GROUP BY contract_id, ticket`,
  `DROP TABLE ticket_events`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
