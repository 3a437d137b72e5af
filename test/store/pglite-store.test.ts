import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { lockFileName, openStore } from '../../src/adapters/store/index.js';
import { describeStoreSuite } from './store-suite.js';

function temporaryFolder(): string {
  return mkdtempSync(join(tmpdir(), 'supportpact-store-'));
}

describeStoreSuite('PGlite', async () => {
  const folder = temporaryFolder();
  return {
    open: () => openStore({ dataDir: folder }),
    async destroy(store) {
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
});

const holderScript = fileURLToPath(new URL('./hold-store-lock.ts', import.meta.url));

/** Starts a real second process holding `folder`; resolves once it has the lock. */
function startHolder(folder: string, apiUrl?: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', holderScript, folder, ...(apiUrl ? [apiUrl] : [])], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready')) resolve(child);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`the lock holder exited with ${code} before it was ready:\n${output}`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

// Starting a second Node process that opens PGlite takes 5-15 s on a busy 2-core machine.
const processTimeoutMs = 90_000;

describe('openStore on a data folder', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('refuses a folder another process holds, naming its pid, command and HTTP API', async () => {
    const folder = temporaryFolder();
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
    const holder = await startHolder(folder, 'http://127.0.0.1:8080');
    cleanups.push(() => {
      holder.kill('SIGKILL');
      return exited(holder);
    });
    const attempt = openStore({ dataDir: folder });
    await expect(attempt).rejects.toMatchObject({ code: 'STORE_LOCKED' });
    const message = await attempt.catch((error: Error) => error.message);
    expect(message).toContain(`pid ${holder.pid} (\`supportpact serve --port 8080\`) since `);
    expect(message).toContain('use its HTTP API at http://127.0.0.1:8080');
    const lock = JSON.parse(readFileSync(join(folder, lockFileName), 'utf8'));
    expect(lock).toMatchObject({ pid: holder.pid, command: 'supportpact serve --port 8080', httpApiUrl: 'http://127.0.0.1:8080' });
    expect(new Date(lock.startedAt).toISOString()).toBe(lock.startedAt);
  }, processTimeoutMs);

  it('takes over the lock of a holder that died without releasing it, and says so', async () => {
    const folder = temporaryFolder();
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
    const holder = await startHolder(folder);
    // SIGKILL: no exit handler runs, so the lock file stays behind.
    holder.kill('SIGKILL');
    await exited(holder);
    expect(existsSync(join(folder, lockFileName))).toBe(true);
    const store = await openStore({ dataDir: folder });
    cleanups.push(() => store.close());
    expect(store.notes).toEqual([expect.stringMatching(new RegExp(`stale lock .*pid ${holder.pid} .*no longer running`))]);
    expect(JSON.parse(readFileSync(join(folder, lockFileName), 'utf8')).pid).toBe(process.pid);
  }, processTimeoutMs);

  it('releases the lock on close, so the next opener gets the folder and its data', async () => {
    const folder = temporaryFolder();
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
    const first = await openStore({ dataDir: folder });
    await expect(openStore({ dataDir: folder })).rejects.toMatchObject({ code: 'STORE_LOCKED', message: expect.stringContaining(`pid ${process.pid}`) });
    await first.organisations.saveOrganisation({ organisationId: 'org-1', name: 'Acme', createdAt: 1 });
    await first.close();
    await first.close();
    expect(existsSync(join(folder, lockFileName))).toBe(false);
    const second = await openStore({ dataDir: folder });
    cleanups.push(() => second.close());
    expect(second.location).toBe(`embedded database in ${folder}`);
    expect(await second.organisations.listOrganisations()).toEqual([{ organisationId: 'org-1', name: 'Acme', createdAt: 1 }]);
  });

  it('never takes over a lock from another host, whose processes it cannot see', async () => {
    const folder = temporaryFolder();
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
    const foreign = { pid: 4242, hostname: 'build-server-7', command: 'supportpact import events.jsonl', startedAt: '2027-03-01T09:00:00.000Z', token: 'x' };
    writeFileSync(join(folder, lockFileName), JSON.stringify(foreign));
    const attempt = openStore({ dataDir: folder });
    await expect(attempt).rejects.toMatchObject({
      code: 'STORE_LOCKED',
      message: expect.stringContaining('pid 4242 (`supportpact import events.jsonl`) on host build-server-7 since 2027-03-01T09:00:00.000Z'),
    });
    expect(JSON.parse(readFileSync(join(folder, lockFileName), 'utf8'))).toEqual(foreign);
  });
});

describe('openStore in memory', () => {
  it('opens without a folder or lock, and refuses a folder and a URL together', async () => {
    const store = await openStore({ dataDir: 'memory://' });
    expect(store.location).toBe('in-memory embedded database');
    expect(store.backend).toBe('pglite');
    await store.close();
    await expect(openStore({ dataDir: 'memory://', databaseUrl: 'postgres://x@localhost/db' })).rejects.toMatchObject({ code: 'USAGE' });
    await expect(openStore({ dataDir: 'memory://', schema: 'Bad-Name' })).rejects.toMatchObject({ code: 'USAGE' });
  });
});
