import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Store } from '../../app/ports/index.js';
import type { ContractReadCache } from '../../app/contract-read-cache.js';

/** The Fastify instance route modules see: zod schemas type each request and response. */
export type ApiApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** What every route handler may use: the store and the clock the composition root passed in. */
export interface ApiContext {
  readonly store: Store;
  /** Epoch seconds, from the server's clock option. */
  nowSeconds(): number;
  /** Expensive reads (scorecards, overviews), kept until the contract's data changes (see ContractReadCache). */
  readonly reads: ContractReadCache;
  /** "Now" for reads that default their as-of: the current minute, so repeated reads share cached results. */
  nowMinute(): number;
  /** The server-wide body limit; a route may lower it for itself, never raise it. */
  readonly bodyLimitBytes: number;
}

/**
 * A route module: registers a few related routes on the `/api/v1` scope. Adding one is this
 * file plus one line in `routes/index.ts`, plus a row per route in `access-rules.ts`.
 */
export type RouteModule = (app: ApiApp, context: ApiContext) => void;
