/**
 * Whether the PostgreSQL run of the store suite runs, fails or is skipped: without a server it
 * fails on CI (a missing service must not pass silently) and is skipped on a workstation.
 */
import pg from 'pg';

export const defaultTestDatabaseUrl = 'postgres://postgres@127.0.0.1:5432/test';

export type ServerSuitePlan = { run: 'suite' } | { run: 'fail' | 'skip'; reason: string };

export function planServerSuite(reachable: true | string, env: { CI?: string }, url: string): ServerSuitePlan {
  if (reachable === true) return { run: 'suite' };
  const reason = `no PostgreSQL server at ${url} (${reachable}); start one there or set SUPPORTPACT_TEST_DATABASE_URL`;
  return { run: env.CI === 'true' ? 'fail' : 'skip', reason };
}

/** `true`, or why the server cannot be used. */
export async function probeServer(url: string): Promise<true | string> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}
