/**
 * The embedded database's folder lock. PGlite has no lock between processes, and two processes
 * on one folder silently lose writes, so the store takes `supportpact.lock` in the folder
 * (atomic create with `wx`) and names the holder when a second opener is refused.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { SupportPactError } from '../../domain/errors/index.js';

export const lockFileName = 'supportpact.lock';

/** The lock file's JSON content. */
export interface LockInfo {
  readonly pid: number;
  readonly hostname: string;
  /** The holder's command line: `"supportpact serve --port 8080"`. */
  readonly command: string;
  /** ISO-8601 UTC instant the lock was taken. */
  readonly startedAt: string;
  /** Set by a server once it listens, so refused openers can point at it. */
  readonly httpApiUrl?: string;
  /** Tells this holder's lock apart from a later one with a reused pid. */
  readonly token: string;
}

export interface FolderLock {
  readonly path: string;
  readonly info: LockInfo;
  /** What happened while taking it: a stale lock taken over. */
  readonly notes: readonly string[];
  /** Records the holder's HTTP API address in the lock, for the message a second opener gets. */
  advertiseHttpApi(url: string): void;
  /** Removes the lock if it is still ours. Idempotent. */
  release(): void;
}

export interface AcquireLockOptions {
  readonly command?: string;
  /** The holder's start instant; the lock file records it (defaults to the clock). */
  readonly now?: Date;
}

/** Takes the folder's lock or throws STORE_LOCKED naming the live holder. */
export function acquireFolderLock(folder: string, options: AcquireLockOptions = {}): FolderLock {
  const path = join(folder, lockFileName);
  const info: LockInfo = {
    pid: process.pid,
    hostname: hostname(),
    command: options.command ?? describeCommand(process.argv),
    startedAt: (options.now ?? new Date()).toISOString(),
    token: randomUUID(),
  };
  const notes: string[] = [];
  // Two attempts: the second follows the removal of a stale lock.
  for (let attempt = 0; attempt < 2; attempt++) {
    if (tryCreate(path, info)) return heldLock(path, info, notes);
    const holder = readLock(path);
    if (holder === 'missing') continue;
    if (holder === 'unreadable' || holder.hostname !== info.hostname || isAlive(holder.pid)) {
      throw lockedError(path, holder);
    }
    // Re-read right before removing, so a lock another opener just took is not removed.
    const again = readLock(path);
    if (typeof again === 'object' && again.token === holder.token) {
      unlinkQuietly(path);
      notes.push(
        `Took over a stale lock in ${path}: pid ${holder.pid} (\`${holder.command}\`) took it at ${holder.startedAt} and is no longer running.`,
      );
    }
  }
  const holder = readLock(path);
  throw lockedError(path, holder === 'missing' ? 'unreadable' : holder);
}

function heldLock(path: string, initial: LockInfo, notes: string[]): FolderLock {
  let info = initial;
  let released = false;
  const releaseOnExit = (): void => release();
  function release(): void {
    if (released) return;
    released = true;
    process.off('exit', releaseOnExit);
    const current = readLock(path);
    if (typeof current === 'object' && current.token === info.token) unlinkQuietly(path);
  }
  process.on('exit', releaseOnExit);
  return {
    path,
    get info() {
      return info;
    },
    notes,
    advertiseHttpApi(url: string) {
      info = { ...info, httpApiUrl: url };
      // Write then rename: a reader never sees a half-written lock.
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(info, null, 2) + '\n');
      renameSync(temporary, path);
    },
    release,
  };
}

function tryCreate(path: string, info: LockInfo): boolean {
  try {
    writeFileSync(path, JSON.stringify(info, null, 2) + '\n', { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new SupportPactError('STORE_UNAVAILABLE', `Cannot create the lock file ${path}: ${(error as Error).message}`, { cause: error });
  }
}

function readLock(path: string): LockInfo | 'missing' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
  }
  try {
    const value = JSON.parse(text) as Partial<LockInfo>;
    if (typeof value.pid !== 'number' || typeof value.hostname !== 'string' || typeof value.token !== 'string') return 'unreadable';
    return {
      pid: value.pid,
      hostname: value.hostname,
      command: typeof value.command === 'string' ? value.command : '?',
      startedAt: typeof value.startedAt === 'string' ? value.startedAt : '?',
      token: value.token,
      ...(typeof value.httpApiUrl === 'string' ? { httpApiUrl: value.httpApiUrl } : {}),
    };
  } catch {
    // A holder between creating the file and writing it, or a damaged file.
    return 'unreadable';
  }
}

/** Signal 0 checks existence without touching the process; EPERM means alive but not ours. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockedError(path: string, holder: LockInfo | 'unreadable'): SupportPactError {
  if (holder === 'unreadable') {
    return new SupportPactError(
      'STORE_LOCKED',
      `The data folder is locked by ${path}, which cannot be read (a process may be writing it). Try again; if no SupportPact process uses the folder, delete that file.`,
      { details: { lockFile: path } },
    );
  }
  const who = `pid ${holder.pid} (\`${holder.command}\`)${holder.hostname === hostname() ? '' : ` on host ${holder.hostname}`} since ${holder.startedAt}`;
  const advice = holder.httpApiUrl
    ? `stop it or use its HTTP API at ${holder.httpApiUrl}`
    : holder.hostname === hostname()
      ? 'wait for it to finish or stop it'
      : `stop it, or delete ${path} if that process is gone (another host's processes cannot be checked from here)`;
  return new SupportPactError('STORE_LOCKED', `The data folder is held by ${who}; ${advice}.`, {
    details: { lockFile: path, holder },
  });
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone: nothing to release.
  }
}

/** `node /usr/bin/supportpact serve` -> `supportpact serve`. */
function describeCommand(argv: readonly string[]): string {
  const [, script, ...args] = argv;
  const name = script ? script.split(/[\\/]/).pop()!.replace(/\.(c|m)?(j|t)s$/, '') : 'node';
  return [name, ...args].join(' ');
}
