/**
 * The store's migrations, in code, numbered and forward-only; the same list runs on PGlite and
 * on a PostgreSQL server (PostgreSQL 15 features only).
 *
 * Adding a table (invoices, payments, breach incidents, insurance certificates, data-access
 * events, API tokens): write `NNN-<what>.ts` exporting `up(db)`, add it below with the next
 * number, add its row type to `../database.ts`, give it `contract_id` as first primary-key
 * column (or list it in `globalTables` if it is installation-wide and small, as API tokens
 * will be), then add its port in `src/app/ports/`, its repository here, and its cases to the
 * shared suite in `test/store/`.
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as coreTables from './001-core-tables.js';
import * as apiTokens from './002-api-tokens.js';
import * as lifecycleRisk from './003-lifecycle-risk.js';
import * as settlement from './004-settlement.js';
import * as ticketFacts from './005-ticket-facts.js';
import * as ticketFactsCountedOnWrite from './006-ticket-facts-counted-on-write.js';
import * as dropTicketEventsStops from './007-drop-ticket-events-stops.js';
import * as ticketEventChunks from './008-ticket-event-chunks.js';

export const migrations: Readonly<Record<string, Migration>> = {
  '001-core-tables': coreTables,
  '002-api-tokens': apiTokens,
  '003-lifecycle-risk': lifecycleRisk,
  '004-settlement': settlement,
  '005-ticket-facts': ticketFacts,
  '006-ticket-facts-counted-on-write': ticketFactsCountedOnWrite,
  '007-drop-ticket-events-stops': dropTicketEventsStops,
  '008-ticket-event-chunks': ticketEventChunks,
};

/** Serves the in-code list to Kysely's Migrator (which runs them in name order). */
export const inCodeMigrations: MigrationProvider = {
  getMigrations: async () => ({ ...migrations }),
};
