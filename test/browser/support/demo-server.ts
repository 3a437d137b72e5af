/**
 * The real server over an in-memory store seeded with the northstar demo (three months of
 * tickets, outages and vendor reports from `generateDemoData({ seed: 42 })`), plus the bayline
 * example contract and a vendor token scoped to northstar, listening on 127.0.0.1 port 0.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { generateDemoData, type DemoData } from '../../../src/adapters/demo/index.js';
import { buildServer } from '../../../src/adapters/http/build-server.js';
import { openStore, type OpenedStore } from '../../../src/adapters/store/index.js';
import { addContractVersion } from '../../../src/app/add-contract-version.js';
import { createToken } from '../../../src/app/create-token.js';
import { ensureAdminToken } from '../../../src/app/ensure-admin-token.js';
import { loadDemo } from '../../../src/app/load-demo.js';
import { parseContract } from '../../../src/domain/contract/parse-contract.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const webRoot = join(repoRoot, 'dist', 'web');
export const northstarId = 'acme-northstar-2027';
export const baylineId = 'bayline-helpdesk-2027';

export function exampleContractText(name: 'northstar-tiered' | 'bayline-per-incident' | 'draft-with-gaps'): string {
  return readFileSync(join(repoRoot, 'examples', 'contracts', `${name}.contract.yaml`), 'utf8');
}

export interface DemoServer {
  readonly app: FastifyInstance;
  readonly store: OpenedStore;
  /** `http://127.0.0.1:<port>` */
  readonly baseUrl: string;
  /** The first admin token (all contracts) and a vendor token that sees only northstar. */
  readonly tokens: { readonly admin: string; readonly vendor: string };
  /** The server's fixed clock, epoch seconds: the demo's now, 2027-06-03 14:30 in Los Angeles. */
  readonly nowSeconds: number;
  close(): Promise<void>;
}

export interface DemoServerOptions {
  readonly webRoot?: string;
  /** Load the demo's tickets, outages, vendor reports and risk registers (about 10 s); default true. */
  readonly withTickets?: boolean;
}

/** The demo's tickets, outages, vendor reports and risk registers, through the lead's `loadDemo` use case. */
async function importDemo(store: OpenedStore, data: DemoData, contractText: string): Promise<void> {
  await loadDemo(
    store,
    {
      contractText,
      contractFile: 'northstar-tiered.contract.yaml',
      tickets: data.tickets.map((t) => ({ header: { ...t.header, source: 'demo' }, events: t.events })),
      outages: data.outages,
      vendorReports: data.vendorReports,
      breachIncidents: data.risk.breachIncidents,
      insuranceCertificates: data.risk.insuranceCertificates,
      accessEvents: data.risk.accessEvents,
      now: data.demoNow,
    },
    { actor: 'demo' },
  );
}

/** Seeds the store with the demo and starts the server on a free port of 127.0.0.1. */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const store = await openStore({ dataDir: 'memory://' });
  const northstarText = exampleContractText('northstar-tiered');
  const contract = parseContract(northstarText, 'northstar-tiered.contract.yaml').contract;
  const data = generateDemoData({ seed: 42, contract });
  // Contracts and tokens are added a month before the demo data starts (2027-02-01T00:00:00Z).
  const setupAt = Date.parse('2027-02-01T00:00:00Z') / 1000;
  const admin = await ensureAdminToken(store, setupAt);
  if (!admin) throw new Error('a fresh store must issue the first admin token');
  await addContractVersion(store, { text: northstarText, file: 'northstar-tiered.contract.yaml', now: setupAt, actor: 'demo' });
  await addContractVersion(store, { text: exampleContractText('bayline-per-incident'), file: 'bayline-per-incident.contract.yaml', now: setupAt, actor: 'demo' });
  if (options.withTickets ?? true) await importDemo(store, data, northstarText);
  const vendor = await createToken(store, { name: 'Northstar (vendor) dashboard', role: 'vendor', contracts: [northstarId], now: setupAt, actor: 'demo', issuerContracts: '*' });
  const app = buildServer({ store, now: () => data.demoNow * 1000, rateLimit: false, webRoot: options.webRoot ?? webRoot });
  const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    app,
    store,
    baseUrl,
    tokens: { admin, vendor: vendor.text },
    nowSeconds: data.demoNow,
    async close() {
      await app.close();
      await store.close();
    },
  };
}
