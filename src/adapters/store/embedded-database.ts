/**
 * The embedded database (PGlite: PostgreSQL compiled to WebAssembly) behind a narrow interface,
 * run either on a worker thread of its own (folders: what users run) or on the calling thread
 * (in-memory stores for tests, where a thread per store would only add start-up time).
 *
 * PGlite executes synchronously inside WebAssembly: on the main thread every query blocks the
 * event loop, and an import's parsing, fact computing and the database's own work add up on one
 * core. On a worker thread they overlap (two cores: the parser feeds the next batch while the
 * database stores the last), and an HTTP server's event loop stays free during a long query.
 * Each query then costs a message each way (about 0.2 ms), which no use case notices.
 *
 * Errors keep PGlite's fields (`code` is what the store reads, e.g. 23505 for a duplicate key).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

/** What the store's Kysely dialect needs from the embedded database. */
export interface EmbeddedDatabase {
  query<R>(statement: string, parameters?: readonly unknown[]): Promise<EmbeddedResult<R>>;
  /** Runs `COPY ... FROM '/dev/blob'` over COPY text; returns the rows copied. */
  copyFrom(statement: string, text: string): Promise<number>;
  /** Runs statements separated by semicolons, without parameters. */
  exec(statements: string): Promise<void>;
  /**
   * Runs the steps in one transaction, in one request: BEGIN, each step, COMMIT, with no turn
   * of the caller's in between. The first step that fails rolls everything back and rejects
   * with its error (PGlite's fields, plus `step`, its index). Nothing else may use the
   * database meanwhile: the caller holds the store's one connection.
   */
  transactionScript(steps: readonly ScriptStep[]): Promise<EmbeddedResult<unknown>[]>;
  close(): Promise<void>;
}

/** A statement with its parameters, or `COPY ... FROM '/dev/blob'` with its COPY text. */
export type ScriptStep = { readonly statement: string; readonly parameters?: readonly unknown[] } | { readonly copy: string; readonly text: string };

export interface EmbeddedResult<R> {
  readonly rows: R[];
  readonly affectedRows?: number;
  readonly command?: string;
}

export interface EmbeddedDatabaseOptions {
  /** `memory://` or a folder. */
  readonly dataDir: string;
  /** Run PGlite on a worker thread of its own (default: true for a folder, false in memory). */
  readonly worker?: boolean;
}

/**
 * Server settings on top of PGlite's own. PGlite runs with `fsync` off: the operating system,
 * not the disk, holds what was written, so an import killed with SIGKILL loses nothing that
 * committed, and a power cut was never covered. A torn page (half an 8 KB page on disk) needs a
 * power cut too, so full-page images in the write-ahead log protect against nothing here; they
 * are turned off, which makes a million-ticket import's log about a third smaller and its
 * writes faster.
 */
export const embeddedStartSettings: readonly string[] = ['full_page_writes=off'];

function startParams(): string[] {
  return [...PGlite.defaultStartParams, ...embeddedStartSettings.flatMap((setting) => ['-c', setting])];
}

// bigint columns hold epoch seconds and counts (< 2^53): read them as numbers; dates as text.
// Spelled out again in the worker's source below (functions do not cross threads).
const parsers = { 20: (value: string) => Number(value), 1082: (value: string) => value };

export async function openEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const worker = options.worker ?? options.dataDir !== 'memory://';
  return worker ? WorkerThreadDatabase.open(options.dataDir) : CallingThreadDatabase.open(options.dataDir);
}

class CallingThreadDatabase implements EmbeddedDatabase {
  private closing: Promise<void> | undefined;

  private constructor(private readonly pglite: PGlite) {}

  static async open(dataDir: string): Promise<CallingThreadDatabase> {
    return new CallingThreadDatabase(await PGlite.create(dataDir, { parsers, startParams: startParams() }));
  }

  async query<R>(statement: string, parameters: readonly unknown[] = []): Promise<EmbeddedResult<R>> {
    const result = await this.pglite.query<R>(statement, [...parameters]);
    return resultOf(result);
  }

  async copyFrom(statement: string, text: string): Promise<number> {
    const result = await this.pglite.query(statement, [], { blob: new Blob([text]) });
    return result.affectedRows ?? 0;
  }

  async exec(statements: string): Promise<void> {
    await this.pglite.exec(statements);
  }

  async transactionScript(steps: readonly ScriptStep[]): Promise<EmbeddedResult<unknown>[]> {
    const results: EmbeddedResult<unknown>[] = [];
    await this.pglite.query('BEGIN');
    for (let step = 0; step < steps.length; step++) {
      const current = steps[step]!;
      try {
        results.push('copy' in current ? { rows: [], affectedRows: await this.copyFrom(current.copy, current.text) } : await this.query(current.statement, current.parameters));
      } catch (error) {
        await this.pglite.query('ROLLBACK');
        throw Object.assign(error as Error, { step });
      }
    }
    await this.pglite.query('COMMIT');
    return results;
  }

  close(): Promise<void> {
    this.closing ??= this.pglite.close();
    return this.closing;
  }
}

function resultOf<R>(result: { rows: R[]; affectedRows?: number; command?: string }): EmbeddedResult<R> {
  return {
    rows: result.rows,
    ...(result.affectedRows === undefined ? {} : { affectedRows: result.affectedRows }),
    ...(result.command === undefined ? {} : { command: result.command }),
  };
}

type Request =
  | { readonly id: number; readonly op: 'query'; readonly statement: string; readonly parameters: readonly unknown[] }
  | { readonly id: number; readonly op: 'copy'; readonly statement: string; readonly text: string }
  | { readonly id: number; readonly op: 'exec'; readonly statement: string }
  | { readonly id: number; readonly op: 'script'; readonly steps: readonly ScriptStep[] }
  | { readonly id: number; readonly op: 'close' };

type Reply = { readonly id: number; readonly ok: true; readonly result?: EmbeddedResult<unknown> } | { readonly id: number; readonly ok: false; readonly error: SerializedError };

interface SerializedError {
  readonly message: string;
  readonly name: string;
  readonly stack?: string;
  readonly fields: Record<string, unknown>;
}

/**
 * The worker's program, plain JavaScript run with `eval` (so it needs no build step and loads
 * the same PGlite the caller resolved). It opens PGlite, then answers one request at a time
 * in arrival order; PGlite queues them anyway.
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite } = require(workerData.pgliteEntry);
const parsers = { 20: (value) => Number(value), 1082: (value) => value };
function serialize(error) {
  const fields = {};
  if (error && typeof error === 'object') {
    for (const key of Object.keys(error)) {
      const value = error[key];
      if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
    }
  }
  return { message: String(error && error.message || error), name: String(error && error.name || 'Error'), stack: error && error.stack, fields };
}
function resultOf(result) {
  const out = { rows: result.rows };
  if (result.affectedRows !== undefined) out.affectedRows = result.affectedRows;
  if (result.command !== undefined) out.command = result.command;
  return out;
}
const opening = PGlite.create(workerData.dataDir, { parsers, startParams: workerData.startParams });
opening.then(
  () => parentPort.postMessage({ id: 0, ok: true }),
  (error) => parentPort.postMessage({ id: 0, ok: false, error: serialize(error) }),
);
parentPort.on('message', async (request) => {
  try {
    const pglite = await opening;
    if (request.op === 'query') {
      parentPort.postMessage({ id: request.id, ok: true, result: resultOf(await pglite.query(request.statement, request.parameters)) });
    } else if (request.op === 'copy') {
      const result = await pglite.query(request.statement, [], { blob: new Blob([request.text]) });
      parentPort.postMessage({ id: request.id, ok: true, result: { rows: [], affectedRows: result.affectedRows ?? 0 } });
    } else if (request.op === 'exec') {
      await pglite.exec(request.statement);
      parentPort.postMessage({ id: request.id, ok: true });
    } else if (request.op === 'script') {
      const results = [];
      await pglite.query('BEGIN');
      for (let step = 0; step < request.steps.length; step++) {
        const current = request.steps[step];
        try {
          if ('copy' in current) {
            const result = await pglite.query(current.copy, [], { blob: new Blob([current.text]) });
            results.push({ rows: [], affectedRows: result.affectedRows ?? 0 });
          } else {
            results.push(resultOf(await pglite.query(current.statement, current.parameters || [])));
          }
        } catch (error) {
          await pglite.query('ROLLBACK');
          throw Object.assign(error, { step });
        }
      }
      await pglite.query('COMMIT');
      parentPort.postMessage({ id: request.id, ok: true, result: results });
    } else if (request.op === 'close') {
      await pglite.close();
      parentPort.postMessage({ id: request.id, ok: true });
    }
  } catch (error) {
    parentPort.postMessage({ id: request.id, ok: false, error: serialize(error) });
  }
});
`;

/** The CommonJS entry of the PGlite this module imports, for the worker to `require`. */
const pgliteEntry = createRequire(import.meta.url).resolve('@electric-sql/pglite');

class WorkerThreadDatabase implements EmbeddedDatabase {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(reply: Reply): void }>();
  private exited: Error | undefined;
  private closing: Promise<void> | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      waiting.resolve(reply);
    });
    const fail = (error: Error): void => {
      this.exited ??= error;
      for (const [id, waiting] of this.pending) waiting.resolve({ id, ok: false, error: { message: error.message, name: error.name, fields: {} } });
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the embedded database's thread ended (exit code ${code})`)));
  }

  static async open(dataDir: string): Promise<WorkerThreadDatabase> {
    const worker = new Worker(workerSource, { eval: true, workerData: { pgliteEntry, dataDir, startParams: startParams() } });
    const database = new WorkerThreadDatabase(worker);
    try {
      await database.request<undefined>(0);
    } catch (error) {
      // A database that did not open leaves no thread behind.
      await worker.terminate();
      throw error;
    }
    return database;
  }

  /** Sends a request (or, for id 0, waits for the worker's opening reply) and resolves with its result. */
  private request<T>(id: number, message?: Request): Promise<T> {
    if (this.closing && message?.op !== 'close') return Promise.reject(new Error('the embedded database is closed'));
    if (this.exited) return Promise.reject(this.exited);
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, {
        resolve: (reply) => (reply.ok ? resolve(reply.result as T) : reject(errorOf(reply.error))),
      });
      // A pending request keeps the process alive; an idle database does not.
      this.worker.ref();
      if (message) this.worker.postMessage(message);
    });
  }

  query<R>(statement: string, parameters: readonly unknown[] = []): Promise<EmbeddedResult<R>> {
    const id = this.nextId++;
    return this.request<EmbeddedResult<R>>(id, { id, op: 'query', statement, parameters });
  }

  async copyFrom(statement: string, text: string): Promise<number> {
    const id = this.nextId++;
    const result = await this.request<EmbeddedResult<unknown>>(id, { id, op: 'copy', statement, text });
    return result.affectedRows ?? 0;
  }

  async exec(statements: string): Promise<void> {
    const id = this.nextId++;
    await this.request<undefined>(id, { id, op: 'exec', statement: statements });
  }

  transactionScript(steps: readonly ScriptStep[]): Promise<EmbeddedResult<unknown>[]> {
    const id = this.nextId++;
    return this.request<EmbeddedResult<unknown>[]>(id, { id, op: 'script', steps });
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      if (!this.exited) {
        const id = this.nextId++;
        await this.request<undefined>(id, { id, op: 'close' });
      }
      await this.worker.terminate();
    })();
    return this.closing;
  }
}

/** An Error carrying the worker's error fields (`code`, `detail`, `position`, ...). */
function errorOf(serialized: SerializedError): Error {
  const error = new Error(serialized.message);
  Object.assign(error, serialized.fields);
  error.name = serialized.name;
  if (serialized.stack) error.stack = serialized.stack;
  return error;
}
