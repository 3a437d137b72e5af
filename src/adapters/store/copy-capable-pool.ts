/**
 * A `pg` pool for Kysely's PostgresDialect whose clients also run COPY FROM STDIN (through
 * pg-copy-streams) when a query's only parameter is a CopyPayload, read `bigint` as numbers
 * and `date` as `YYYY-MM-DD` text, and use the store's schema as search_path.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { isCopyQuery } from './copy-payload.js';

const int8Oid = 20;
const dateOid = 1082;

/** Epoch seconds and counts stay far below 2^53, so `bigint` reads back as a plain number. */
function storeTypes(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  types.setTypeParser(int8Oid, (value: string) => Number(value));
  types.setTypeParser(dateOid, (value: string) => value);
  return types;
}

export function createCopyCapablePool(databaseUrl: string, schema: string): { pool: PostgresPool; raw: pg.Pool } {
  const raw = new pg.Pool({
    connectionString: databaseUrl,
    // Schema names are checked against /^[a-z_][a-z0-9_]*$/ before they get here.
    options: `-c search_path=${schema}`,
    types: storeTypes(),
    max: 10,
    connectionTimeoutMillis: 10_000,
  });
  // An idle client that loses its server emits 'error' on the pool; without a listener Node
  // would crash the process. The next query reports the problem instead.
  raw.on('error', () => {});
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const pool: PostgresPool = {
    async connect() {
      const client = await raw.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) {
        wrapper = wrapClient(client);
        wrappers.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => raw.end(),
  };
  return { pool, raw };
}

function wrapClient(client: pg.PoolClient): PostgresPoolClient {
  return {
    query: ((sqlOrCursor: unknown, parameters?: readonly unknown[]) => {
      if (typeof sqlOrCursor === 'string' && parameters && isCopyQuery(parameters)) {
        return copyInto(client, sqlOrCursor, parameters[0].text);
      }
      return client.query(sqlOrCursor as string, parameters as unknown[]);
    }) as PostgresPoolClient['query'],
    release: (destroy?: boolean) => client.release(destroy),
  };
}

async function copyInto(client: pg.PoolClient, sqlText: string, text: string): Promise<PostgresQueryResult<unknown>> {
  const stream = client.query(copyFrom(sqlText));
  await pipeline(Readable.from([text]), stream);
  // 'SELECT' so Kysely hands the row through; COPY's own count comes back as that row.
  return { command: 'SELECT', rowCount: 1, rows: [{ copied_rows: stream.rowCount }] };
}
