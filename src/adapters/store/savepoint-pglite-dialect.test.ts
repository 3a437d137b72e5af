import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyIn } from './copy-payload.js';
import { openEmbeddedDatabase } from './embedded-database.js';
import { SavepointPGliteDialect } from './savepoint-pglite-dialect.js';

interface Db {
  notes: { id: number; body: string };
}

describe.each([
  ['on the calling thread', false],
  ['on a worker thread', true],
])('SavepointPGliteDialect, PGlite %s', (_where, worker) => {
  let db: Kysely<Db>;
  beforeAll(async () => {
    db = new Kysely<Db>({ dialect: new SavepointPGliteDialect(await openEmbeddedDatabase({ dataDir: 'memory://', worker })) });
    await sql`CREATE TABLE notes (id integer PRIMARY KEY, body text NOT NULL)`.execute(db);
  });
  afterAll(async () => {
    await db.destroy();
  });

  const bodies = async () => (await db.selectFrom('notes').select('body').orderBy('id').execute()).map((r) => r.body);

  it('rolls back to a savepoint and keeps the writes made before it', async () => {
    const trx = await db.startTransaction().execute();
    await trx.insertInto('notes').values({ id: 1, body: 'kept' }).execute();
    const afterFirst = await trx.savepoint('after_first').execute();
    await afterFirst.insertInto('notes').values({ id: 2, body: 'undone' }).execute();
    await afterFirst.rollbackToSavepoint('after_first').execute();
    const released = await trx.savepoint('second').execute();
    await released.insertInto('notes').values({ id: 3, body: 'released' }).execute();
    await released.releaseSavepoint('second').execute();
    await trx.commit().execute();
    expect(await bodies()).toEqual(['kept', 'released']);
  });

  it('fails the commit of a transaction an earlier failed statement rolled back, instead of reporting success', async () => {
    const trx = await db.startTransaction().execute();
    await trx.insertInto('notes').values({ id: 10, body: 'lost' }).execute();
    // The duplicate key's SQLSTATE crosses the thread: the store tells a stored key by it.
    await expect(trx.insertInto('notes').values({ id: 10, body: 'duplicate' }).execute()).rejects.toMatchObject({ code: '23505', message: expect.stringMatching(/duplicate key/) });
    await expect(trx.commit().execute()).rejects.toThrow(/rolled back instead of committed/);
    expect(await bodies()).not.toContain('lost');
  });

  it('counts affected rows, including none', async () => {
    const none = await db.updateTable('notes').set({ body: 'x' }).where('id', '=', 999).executeTakeFirst();
    expect(none.numUpdatedRows).toBe(0n);
    const one = await db.updateTable('notes').set({ body: 'kept!' }).where('id', '=', 1).executeTakeFirst();
    expect(one.numUpdatedRows).toBe(1n);
  });

  it('copies COPY text into a table through /dev/blob and reports the rows copied', async () => {
    expect(await copyIn(db, 'notes', ['id', 'body'], '20\tfrom copy\n21\ttab\\there\n')).toBe(2);
    expect((await bodies()).slice(-2)).toEqual(['from copy', 'tab\there']);
  });

  it('queues a second transaction until the first ends, so neither loses rows', async () => {
    await Promise.all(
      [30, 40].map((base) =>
        db.transaction().execute(async (trx) => {
          for (let i = 0; i < 5; i++) await trx.insertInto('notes').values({ id: base + i, body: `t${base}` }).execute();
        }),
      ),
    );
    const count = await db.selectFrom('notes').select((eb) => eb.fn.countAll<string>().as('n')).where('id', '>=', 30).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(10);
  });
});
