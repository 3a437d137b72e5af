import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDemo, type DemoLoaded } from '../../../app/load-demo.js';
import type { StoreSession } from '../../../app/ports/index.js';
import { parseContract } from '../../../domain/contract/parse-contract.js';
import { formatInstantUtc } from '../../../domain/time/index.js';
import { generateDemoData } from '../../demo/index.js';
import type { CliIo } from '../cli-io.js';
import { registerCommand } from '../command-registry.js';
import { withCliStore, withStoreOptions, type StoreOptions } from '../open-cli-store.js';

/** The package root (where `examples/` ships), from this module's location in src/ or dist/src/. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'supportpact') return dir;
    } catch {
      // not here: go up
    }
    dir = dirname(dir);
  }
  throw new Error('cannot find the supportpact package root (examples/contracts/)');
}

/** The demo's contract: the northstar example that ships in `examples/contracts/`. */
export const demoContractFile = 'examples/contracts/northstar-tiered.contract.yaml';

/** Generates the seeded demo and loads it into the store (once; loading again changes nothing). */
export async function loadDemoIntoStore(store: StoreSession, seed: number, options: { withInvoices?: boolean } = {}): Promise<DemoLoaded & { demoNow: number }> {
  const text = readFileSync(join(packageRoot(), demoContractFile), 'utf8');
  const contract = parseContract(text, demoContractFile).contract;
  const data = generateDemoData({ seed, contract });
  const loaded = await loadDemo(
    store,
    {
      contractText: text,
      contractFile: demoContractFile,
      tickets: data.tickets,
      outages: data.outages,
      vendorReports: data.vendorReports,
      breachIncidents: data.risk.breachIncidents,
      insuranceCertificates: data.risk.insuranceCertificates,
      accessEvents: data.risk.accessEvents,
      now: data.demoNow,
      // With invoices, the first month is invoiced and paid ten days late, so the statement shows
      // late interest; later months stay drafts to issue from the dashboard.
      ...(options.withInvoices ? { invoices: [{ month: data.months[0] as string, paidDaysAfterDue: 10 }] } : {}),
    },
    { actor: 'demo' },
  );
  return { ...loaded, demoNow: data.demoNow };
}

/** The demo's "now" recorded when it was loaded (its audit entry), if this store holds the demo. */
export async function demoNowOf(store: StoreSession): Promise<number | undefined> {
  for (const contract of await store.contracts.listContracts()) {
    const entries = await store.audit.listAudit({ contractId: contract.contractId });
    const loaded = entries.find((e) => e.action === 'demo.loaded');
    if (loaded) return loaded.at;
  }
  return undefined;
}

export function demoNotice(result: DemoLoaded & { demoNow: number }): string {
  return result.loaded
    ? `loaded the demo: contract ${result.contractId}, ${result.tickets.toLocaleString('en-US')} tickets (${result.events.toLocaleString('en-US')} events) over three months; the demo's "now" is ${formatInstantUtc(result.demoNow)}\n`
    : `the demo contract ${result.contractId} already has tickets: nothing loaded\n`;
}

registerCommand((program, io: CliIo, setExit) => {
  withStoreOptions(
    program
      .command('demo')
      .description('load three months of realistic demo data for the northstar contract into the store')
      .option('--seed <n>', 'random seed (the same seed gives the same data)', (v) => Number.parseInt(v, 10), 42),
  ).action(async (options: StoreOptions & { seed: number }) => {
    await withCliStore(options, io, async (store) => {
      io.stdout.write(demoNotice(await loadDemoIntoStore(store, options.seed, { withInvoices: true })));
    });
    setExit(0);
  });
});
