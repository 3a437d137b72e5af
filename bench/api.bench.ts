/**
 * `npm run bench -- api`: the HTTP API with autocannon on loopback, on the embedded database
 * (PGlite in a temp folder) loaded with the demo. Side by side with a bare Fastify route (the
 * ceiling). Targets: event ingestion >= 5,000 events/s in batches of 100 with p99 < 100 ms;
 * the overview and scorecard endpoints p99 < 50 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { createToken } from '../src/app/create-token.js';
import { loadDemoIntoStore } from '../src/adapters/cli/commands/demo-command.js';
import { buildServer } from '../src/adapters/http/build-server.js';
import { openStore } from '../src/adapters/store/open-store.js';
import { printTable, writeBenchResults } from './support/results.js';

const contractId = 'acme-northstar-2027';
const seconds = Number(process.env.BENCH_API_SECONDS ?? 8);

interface Figures {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

async function load(options: autocannon.Options): Promise<Figures> {
  const result = await autocannon({ duration: seconds, connections: 10, ...options });
  return { requestsPerSec: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99, errors: result.errors, non2xx: result.non2xx };
}

export async function run(): Promise<{ pass: boolean }> {
  // The ceiling: a bare Fastify route on the same machine in the same run.
  const bare = Fastify();
  bare.get('/ping', async () => ({ ok: true }));
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
  const baseline = await load({ url: `${bareUrl}/ping` });
  await bare.close();

  const dir = mkdtempSync(join(tmpdir(), 'bench-api-'));
  const store = await openStore({ dataDir: join(dir, 'data') });
  try {
    const demo = await loadDemoIntoStore(store, 42);
    const now = demo.demoNow * 1000;
    const app = buildServer({ store, now: () => now, rateLimit: false });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const { text: token } = await createToken(store, { name: 'bench', role: 'client-admin', contracts: '*', now: demo.demoNow, actor: 'bench', issuerContracts: '*' });
    const headers = { authorization: `Bearer ${token}` };

    const coldMs: Record<string, number> = {};
    const timeOnce = async (name: string, path: string): Promise<void> => {
      const started = performance.now();
      const response = await fetch(`${url}${path}`, { headers });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      await response.arrayBuffer();
      coldMs[name] = performance.now() - started;
    };
    const scorecardPath = `/api/v1/contracts/${contractId}/scorecards/2027-04`;
    const overviewPath = `/api/v1/contracts/${contractId}/overview`;
    await timeOnce('scorecard', scorecardPath);
    await timeOnce('overview', overviewPath);
    const scorecard = await load({ url: `${url}${scorecardPath}`, headers });
    const overview = await load({ url: `${url}${overviewPath}`, headers });

    // Ingestion: each request posts 100 new events (25 tickets x 4 events), never seen before.
    let batch = 0;
    const ingest = await load({
      url,
      connections: 2,
      requests: [
        {
          method: 'POST',
          path: `/api/v1/contracts/${contractId}/events`,
          headers: { ...headers, 'content-type': 'application/json' },
          setupRequest: (request) => {
            const n = batch++;
            const events: Record<string, string>[] = [];
            for (let t = 0; t < 25; t++) {
              const ticket = `BENCH-${n}-${t}`;
              events.push(
                { ticket, at: '2027-05-20T09:00:00-07:00', kind: 'created', priority: 'normal', channel: 'email', id: `${ticket}-c` },
                { ticket, at: '2027-05-20T09:20:00-07:00', kind: 'agent_replied', id: `${ticket}-r` },
                { ticket, at: '2027-05-20T11:00:00-07:00', kind: 'solved', id: `${ticket}-s` },
                { ticket, at: '2027-05-23T11:00:00-07:00', kind: 'closed', id: `${ticket}-x` },
              );
            }
            return { ...request, body: JSON.stringify({ events }) };
          },
        },
      ],
    });
    await app.close();

    const eventsPerSec = ingest.requestsPerSec * 100;
    const rows: Record<string, Record<string, string | number>> = {
      'bare Fastify route (ceiling)': { 'req/s': Math.round(baseline.requestsPerSec), 'p50 ms': baseline.p50Ms, 'p99 ms': baseline.p99Ms },
      'GET scorecard (demo, cached)': { 'req/s': Math.round(scorecard.requestsPerSec), 'p50 ms': scorecard.p50Ms, 'p99 ms': scorecard.p99Ms, 'cold ms': Math.round(coldMs.scorecard ?? 0) },
      'GET overview (demo, cached)': { 'req/s': Math.round(overview.requestsPerSec), 'p50 ms': overview.p50Ms, 'p99 ms': overview.p99Ms, 'cold ms': Math.round(coldMs.overview ?? 0) },
      'POST events, 100 per batch': { 'req/s': Math.round(ingest.requestsPerSec), 'events/s': Math.round(eventsPerSec), 'p50 ms': ingest.p50Ms, 'p99 ms': ingest.p99Ms },
    };
    printTable(`HTTP API on PGlite (${seconds}s each, loopback; cold = first request, before the read cache holds it)`, rows);
    const errors = [baseline, scorecard, overview, ingest].reduce((sum, f) => sum + f.errors + f.non2xx, 0);
    const pass = eventsPerSec >= 5000 && ingest.p99Ms < 100 && scorecard.p99Ms < 50 && overview.p99Ms < 50 && errors === 0;
    const file = writeBenchResults('api', {
      seconds,
      baseline,
      scorecard: { ...scorecard, coldMs: coldMs.scorecard },
      overview: { ...overview, coldMs: coldMs.overview },
      ingestion: { ...ingest, eventsPerSec, batchSize: 100 },
      targets: { eventsPerSec: 5000, ingestionP99Ms: 100, readP99Ms: 50 },
      errors,
      pass,
    });
    console.log(`\n${pass ? 'PASS' : 'MISS'}: ingestion ${Math.round(eventsPerSec)} events/s (p99 ${ingest.p99Ms} ms), scorecard p99 ${scorecard.p99Ms} ms, overview p99 ${overview.p99Ms} ms; written ${file}`);
    return { pass };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
