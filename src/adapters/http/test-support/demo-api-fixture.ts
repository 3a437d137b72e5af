/**
 * An in-memory store holding the northstar demo (three months of tickets, outages, vendor
 * reports, a breach incident, insurance certificates, data-access events) and the bayline
 * example, tokens of every role scoped to northstar, and a server over them. Loading the demo
 * takes seconds: open it once per test file.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { readExampleContract } from '../../../../test/support/examples.js';
import { addContractVersion } from '../../../app/add-contract-version.js';
import { createToken } from '../../../app/create-token.js';
import { ensureAdminToken } from '../../../app/ensure-admin-token.js';
import type { TokenRole } from '../../../app/ports/index.js';
import { loadDemoIntoStore } from '../../cli/commands/demo-command.js';
import { openStore, type OpenedStore } from '../../store/index.js';
import { buildServer, type BuildServerOptions } from '../build-server.js';
import { baylineId, fixedNowMs, fixedNowSeconds, northstarId } from './api-fixture.js';

/** 2027-06-03T14:30:00-07:00: the demo's "now" (14:30 on the third business day of June), also the server clock. */
export const demoNowSeconds = Date.parse('2027-06-03T14:30:00-07:00') / 1000;

export interface DemoApiFixture {
  readonly app: FastifyInstance;
  readonly store: OpenedStore;
  /** Secrets: `all` is the bootstrap admin over every contract; the role tokens see only northstar. */
  readonly tokens: Readonly<Record<'all' | TokenRole, string>>;
  /** Injects with `Authorization: Bearer <secret>` when a secret is given. */
  request(options: InjectOptions & { token?: string }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function openDemoApiFixture(options: Partial<Omit<BuildServerOptions, 'store'>> = {}): Promise<DemoApiFixture> {
  const store = await openStore({ dataDir: 'memory://' });
  const all = await ensureAdminToken(store, fixedNowSeconds);
  if (!all) throw new Error('a fresh store must issue the first admin token');
  const demo = await loadDemoIntoStore(store, 42);
  if (!demo.loaded || demo.contractId !== northstarId || demo.demoNow !== demoNowSeconds) throw new Error(`the demo did not load as expected: ${JSON.stringify(demo)}`);
  await addContractVersion(store, { text: readExampleContract('bayline-per-incident'), file: 'bayline-per-incident.contract.yaml', now: fixedNowSeconds, actor: 'test' });
  const scoped = async (role: TokenRole) =>
    (await createToken(store, { name: `${role} for northstar`, role, contracts: [northstarId], now: fixedNowSeconds, actor: 'test', issuerContracts: '*' })).text;
  const tokens = { all, 'client-admin': await scoped('client-admin'), vendor: await scoped('vendor'), auditor: await scoped('auditor') };
  const app = buildServer({ store, now: () => demoNowSeconds * 1000, rateLimit: false, ...options });
  await app.ready();
  return {
    app,
    store,
    tokens,
    request({ token, ...inject }) {
      return app.inject({ ...inject, headers: { ...(inject.headers ?? {}), ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) } });
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}

export { baylineId, fixedNowMs, northstarId };
