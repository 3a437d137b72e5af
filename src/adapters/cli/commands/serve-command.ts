import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { ensureAdminToken } from '../../../app/ensure-admin-token.js';
import { SupportPactError } from '../../../domain/errors/index.js';
import { buildServer } from '../../http/build-server.js';
import { defaultHost, defaultPort, startServer } from '../../http/start-server.js';
import type { OpenedStore } from '../../store/index.js';
import type { CliIo } from '../cli-io.js';
import { registerCommand } from '../command-registry.js';
import { openCliStore, withStoreOptions, type StoreOptions } from '../open-cli-store.js';
import { demoNotice, demoNowOf, loadDemoIntoStore } from './demo-command.js';
import { formatInstantUtc } from '../../../domain/time/index.js';

export interface ListenOptions {
  readonly port: number;
  readonly host: string;
}

/** `--port`, else `PORT`, else 4477; `--host`, else 127.0.0.1 (loopback: exposing the server is a choice). */
export function resolveListenOptions(options: { port?: string; host?: string }, env: CliIo['env']): ListenOptions {
  const portText = options.port ?? env.PORT;
  const port = portText === undefined ? defaultPort : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || (portText !== undefined && !/^\d+$/.test(portText.trim()))) {
    throw new SupportPactError('USAGE', `Port "${portText}" is not a TCP port: give a whole number from 0 to 65535 (0 picks a free one).`, { problems: [{ message: `not a port: "${portText}"`, path: [options.port !== undefined ? '--port' : 'PORT'] }] });
  }
  return { port, host: options.host ?? defaultHost };
}

/** The first-start notice: the admin token, shown this once. */
export function adminTokenNotice(text: string): string {
  return [
    'First start: created an admin token (client-admin, all contracts). It is shown only now; keep it safe:',
    '',
    `  ${text}`,
    '',
    'Send it as `Authorization: Bearer <token>`; issue narrower tokens with POST /api/v1/tokens.',
    '',
  ].join('\n');
}

/**
 * Starts the API over an opened store: issues and prints the first admin token when the store
 * has none, listens, and records the URL in the folder lock so other commands are pointed to it.
 * Returns the URL and the server (the caller closes it, then the store).
 */
export async function serveApi(store: OpenedStore, io: CliIo, listen: ListenOptions, options: { now: () => number; logger?: FastifyBaseLogger }): Promise<{ url: string; app: FastifyInstance }> {
  const adminToken = await ensureAdminToken(store, Math.floor(options.now() / 1000));
  if (adminToken !== undefined) io.stdout.write(adminTokenNotice(adminToken));
  const app = buildServer({ store, now: options.now, ...(options.logger ? { logger: options.logger } : {}) });
  let url: string;
  try {
    url = await startServer({ app, port: listen.port, host: listen.host });
  } catch (error) {
    await app.close();
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      throw new SupportPactError('USAGE', `Cannot listen on ${listen.host}:${listen.port} (${code}): choose another --port or --host.`, { cause: error });
    }
    throw error;
  }
  store.advertiseHttpApi(url);
  io.stdout.write(`SupportPact serving ${store.location} at ${url}: API ${url}/api/v1, documentation ${url}/docs, dashboard ${url}/\n`);
  return { url, app };
}

/** Resolves on the first SIGINT or SIGTERM. */
function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

registerCommand((program, io, setExit) => {
  withStoreOptions(
    program
      .command('serve')
      .description('serve the HTTP API, its documentation and the dashboard (prints an admin token on the first start)')
      .option('--port <port>', `TCP port (default: $PORT or ${defaultPort})`)
      .option('--host <host>', `address to listen on (default: ${defaultHost}, this machine only)`)
      .option('--demo', 'load the demo data first when the store has no contracts', false),
  ).action(async (options: StoreOptions & { port?: string; host?: string; demo: boolean }) => {
    const listen = resolveListenOptions(options, io.env);
    const store = await openCliStore(options, io);
    try {
      let now: () => number = Date.now;
      if (options.demo) {
        if ((await store.contracts.listContracts()).length === 0) io.stdout.write(demoNotice(await loadDemoIntoStore(store, 42, { withInvoices: true })));
        // The demo lives in its own time (2027, inside the contract's term): the server's clock
        // starts at the demo's "now" and runs on from there, so every page shows the demo as it is.
        const demoNow = await demoNowOf(store);
        if (demoNow !== undefined) {
          const startedMs = Date.now();
          now = () => demoNow * 1000 + (Date.now() - startedMs);
          io.stdout.write(`demo clock: the server's "now" starts at ${formatInstantUtc(demoNow)}, the demo's; run without --demo for the real clock\n`);
        }
      }
      const logger = pino({ level: io.env.LOG_LEVEL ?? 'info' }, { write: (line: string) => void io.stdout.write(line) });
      const { app } = await serveApi(store, io, listen, { now, logger });
      const signal = await untilStopped();
      io.stdout.write(`${signal}: stopping\n`);
      await app.close();
    } finally {
      await store.close();
    }
    setExit(0);
  });
});
