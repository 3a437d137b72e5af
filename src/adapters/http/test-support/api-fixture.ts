/** An in-memory store seeded with the northstar and bayline examples, tokens of every role, and a server over them. */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { readExampleContract } from '../../../../test/support/examples.js';
import { addContractVersion } from '../../../app/add-contract-version.js';
import { createToken } from '../../../app/create-token.js';
import { ensureAdminToken } from '../../../app/ensure-admin-token.js';
import { ingestTicketEvents } from '../../../app/ingest-ticket-events.js';
import type { TicketRecord } from '../../../app/import-ticket-records.js';
import type { TokenRole } from '../../../app/ports/index.js';
import { readImport } from '../../importers/index.js';
import { openStore, type OpenedStore } from '../../store/index.js';
import { buildServer, type BuildServerOptions } from '../build-server.js';

/** 2027-04-10T09:00:00-07:00 (Los Angeles, daylight time): the server's fixed clock. */
export const fixedNowMs = Date.parse('2027-04-10T09:00:00-07:00');
export const fixedNowSeconds = fixedNowMs / 1000;

export const northstarId = 'acme-northstar-2027';
export const baylineId = 'bayline-helpdesk-2027';

/** The ticket seeded on both contracts, so a leaked explanation of the foreign one would show. */
export const seededTicket = 'T-1001';

/** Canonical events of one ticket on a Monday in Los Angeles (PST, UTC-8). */
export function seededEvents(priority: string): Record<string, string>[] {
  return [
    { ticket: seededTicket, at: '2027-03-01T09:15:00-08:00', kind: 'created', priority, channel: 'email', category: 'troubleshooting', technology: 'Windows 11' },
    { ticket: seededTicket, at: '2027-03-01T10:05:00-08:00', kind: 'agent_replied' },
    { ticket: seededTicket, at: '2027-03-02T13:20:00-08:00', kind: 'solved' },
  ];
}

export interface ApiFixture {
  readonly app: FastifyInstance;
  readonly store: OpenedStore;
  /** Secrets: `all` is the bootstrap admin over every contract; the role tokens see only northstar. */
  readonly tokens: Readonly<Record<'all' | TokenRole, string>>;
  /** Injects with `Authorization: Bearer <secret>` when a secret is given. */
  request(options: InjectOptions & { token?: string }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function openApiFixture(options: Partial<Omit<BuildServerOptions, 'store'>> = {}): Promise<ApiFixture> {
  const store = await openStore({ dataDir: 'memory://' });
  const all = await ensureAdminToken(store, fixedNowSeconds);
  if (!all) throw new Error('a fresh store must issue the first admin token');
  for (const name of ['northstar-tiered', 'bayline-per-incident'] as const) {
    await addContractVersion(store, { text: readExampleContract(name), file: `${name}.contract.yaml`, now: fixedNowSeconds, actor: 'test' });
  }
  await ingestTicketEvents(store, northstarId, await recordsOf(seededEvents('high')), { now: fixedNowSeconds, actor: 'test' });
  await ingestTicketEvents(store, baylineId, await recordsOf(seededEvents('High')), { now: fixedNowSeconds, actor: 'test' });
  const scoped = async (role: TokenRole) =>
    (await createToken(store, { name: `${role} for northstar`, role, contracts: [northstarId], now: fixedNowSeconds, actor: 'test', issuerContracts: '*' })).text;
  const tokens = { all, 'client-admin': await scoped('client-admin'), vendor: await scoped('vendor'), auditor: await scoped('auditor') };
  const app = buildServer({ store, now: () => fixedNowMs, rateLimit: false, ...options });
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

/** Canonical rows as the records the ingest use case takes, read by the JSON Lines importer. */
async function recordsOf(rows: readonly Record<string, string>[]): Promise<TicketRecord[]> {
  async function* lines(): AsyncGenerator<string> {
    for (const row of rows) yield `${JSON.stringify(row)}\n`;
  }
  const records: TicketRecord[] = [];
  for await (const record of readImport('jsonl', lines(), { fileName: 'fixture' })) {
    if (record.type === 'skip') throw new Error(`fixture event ${record.line} is invalid: ${record.reason}`);
    if (record.type === 'ticket' || record.type === 'event') records.push(record);
  }
  return records;
}
