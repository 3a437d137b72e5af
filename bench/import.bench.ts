/**
 * `supportpact import` speed and memory (issue "Ticket data"). Targets:
 * - 1,000,000 synthetic northstar tickets (about 8 million events, canonical JSON Lines with an
 *   `id` per event) imported at >= 100,000 events/s into PGlite and >= 150,000 events/s into
 *   the PostgreSQL server, peak memory under 1 GB;
 * - the UCI ServiceNow log (141,712 rows, `--zone America/Sao_Paulo`) imported into PGlite and
 *   scored for one month in at most 10 s.
 * Beside them, in the same run and over the same events: csv-parse alone over the same events
 * as canonical CSV (the ceiling of a streaming parser), readline + JSON.parse alone, and
 * `readImport` alone (no store), with and without event ids (ids are then line digests).
 * A month's scorecard over the imported 1,000,000 tickets in at most 2 s (wall, store already
 * open), from the materialised ticket facts; beside it, over a tenth of the tickets, the same
 * month from the facts and by streaming every event (the baseline), which must be identical.
 *
 * Every subject runs in a fresh child process (`--child <job>`), so each peak RSS is its own
 * (`process.resourceUsage().maxRSS`) and no run inherits another's heap. The files are
 * written once into a temporary folder and removed at the end; stores are created in a child
 * of their own first (a new PGlite folder's initdb peaks near 950 MB, which is not
 * the import's). Rates are given by wall time and by CPU time. An import runs on two threads
 * at once: the main thread parses, computes facts and encodes the next batch while PGlite (on
 * the embedded database's worker thread) stores the last one; the busier of the two, read
 * from /proc/self/task, is the rate the import would reach with no idle time. For the server,
 * the busier of the client's main thread and its server backends (/proc/<pid>/stat). `pass`
 * rates PGlite by wall (both threads are the user's) and the server by the busier CPU (here
 * its backends share the client's two cores, which a deployment's server does not).
 *
 * `npx tsx bench/run.ts import` (1,000,000 tickets, a few minutes); append `--tickets=100000`
 * for a quick run. PostgreSQL: SUPPORTPACT_BENCH_DATABASE_URL or
 * postgres://postgres@127.0.0.1:5432/test, in the schema supportpact_bench_import.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { exampleContractPath, repoRoot } from '../test/support/examples.js';
import { printTable, writeBenchResults } from './support/results.js';

// Each child loads only what its job needs (below, with `await import`): a reader alone should
// not carry the store's modules, whose heap would blur its memory figure.
const load = {
  csvParse: () => import('csv-parse'),
  importers: () => import('../src/adapters/importers/index.js'),
  importCommand: () => import('../src/adapters/cli/commands/import-command.js'),
  store: () => import('../src/adapters/store/open-store.js'),
  addContractVersion: () => import('../src/app/add-contract-version.js'),
  scorecardForMonth: () => import('../src/app/scorecard-for-month.js'),
  syntheticFiles: () => import('./support/synthetic-events-file.js'),
};

const defaultTickets = 1_000_000;
const targets = { pgliteEventsPerSecond: 100_000, postgresEventsPerSecond: 150_000, peakRssMb: 1024, uciSeconds: 10, scorecardSeconds: 2 };
const uciLog = resolve(repoRoot, '..', 'shared', 'datasets', 'incident_event_log.csv.gz');
const uciContract = join(repoRoot, 'examples', 'servicenow-uci.contract.yaml');
const northstarContract = exampleContractPath('northstar-tiered');
const databaseUrl = process.env.SUPPORTPACT_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = 'supportpact_bench_import';
/** Names this benchmark's server connections, so their backends' CPU can be found in /proc. */
const applicationName = 'supportpact-bench-import';
const month = '2027-03';
const asOf = '2027-04-10T00:00:00-07:00';
const uciMonth = '2016-03';
const uciAsOf = '2017-03-01T00:00:00Z';

type Job =
  | { kind: 'csv-parse'; file: string }
  | { kind: 'json-lines'; file: string }
  | { kind: 'read-import'; file: string; source: 'jsonl' | 'csv' }
  | { kind: 'prepare-pglite'; dir: string; contract: string }
  | { kind: 'prepare-postgres'; contract: string }
  | { kind: 'import'; file: string; backend: 'pglite' | 'postgres'; dir?: string; contractId: string }
  | { kind: 'scorecard'; dir: string; contractId: string; month: string; asOf: string; allowFacts: boolean }
  | { kind: 'uci'; dir: string };

/** What a child reports: its own CPU and wall time, peak RSS, and what it counted. */
interface Measured {
  readonly events: number;
  /** CPU of the whole process: the main thread, V8's garbage-collection helpers and libuv's file-read threads. */
  readonly cpuSeconds: number;
  /** CPU of the main thread alone (/proc/self/task), where parsing and PGlite run: the bound on throughput when the helpers have a core of their own. */
  readonly mainThreadCpuSeconds: number;
  readonly wallSeconds: number;
  readonly peakRssMb: number;
  readonly serverCpuSeconds?: number;
  /** CPU of the embedded database's worker thread (PGlite imports): the busiest thread other than the main one, read just before the store closes. */
  readonly databaseThreadCpuSeconds?: number;
  readonly detail?: Record<string, number | string>;
}

// ---- child side -------------------------------------------------------------------------

/** CPU seconds (utime + stime) of a process or thread from its /proc stat file, e.g. `/proc/self/task/<tid>/stat`. */
function cpuSecondsOfStat(path: string): number {
  const fields = readFileSync(path, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ ticks
}

/** CPU seconds of this process's main thread (its task id is the process id), from /proc; the process's when /proc is missing. */
function mainThreadCpuSeconds(): number {
  try {
    return cpuSecondsOfStat(`/proc/self/task/${process.pid}/stat`);
  } catch {
    const cpu = process.cpuUsage();
    return (cpu.user + cpu.system) / 1e6;
  }
}

/**
 * CPU seconds of the busiest thread of this process other than the main one: the embedded
 * database's worker, which runs PGlite (V8's helper threads use a few seconds each). Undefined
 * without /proc.
 */
function busiestOtherThreadCpuSeconds(): number | undefined {
  try {
    let busiest = 0;
    for (const task of readdirSync('/proc/self/task')) {
      if (Number(task) !== process.pid) busiest = Math.max(busiest, cpuSecondsOfStat(`/proc/self/task/${task}/stat`));
    }
    return busiest;
  } catch {
    return undefined;
  }
}

async function timed(work: () => Promise<{ events: number; serverCpuSeconds?: number; databaseThreadCpuSeconds?: number; detail?: Measured['detail'] }>): Promise<Measured> {
  const cpuBefore = process.cpuUsage();
  const mainBefore = mainThreadCpuSeconds();
  const wallBefore = process.hrtime.bigint();
  const result = await work();
  const cpu = process.cpuUsage(cpuBefore);
  return {
    ...result,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    mainThreadCpuSeconds: mainThreadCpuSeconds() - mainBefore,
    wallSeconds: Number(process.hrtime.bigint() - wallBefore) / 1e9,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

const serverUrl = (): string => `${databaseUrl}${databaseUrl.includes('?') ? '&' : '?'}application_name=${applicationName}`;

/**
 * CPU seconds of this benchmark's server backends (found by application name), sampled from
 * /proc every 200 ms so a backend that ends keeps its last reading; needs the server on this
 * machine (else undefined).
 */
function watchServerCpu(query: (sql: string) => Promise<Record<string, unknown>[]>): { stop(): Promise<number | undefined> } {
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  let readable = true;
  const cpuOf = (pid: number): number | undefined => {
    try {
      return cpuSecondsOfStat(`/proc/${pid}/stat`);
    } catch {
      return undefined;
    }
  };
  const sample = async (): Promise<void> => {
    const rows = await query(`SELECT pid FROM pg_stat_activity WHERE application_name = '${applicationName}'`);
    for (const { pid } of rows) {
      const cpu = cpuOf(Number(pid));
      if (cpu === undefined) {
        readable = false;
        continue;
      }
      if (!first.has(Number(pid))) first.set(Number(pid), cpu);
      last.set(Number(pid), cpu);
    }
  };
  let sampling = sample();
  const timer = setInterval(() => void (sampling = sampling.then(sample).catch(() => undefined)), 200);
  return {
    async stop() {
      clearInterval(timer);
      await sampling.then(sample).catch(() => undefined);
      if (!readable || last.size === 0) return undefined;
      let total = 0;
      for (const [pid, cpu] of last) total += cpu - (first.get(pid) ?? 0);
      return total;
    },
  };
}

async function runJob(job: Job): Promise<Measured> {
  switch (job.kind) {
    case 'csv-parse': {
      const { parse } = await load.csvParse();
      return timed(async () => {
        let records = 0;
        const parser = createReadStream(job.file).pipe(parse({ relax_column_count: true, skip_empty_lines: true, bom: true }));
        for await (const record of parser as AsyncIterable<string[]>) records += record.length > 0 ? 1 : 0;
        return { events: records - 1 };
      });
    }
    case 'json-lines':
      return timed(async () => {
        let events = 0;
        for await (const line of createInterface({ input: createReadStream(job.file), crlfDelay: Infinity })) if (line !== '' && JSON.parse(line) !== null) events++;
        return { events };
      });
    case 'read-import': {
      const { openImportFile, readImport } = await load.importers();
      return timed(async () => {
        let events = 0;
        let skips = 0;
        for await (const record of readImport(job.source, await openImportFile(job.file), { fileName: 'events' })) {
          if (record.type === 'event') events++;
          else if (record.type === 'skip') skips++;
        }
        return { events, detail: { skips } };
      });
    }
    case 'prepare-pglite': {
      const [{ openStore }, { addContractVersion }] = await Promise.all([load.store(), load.addContractVersion()]);
      return timed(async () => {
        rmSync(job.dir, { recursive: true, force: true });
        const store = await openStore({ dataDir: job.dir });
        await addContractVersion(store, { text: readFileSync(job.contract, 'utf8'), file: job.contract, now: 1_800_000_000, actor: 'bench' });
        await store.close();
        return { events: 0 };
      });
    }
    case 'prepare-postgres': {
      const [{ openStore }, { addContractVersion }] = await Promise.all([load.store(), load.addContractVersion()]);
      return timed(async () => {
        await onServer(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        const fresh = await openStore({ databaseUrl, schema });
        await addContractVersion(fresh, { text: readFileSync(job.contract, 'utf8'), file: job.contract, now: 1_800_000_000, actor: 'bench' });
        await fresh.close();
        return { events: 0 };
      });
    }
    case 'import': {
      const [{ openStore }, { importTicketFile }] = await Promise.all([load.store(), load.importCommand()]);
      return timed(async () => {
        const store = job.backend === 'pglite' ? await openStore({ dataDir: job.dir! }) : await openStore({ databaseUrl: serverUrl(), schema });
        const server = job.backend === 'postgres' ? watchServerCpu((sql) => store.queryRaw(sql)) : undefined;
        const { summary, result } = await importTicketFile(store, { path: job.file, fileName: 'events.jsonl', source: 'jsonl', contractId: job.contractId });
        const serverCpuSeconds = await server?.stop();
        // Before closing: the worker thread, and its CPU figures, end with the store.
        const databaseThreadCpuSeconds = job.backend === 'pglite' ? busiestOtherThreadCpuSeconds() : undefined;
        await store.close();
        return {
          events: summary.events,
          ...(serverCpuSeconds === undefined ? {} : { serverCpuSeconds }),
          ...(databaseThreadCpuSeconds === undefined ? {} : { databaseThreadCpuSeconds }),
          detail: { newEvents: result.newRows.events, newTickets: result.newRows.tickets, batches: result.batches, skipped: summary.skipped },
        };
      });
    }
    case 'scorecard': {
      // Opening the store (PGlite replays its folder) is timed apart: the target is the scorecard's.
      const [{ openStore }, { scorecardForMonth }] = await Promise.all([load.store(), load.scorecardForMonth()]);
      const openedAt = process.hrtime.bigint();
      const store = await openStore({ dataDir: job.dir });
      const openSeconds = Number(process.hrtime.bigint() - openedAt) / 1e9;
      const measured = await timed(async () => {
        const { scorecard, source } = await scorecardForMonth(store, job.contractId, job.month, Date.parse(job.asOf) / 1000, { allowFacts: job.allowFacts });
        const digest = createHash('sha256').update(JSON.stringify(scorecard)).digest('hex').slice(0, 16);
        return { events: 0, detail: { source, digest, created: scorecard.volumes.created, solved: scorecard.volumes.solved, openSeconds } };
      });
      await store.close();
      return measured;
    }
    case 'uci': {
      const [{ openStore }, { importTicketFile }, { scorecardForMonth }] = await Promise.all([load.store(), load.importCommand(), load.scorecardForMonth()]);
      const mainBefore = mainThreadCpuSeconds();
      const cpuBefore = process.cpuUsage();
      const wallBefore = process.hrtime.bigint();
      const store = await openStore({ dataDir: job.dir });
      const { summary } = await importTicketFile(store, { path: uciLog, fileName: 'incident_event_log.csv.gz', source: 'servicenow', contractId: 'uci-servicenow-2016', zone: 'America/Sao_Paulo' });
      const importCpu = process.cpuUsage(cpuBefore);
      const importWall = Number(process.hrtime.bigint() - wallBefore) / 1e9;
      const { scorecard } = await scorecardForMonth(store, 'uci-servicenow-2016', uciMonth, Date.parse(uciAsOf) / 1000);
      await store.close();
      const cpu = process.cpuUsage(cpuBefore);
      return {
        events: summary.events,
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
        mainThreadCpuSeconds: mainThreadCpuSeconds() - mainBefore,
        wallSeconds: Number(process.hrtime.bigint() - wallBefore) / 1e9,
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        detail: { rows: summary.rowsRead, tickets: summary.tickets, importCpuSeconds: (importCpu.user + importCpu.system) / 1e6, importWallSeconds: importWall, created: scorecard.volumes.created },
      };
    }
  }
}

// ---- parent side ------------------------------------------------------------------------

const self = fileURLToPath(import.meta.url);

/** Heap cap of the reading-alone runs: reading a file of any size must fit (it costs no CPU: 8 M events read in 11.5 s either way). */
const readingHeapMb = 64;

function inChild(job: Job, nodeFlags: readonly string[] = []): Measured {
  const child = spawnSync(process.execPath, [...nodeFlags, '--import', 'tsx', self, '--child', JSON.stringify(job)], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`${job.kind} failed (exit ${child.status}): ${child.stderr.slice(-4000)}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as Measured;
}

/**
 * Runs one statement on the server outside any store (a store would migrate its schema); false
 * when the server cannot be reached. Used to see whether the server is there and to drop the
 * benchmark's schema afterwards (8 million events are 2 GB).
 */
async function onServer(statement: string): Promise<boolean> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query(statement);
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const mb = (bytes: number): number => Math.round(bytes / 1048576);

/** `--tickets=100000` (the form `bench/run.ts` passes through) or `--tickets 100000`. */
function ticketsArgument(): number {
  const joined = process.argv.find((a) => a.startsWith('--tickets='));
  const at = process.argv.indexOf('--tickets');
  const text = joined ? joined.slice('--tickets='.length) : at > 0 ? process.argv[at + 1] : undefined;
  const value = text === undefined ? defaultTickets : Number(text);
  if (!Number.isSafeInteger(value) || value < 1000) throw new Error(`--tickets wants a whole number of at least 1,000, got ${text}`);
  return value;
}

export async function run(): Promise<{ pass: boolean }> {
  const tickets = ticketsArgument();
  const smallTickets = Math.round(tickets / 10);
  const loadBefore = os.loadavg();
  const dir = mkdtempSync(join(os.tmpdir(), 'supportpact-import-bench-'));
  try {
    // 1. The files, written once: the full set, and a tenth of it (the same first tickets) for the memory check and the slower variants.
    const writeStarted = process.hrtime.bigint();
    const files = { jsonl: join(dir, 'events.jsonl'), csv: join(dir, 'events.csv') };
    const small = { jsonl: join(dir, 'small.jsonl'), csv: join(dir, 'small.csv'), jsonlWithoutIds: join(dir, 'small-no-ids.jsonl') };
    const { writeSyntheticEventsFiles } = await load.syntheticFiles();
    const written = await writeSyntheticEventsFiles(files, { tickets, seed: 1 });
    const writtenSmall = await writeSyntheticEventsFiles(small, { tickets: smallTickets, seed: 1 });
    const writeSeconds = Number(process.hrtime.bigint() - writeStarted) / 1e9;
    console.log(
      `wrote ${written.tickets.toLocaleString('en-US')} tickets, ${written.events.toLocaleString('en-US')} events (JSON Lines ${mb(written.bytes.jsonl!)} MB, CSV ${mb(written.bytes.csv!)} MB) ` +
        `and a tenth of them (${writtenSmall.events.toLocaleString('en-US')} events) in ${writeSeconds.toFixed(1)} s`,
    );
    const full = `${tickets.toLocaleString('en-US')} tickets`;
    const tenth = `${smallTickets.toLocaleString('en-US')} tickets`;

    // 2. Reading alone.
    const capped = [`--max-old-space-size=${readingHeapMb}`];
    const csvParse = inChild({ kind: 'csv-parse', file: files.csv }, capped);
    const jsonLines = inChild({ kind: 'json-lines', file: files.jsonl }, capped);
    const readJsonl = inChild({ kind: 'read-import', file: files.jsonl, source: 'jsonl' }, capped);
    const readJsonlSmall = inChild({ kind: 'read-import', file: small.jsonl, source: 'jsonl' }, capped);
    const readNoIds = inChild({ kind: 'read-import', file: small.jsonlWithoutIds, source: 'jsonl' }, capped);
    const readCsv = inChild({ kind: 'read-import', file: small.csv, source: 'csv' }, capped);

    // 3. Imports: PGlite (a folder, as the CLI uses), then the server.
    const pgliteDir = join(dir, 'pglite');
    inChild({ kind: 'prepare-pglite', dir: pgliteDir, contract: northstarContract });
    const pglite = inChild({ kind: 'import', file: files.jsonl, backend: 'pglite', dir: pgliteDir, contractId: 'acme-northstar-2027' });
    const scorecard = inChild({ kind: 'scorecard', dir: pgliteDir, contractId: 'acme-northstar-2027', month, asOf, allowFacts: true });
    rmSync(pgliteDir, { recursive: true, force: true });
    // The baseline beside it: the same month from the facts and by streaming every event, over a tenth of the tickets.
    const smallDir = join(dir, 'pglite-small');
    inChild({ kind: 'prepare-pglite', dir: smallDir, contract: northstarContract });
    inChild({ kind: 'import', file: small.jsonl, backend: 'pglite', dir: smallDir, contractId: 'acme-northstar-2027' });
    const scorecardSmall = inChild({ kind: 'scorecard', dir: smallDir, contractId: 'acme-northstar-2027', month, asOf, allowFacts: true });
    const scorecardSmallEvents = inChild({ kind: 'scorecard', dir: smallDir, contractId: 'acme-northstar-2027', month, asOf, allowFacts: false });
    rmSync(smallDir, { recursive: true, force: true });
    let postgres: Measured | undefined;
    if (await onServer('SELECT 1')) {
      inChild({ kind: 'prepare-postgres', contract: northstarContract });
      try {
        postgres = inChild({ kind: 'import', file: files.jsonl, backend: 'postgres', contractId: 'acme-northstar-2027' });
      } finally {
        await onServer(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      }
    } else console.log(`PostgreSQL at ${databaseUrl} is not reachable: the server import is skipped`);

    // 4. The UCI log: import and one month's scorecard, in one process on a prepared folder.
    let uci: Measured | undefined;
    if (existsSync(uciLog)) {
      const uciDir = join(dir, 'uci');
      inChild({ kind: 'prepare-pglite', dir: uciDir, contract: uciContract });
      uci = inChild({ kind: 'uci', dir: uciDir });
    } else console.log(`${uciLog} is missing: the UCI import is skipped`);
    const loadAfter = os.loadavg();

    // 5. Figures.
    const rates = (m: Measured, boundSeconds = m.mainThreadCpuSeconds) => ({
      events: m.events,
      'events/s (wall)': Math.round(m.events / m.wallSeconds),
      'events/s (busiest thread CPU)': Math.round(m.events / boundSeconds),
      'main-thread CPU s': m.mainThreadCpuSeconds,
      'process CPU s': m.cpuSeconds,
      'wall s': m.wallSeconds,
      'peak RSS MB': m.peakRssMb,
    });
    // PGlite's target is rated by wall clock: both of its threads are the user's, on the user's
    // machine. The server's by the busier of client and server CPU: on this machine the server's
    // backends compete with the client for the same two cores, which a deployment's server does
    // not. Both figures are printed for both (the next batch is read while the database writes
    // one; the busier side is the rate the import would reach with no idle time).
    const serverBusiest = postgres ? Math.max(postgres.mainThreadCpuSeconds, postgres.serverCpuSeconds ?? 0) : 0;
    const pgliteBusiest = Math.max(pglite.mainThreadCpuSeconds, pglite.databaseThreadCpuSeconds ?? 0);
    printTable(`import: ${full} (${written.events.toLocaleString('en-US')} events) of canonical JSON Lines; each subject in its own process, reading alone in a ${readingHeapMb} MB heap`, {
      [`csv-parse alone, the same events as canonical CSV (${full})`]: rates(csvParse),
      [`readline + JSON.parse alone (${full})`]: rates(jsonLines),
      [`readImport('jsonl') alone (${full})`]: rates(readJsonl),
      [`readImport('jsonl') alone (${tenth})`]: rates(readJsonlSmall),
      [`readImport('jsonl') alone, no ids: line digests (${tenth})`]: rates(readNoIds),
      [`readImport('csv') alone (${tenth})`]: rates(readCsv),
      [`import into PGlite (${full}; busiest: the main or the database thread)`]: { ...rates(pglite, pgliteBusiest), 'database thread CPU s': pglite.databaseThreadCpuSeconds ?? 'n/a' },
      ...(postgres ? { [`import into PostgreSQL (${full}; busiest: the client or the server)`]: { ...rates(postgres, serverBusiest), 'server CPU s': postgres.serverCpuSeconds ?? 'n/a' } } : {}),
    });
    if (uci) {
      printTable('UCI ServiceNow log into PGlite, then the month 2016-03 scored (one process, folder prepared beforehand)', {
        'import + scorecard': { rows: uci.detail?.rows ?? 0, events: uci.events, 'CPU s': uci.cpuSeconds, 'wall s': uci.wallSeconds, 'import CPU s': uci.detail?.importCpuSeconds ?? 0, 'import wall s': uci.detail?.importWallSeconds ?? 0, 'peak RSS MB': uci.peakRssMb },
      });
    }
    const scoreRow = (m: Measured, n: number) => ({ tickets: n, source: m.detail?.source ?? '?', 'CPU s': m.cpuSeconds, 'wall s': m.wallSeconds, 'store open s': Number(m.detail?.openSeconds ?? 0), 'peak RSS MB': m.peakRssMb, created: m.detail?.created ?? 0, solved: m.detail?.solved ?? 0, digest: m.detail?.digest ?? '' });
    printTable(`scorecardForMonth ${month} in PGlite: from the materialised facts (${full}), and beside it facts vs. streaming every event (${tenth})`, {
      [`from facts (${full})`]: scoreRow(scorecard, tickets),
      [`from facts (${tenth})`]: scoreRow(scorecardSmall, smallTickets),
      [`streaming events, the baseline (${tenth})`]: scoreRow(scorecardSmallEvents, smallTickets),
    });
    console.log(`load average (1/5/15 min) before ${loadBefore.map((x) => x.toFixed(2)).join(' ')}, after ${loadAfter.map((x) => x.toFixed(2)).join(' ')} on ${os.cpus().length} cores`);

    const allStored = pglite.detail?.newEvents === written.events && (postgres === undefined || postgres.detail?.newEvents === written.events);
    const pgliteRate = pglite.events / pglite.wallSeconds;
    const postgresRate = postgres ? postgres.events / serverBusiest : undefined;
    const peakRssMb = Math.max(pglite.peakRssMb, postgres?.peakRssMb ?? 0, readJsonl.peakRssMb);
    const met = {
      pglite: pgliteRate >= targets.pgliteEventsPerSecond,
      postgres: postgresRate === undefined ? undefined : postgresRate >= targets.postgresEventsPerSecond,
      memory: peakRssMb < targets.peakRssMb,
      // Reading alone in a capped heap: a file ten times larger may not need more (it would fail if anything grew with events).
      memoryFlat: readJsonl.peakRssMb <= readJsonlSmall.peakRssMb * 1.15,
      uci: uci === undefined ? undefined : uci.cpuSeconds <= targets.uciSeconds,
      scorecard: scorecard.detail?.source === 'ticket-facts' && scorecard.wallSeconds <= targets.scorecardSeconds,
      // Both paths must give the same scorecard, byte for byte.
      scorecardSame: scorecardSmall.detail?.digest === scorecardSmallEvents.detail?.digest && scorecardSmallEvents.detail?.source === 'events',
      allStored,
    };
    const pass = met.pglite && met.postgres !== false && met.memory && met.memoryFlat && met.uci !== false && met.scorecard && met.scorecardSame && allStored;
    console.log(
      `\ntargets: PGlite ${Math.round(pgliteRate).toLocaleString('en-US')} events/s by wall (>= ${targets.pgliteEventsPerSecond.toLocaleString('en-US')}: ${met.pglite ? 'met' : 'MISSED'}; ${Math.round(pglite.events / pgliteBusiest).toLocaleString('en-US')} by the busier thread's CPU: main ${pglite.mainThreadCpuSeconds.toFixed(1)} s, database ${pglite.databaseThreadCpuSeconds?.toFixed(1) ?? 'n/a'} s); ` +
        `PostgreSQL ${postgresRate === undefined ? 'skipped' : `${Math.round(postgresRate).toLocaleString('en-US')} events/s by the busier CPU: client ${postgres!.mainThreadCpuSeconds.toFixed(1)} s, server ${postgres!.serverCpuSeconds?.toFixed(1) ?? 'n/a'} s (>= ${targets.postgresEventsPerSecond.toLocaleString('en-US')}: ${met.postgres ? 'met' : 'MISSED'}; ${Math.round(postgres!.events / postgres!.wallSeconds).toLocaleString('en-US')} by wall, client and server sharing this machine's cores)`}; ` +
        `peak RSS ${peakRssMb} MB (< ${targets.peakRssMb}: ${met.memory ? 'met' : 'MISSED'}; reading alone ${readJsonlSmall.peakRssMb} MB at a tenth, ${readJsonl.peakRssMb} MB in full: ${met.memoryFlat ? 'flat' : 'GROWS'}); ` +
        `UCI ${uci === undefined ? 'skipped' : `${uci.cpuSeconds.toFixed(2)} s CPU, ${uci.wallSeconds.toFixed(2)} s wall (<= ${targets.uciSeconds} s: ${met.uci ? 'met' : 'MISSED'})`}; ` +
        `scorecard over ${full} ${scorecard.wallSeconds.toFixed(2)} s wall from ${scorecard.detail?.source ?? '?'} (<= ${targets.scorecardSeconds} s: ${met.scorecard ? 'met' : 'MISSED'}; over ${tenth} ${scorecardSmall.wallSeconds.toFixed(2)} s from facts vs ${scorecardSmallEvents.wallSeconds.toFixed(2)} s streaming events, ${met.scorecardSame ? 'same scorecard' : 'DIFFERENT scorecards'}); ` +
        `every event stored: ${allStored}.`,
    );
    writeBenchResults('import', {
      inputs: {
        generator: 'bench/support/synthetic-tickets.ts written by bench/support/synthetic-events-file.ts (seed 1, northstar-tiered, March 2027, America/Los_Angeles offsets, an id per event)',
        tickets,
        events: written.events,
        bytes: written.bytes,
        smallTickets,
        smallEvents: writtenSmall.events,
        writeSeconds,
        uciLog: uciLog,
      },
      measuredAs: `each subject in a fresh child process (reading alone with --max-old-space-size=${readingHeapMb}); the PGlite target rated by wall clock, the server's by the busier of client and server CPU (they share this machine's cores); both figures for both; rates by the busiest CPU: for PGlite the busier of the main thread (parsing, facts, encoding: /proc/self/task/<pid>/stat) and the embedded database's worker thread (PGlite: the busiest other task, read before the store closes); for the server import, the busier of the client's main thread and its server backends (/proc/<backend pid>/stat); process CPU and wall clock alongside; peak RSS = process.resourceUsage().maxRSS`,
      subjects: { csvParse, jsonLines, readJsonl, readJsonlSmall, readNoIds, readCsv, pglite, postgres: postgres ?? 'skipped', uci: uci ?? 'skipped' },
      rates: {
        pgliteEventsPerWallSecond: Math.round(pgliteRate),
        postgresEventsPerBusiestCpuSecond: postgresRate === undefined ? 'skipped' : Math.round(postgresRate),
        pgliteEventsPerBusiestCpuSecond: Math.round(pglite.events / pgliteBusiest),
        pgliteEventsPerProcessCpuSecond: Math.round(pglite.events / pglite.cpuSeconds),
        postgresEventsPerWallSecond: postgres ? Math.round(postgres.events / postgres.wallSeconds) : 'skipped',
      },
      scorecard: { month, asOf, fromFacts: scorecard, tenthFromFacts: scorecardSmall, tenthStreamingEvents: scorecardSmallEvents },
      targets,
      met,
      loadAverage: { before: loadBefore, after: loadAfter },
      passMeans: 'the PGlite import rate by wall clock and the server import rate by the busier of client and server CPU meet their targets, every import peaks under 1 GB, reading alone does not grow with the file, the UCI import and scorecard take <= 10 s of CPU, the month scorecard over all tickets comes from the facts in <= 2 s wall, facts and streamed events give the same scorecard, and every event was stored',
      pass,
    });
    return { pass };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Child mode: `node --import tsx bench/import.bench.ts --child '{"kind":...}'` prints one JSON line.
const childArg = process.argv.indexOf('--child');
if (childArg > 0 && process.argv[1] !== undefined && resolve(process.argv[1]) === self) {
  console.log(JSON.stringify(await runJob(JSON.parse(process.argv[childArg + 1]!) as Job)));
}

