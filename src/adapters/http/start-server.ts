import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';

/** The server listens on loopback unless told otherwise: exposing it is a deliberate choice. */
export const defaultHost = '127.0.0.1';
export const defaultPort = 4477;

/** Starts listening and returns the base URL: `await startServer({ app, port: 4477 })` is `'http://127.0.0.1:4477'`. */
export async function startServer(options: { app: FastifyInstance; port?: number; host?: string }): Promise<string> {
  const host = options.host ?? defaultHost;
  await options.app.listen({ port: options.port ?? defaultPort, host });
  const address = options.app.server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${shownHost}:${address.port}`;
}
