import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openEmbeddedDatabase } from './embedded-database.js';

describe.each([
  ['on the calling thread', false],
  ['on a worker thread', true],
])('the embedded database %s', (_where, worker) => {
  it('answers queries with rows and counts, copies COPY text, runs scripts, and refuses work once closed', async () => {
    const db = await openEmbeddedDatabase({ dataDir: 'memory://', worker });
    await db.exec('CREATE TABLE t (id integer PRIMARY KEY, at bigint NOT NULL, note text); CREATE TABLE u (x integer)');
    expect(await db.copyFrom("COPY t (id, at, note) FROM '/dev/blob'", '1\t1800000000\ttab\\there\n2\t1800000060\t\\N\n')).toBe(2);
    const inserted = await db.query('INSERT INTO t (id, at) VALUES ($1, $2), ($3, $4)', [3, 1_800_000_120, 4, 1_800_000_180]);
    expect([inserted.affectedRows, inserted.command]).toEqual([2, 'INSERT']);
    // bigint comes back as a number (epoch seconds), text as written.
    expect((await db.query<{ id: number; at: number; note: string | null }>('SELECT id, at, note FROM t ORDER BY id LIMIT 2')).rows).toEqual([
      { id: 1, at: 1_800_000_000, note: 'tab\there' },
      { id: 2, at: 1_800_000_060, note: null },
    ]);
    await expect(db.query('SELECT nope FROM t')).rejects.toMatchObject({ code: '42703', message: expect.stringContaining('nope') });
    await db.close();
    await db.close();
    await expect(db.query('SELECT 1')).rejects.toThrow(/closed/i);
  });

  it('runs a transaction script in one request: every step or, when one fails, none, with the failing step named', async () => {
    const db = await openEmbeddedDatabase({ dataDir: 'memory://', worker });
    await db.exec('CREATE TABLE t (id integer PRIMARY KEY, note text)');
    const results = await db.transactionScript([
      { copy: "COPY t (id, note) FROM '/dev/blob'", text: '1\tone\n2\ttwo\n' },
      { statement: 'UPDATE t SET note = $1 WHERE id = $2', parameters: ['deux', 2] },
      { statement: 'SELECT count(*)::int AS n FROM t' },
    ]);
    expect(results.map((r) => [r.affectedRows, r.rows])).toEqual([
      [2, []],
      [1, []],
      [0, [{ n: 2 }]],
    ]);
    const failing = db.transactionScript([
      { copy: "COPY t (id, note) FROM '/dev/blob'", text: '3\tthree\n' },
      { statement: 'UPDATE t SET note = $1 WHERE id = $2', parameters: ['trois', 3] },
      { copy: "COPY t (id, note) FROM '/dev/blob'", text: '1\tagain\n' },
      { statement: 'DELETE FROM t' },
    ]);
    await expect(failing).rejects.toMatchObject({ code: '23505', step: 2 });
    // Nothing of it stayed, and the database takes the next statement outside any transaction.
    expect((await db.query('SELECT id, note FROM t ORDER BY id')).rows).toEqual([
      { id: 1, note: 'one' },
      { id: 2, note: 'deux' },
    ]);
    await expect(db.exec('VACUUM t')).resolves.toBeUndefined(); // refused inside a transaction block
    await db.close();
  });
});

describe('the embedded database on a worker thread', () => {
  it('does not keep a process alive once idle: a script that opens a folder and never closes it still ends', () => {
    const folder = mkdtempSync(join(tmpdir(), 'supportpact-embedded-'));
    const script = join(folder, 'open-and-leave.mts');
    const module = fileURLToPath(new URL('./embedded-database.ts', import.meta.url));
    writeFileSync(script, `import { openEmbeddedDatabase } from ${JSON.stringify(module)};\nconst db = await openEmbeddedDatabase({ dataDir: ${JSON.stringify(join(folder, 'pgdata'))} });\nconsole.log(JSON.stringify((await db.query('SELECT 41 + 1 AS answer')).rows));\n`);
    try {
      const child = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 60_000 });
      expect(child.signal, child.stderr).toBeNull();
      expect([child.status, child.stdout.trim()], child.stderr).toEqual([0, '[{"answer":42}]']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 90_000);
});

describe('opening the embedded database', () => {
  it.each([false, true])('refuses a data folder inside a file, naming it (worker: %s)', async (worker) => {
    const folder = mkdtempSync(join(tmpdir(), 'supportpact-embedded-'));
    const file = join(folder, 'not-a-folder');
    writeFileSync(file, 'x');
    try {
      await expect(openEmbeddedDatabase({ dataDir: join(file, 'pgdata'), worker })).rejects.toThrow(`ENOTDIR: not a directory, mkdir '${join(file, 'pgdata')}'`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
