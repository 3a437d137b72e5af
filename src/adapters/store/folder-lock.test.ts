import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireFolderLock, lockFileName, type FolderLock } from './folder-lock.js';

/** A pid that was alive a moment ago and is not now: a finished child's. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid!;
}

describe('acquireFolderLock', () => {
  const folders: string[] = [];
  const locks: FolderLock[] = [];
  const folder = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'supportpact-lock-'));
    folders.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const lock of locks.splice(0)) lock.release();
    for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('writes who holds the folder: pid, host, command and start instant', () => {
    const dir = folder();
    const lock = acquireFolderLock(dir, { command: 'supportpact import events.jsonl', now: new Date('2027-03-01T17:15:00Z') });
    locks.push(lock);
    expect(JSON.parse(readFileSync(join(dir, lockFileName), 'utf8'))).toEqual({
      pid: process.pid,
      hostname: hostname(),
      command: 'supportpact import events.jsonl',
      startedAt: '2027-03-01T17:15:00.000Z',
      token: lock.info.token,
    });
    expect(lock.notes).toEqual([]);
  });

  it('refuses a second holder while the first lives, and lets one in after release', () => {
    const dir = folder();
    const first = acquireFolderLock(dir, { command: 'supportpact serve', now: new Date('2027-03-01T17:15:00Z') });
    expect(() => acquireFolderLock(dir)).toThrow(`The data folder is held by pid ${process.pid} (\`supportpact serve\`) since 2027-03-01T17:15:00.000Z; wait for it to finish or stop it.`);
    first.advertiseHttpApi('http://127.0.0.1:8080');
    expect(() => acquireFolderLock(dir)).toThrow(/stop it or use its HTTP API at http:\/\/127\.0\.0\.1:8080\./);
    first.release();
    expect(existsSync(join(dir, lockFileName))).toBe(false);
    locks.push(acquireFolderLock(dir));
  });

  it('takes over a lock whose process is gone, with a note naming it', () => {
    const dir = folder();
    const pid = deadPid();
    writeFileSync(join(dir, lockFileName), JSON.stringify({ pid, hostname: hostname(), command: 'supportpact import a.jsonl', startedAt: '2027-03-01T09:00:00.000Z', token: 'old' }));
    const lock = acquireFolderLock(dir);
    locks.push(lock);
    expect(lock.notes).toEqual([
      `Took over a stale lock in ${join(dir, lockFileName)}: pid ${pid} (\`supportpact import a.jsonl\`) took it at 2027-03-01T09:00:00.000Z and is no longer running.`,
    ]);
  });

  it('refuses a lock it cannot read rather than guessing', () => {
    const dir = folder();
    writeFileSync(join(dir, lockFileName), '');
    expect(() => acquireFolderLock(dir)).toThrow(/cannot be read/);
  });

  it('leaves alone a lock that is no longer its own when released', () => {
    const dir = folder();
    const lock = acquireFolderLock(dir);
    const other = { pid: process.pid, hostname: hostname(), command: 'other', startedAt: '2027-03-01T09:00:00.000Z', token: 'someone-else' };
    writeFileSync(join(dir, lockFileName), JSON.stringify(other));
    lock.release();
    expect(JSON.parse(readFileSync(join(dir, lockFileName), 'utf8'))).toEqual(other);
  });
});
