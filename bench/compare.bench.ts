/**
 * Choosing a vendor: `supportpact compare` of the three example proposals against the
 * 36-month example forecast with 10,000 simulated futures (target: at most 5 s), and
 * `supportpact backtest` of the UCI alternative proposal against the UCI ServiceNow log
 * (24,918 incidents, 141,712 rows) beside the current contract (target: at most 10 s).
 *
 * Each figure sits beside a baseline measured in the same run:
 * - compare: one deterministic projection of the three proposals (the exact settlement code,
 *   3 × 36 months), the break-even search, the simulation alone, then the whole command as a
 *   user runs it (parsing, checks, JSON output), in this process and as a new process;
 * - backtest from the import file: reading and grouping the file alone (the importer), then
 *   the whole command (read once, both contracts measured in the same pass, settled);
 * - backtest from the store: streaming the stored tickets alone, then the whole command. The
 *   log is imported into a temporary embedded store first (not timed).
 * Times are CPU time of this process (`process.cpuUsage`; the embedded database runs in
 * process, so it counts), the one-core speed on this shared 2-core machine; wall time and the
 * load average are printed beside them. The targets are judged on CPU time.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { captureIo } from '../src/adapters/cli/cli-io.js';
import { runCli } from '../src/adapters/cli/program.js';
import { openImportFile, readImport } from '../src/adapters/importers/index.js';
import { openStore } from '../src/adapters/store/open-store.js';
import { compareProposalCosts, compileCostModel, expandForecast, findBreakEvens, parseForecast, prepareProposal, projectCosts, simulateCosts } from '../src/domain/compare/index.js';
import { parseContract } from '../src/domain/contract/parse-contract.js';
import { printTable, writeBenchResults } from './support/results.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const examples = ['northstar-tiered', 'bayline-per-incident', 'draft-with-gaps'].map((n) => join(root, 'examples', 'contracts', `${n}.contract.yaml`));
const forecastFile = join(root, 'examples', 'forecast.yaml');
const uciLog = resolve(root, '..', 'shared', 'datasets', 'incident_event_log.csv.gz');
const uciContract = join(root, 'examples', 'servicenow-uci.contract.yaml');
const uciProposal = join(root, 'examples', 'proposals', 'uci-alternative.contract.yaml');
const compareTargetSeconds = 5;
const backtestTargetSeconds = 10;
const paths = 10_000;

interface Timed {
  readonly cpuSeconds: number;
  readonly wallSeconds: number;
}

async function timed(fn: () => unknown): Promise<Timed> {
  const cpuBefore = process.cpuUsage();
  const wallBefore = process.hrtime.bigint();
  await fn();
  const cpu = process.cpuUsage(cpuBefore);
  return { cpuSeconds: (cpu.user + cpu.system) / 1e6, wallSeconds: Number(process.hrtime.bigint() - wallBefore) / 1e9 };
}

async function cli(args: string[]): Promise<string> {
  const io = captureIo({}, root);
  const code = await runCli(args, io);
  if (code !== 0) throw new Error(`supportpact ${args.join(' ')} exited ${code}: ${io.err()}`);
  return io.out();
}

const row = (t: Timed, target?: number): Record<string, string | number> => ({ 'cpu s': Number(t.cpuSeconds.toFixed(3)), 'wall s': Number(t.wallSeconds.toFixed(3)), target: target === undefined ? '' : `≤ ${target} s` });

export async function run(): Promise<{ pass: boolean }> {
  const loaded = examples.map((f) => parseContract(readFileSync(f, 'utf8'), f));
  const forecast = expandForecast(parseForecast(readFileSync(forecastFile, 'utf8'), 'examples/forecast.yaml'), 'examples/forecast.yaml');
  // Warm-up: load the modules and holiday tables once, as a second command in one process would find them.
  compareProposalCosts(loaded, forecast, { simulate: { paths: 200, seed: 1 } });

  const prepared = loaded.map((l) => prepareProposal(l, forecast));
  const projection = await timed(() => prepared.map((p) => projectCosts(p, forecast)));
  const models = prepared.map(compileCostModel);
  const breakEven = await timed(() => findBreakEvens(models, forecast));
  const simulation = await timed(() => simulateCosts(models, forecast, { paths, seed: 1 }));
  const compareArgs = ['compare', ...examples, '--forecast', forecastFile, '--simulate', String(paths), '--seed', '1', '--format', 'json'];
  let first = '';
  const command = await timed(async () => (first = await cli(compareArgs)));
  // The same seed in a second run must give the same figures.
  const reproducible = (await cli(compareArgs)) === first;
  // As a new user runs it: a fresh process through bin/supportpact.js (module loading through tsx included).
  const coldWallBefore = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [join(root, 'bin', 'supportpact.js'), ...compareArgs], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const coldWallSeconds = Number(process.hrtime.bigint() - coldWallBefore) / 1e9;
  if (child.status !== 0) throw new Error(`bin/supportpact.js compare exited ${child.status}: ${child.stderr}`);
  const sameAsInProcess = child.stdout === first;
  printTable(`compare: 3 proposals × ${forecast.months.length} months, ${paths.toLocaleString('en-US')} simulated futures (load average ${os.loadavg()[0]!.toFixed(1)})`, {
    'baseline: one deterministic projection': row(projection),
    'break-even search': row(breakEven),
    [`simulation alone (${paths.toLocaleString('en-US')} × ${forecast.months.length} × 3)`]: row(simulation),
    'supportpact compare (whole command)': row(command, compareTargetSeconds),
    'the same as a new process (wall only)': { 'cpu s': '', 'wall s': Number(coldWallSeconds.toFixed(3)), target: '' },
  });
  if (!sameAsInProcess) console.log('The new process printed different figures from the in-process run.');

  // Backtest from the import file.
  const readFile = await timed(async () => {
    const byTicket = new Map<string, number>();
    for await (const record of readImport('servicenow', await openImportFile(uciLog), { fileName: 'incident_event_log.csv.gz', zone: 'America/Sao_Paulo' })) {
      if (record.type === 'event') byTicket.set(record.event.ticket, (byTicket.get(record.event.ticket) ?? 0) + 1);
    }
  });
  const fromFile = await timed(() => cli(['backtest', uciProposal, '--tickets', uciLog, '--source', 'servicenow', '--zone', 'America/Sao_Paulo', '--current', uciContract]));

  // Backtest from the store: import first (not timed).
  const dataDir = mkdtempSync(join(os.tmpdir(), 'compare-bench-'));
  let streamStore: Timed;
  let fromStore: Timed;
  try {
    await cli(['contract', 'add', uciContract, '--data', dataDir]);
    await cli(['import', 'servicenow', uciLog, '--contract', 'uci-servicenow-2016', '--zone', 'America/Sao_Paulo', '--data', dataDir]);
    const store = await openStore({ dataDir, command: 'bench compare' });
    try {
      streamStore = await timed(async () => {
        let events = 0;
        for await (const t of store.tickets.streamTickets('uci-servicenow-2016')) events += t.events.length;
        return events;
      });
    } finally {
      await store.close();
    }
    fromStore = await timed(() => cli(['backtest', uciProposal, '--tickets', 'uci-servicenow-2016', '--data', dataDir]));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  printTable(`backtest: UCI alternative proposal beside uci-servicenow-2016 on the UCI log, 2016-03 to 2016-05 (load average ${os.loadavg()[0]!.toFixed(1)})`, {
    'baseline: read the import file': row(readFile),
    'supportpact backtest --tickets <file>': row(fromFile, backtestTargetSeconds),
    'baseline: stream the stored tickets': row(streamStore),
    'supportpact backtest --tickets <stored id>': row(fromStore, backtestTargetSeconds),
  });

  const pass = command.cpuSeconds <= compareTargetSeconds && fromFile.cpuSeconds <= backtestTargetSeconds && fromStore.cpuSeconds <= backtestTargetSeconds && reproducible && sameAsInProcess;
  if (!reproducible) console.log('The simulation gave different figures for the same seed.');
  writeBenchResults('compare', {
    targets: { compareSeconds: compareTargetSeconds, backtestSeconds: backtestTargetSeconds, judgedOn: 'cpu seconds of this process' },
    loadAverage: os.loadavg()[0],
    compare: { proposals: 3, months: forecast.months.length, paths, projection, breakEven, simulation, command, newProcessWallSeconds: coldWallSeconds, reproducible, sameAsInProcess },
    backtest: { readFile, fromFile, streamStore, fromStore },
    pass,
  });
  console.log(pass ? '\nWithin targets.' : '\nA target was missed (see above).');
  return { pass };
}
