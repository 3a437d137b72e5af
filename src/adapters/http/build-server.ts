import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RouteOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Store } from '../../app/ports/index.js';
import { contractParam, routeKey, routeRules, type Permission } from './access-rules.js';
import type { ApiContext } from './api-context.js';
import { ContractReadCache } from '../../app/contract-read-cache.js';
import { apiError, errorReplyOf } from './api-error.js';
import { createAccessHook } from './authenticate-request.js';
import { defaultDashboardRoot, isDashboardBuilt, registerDashboard } from './register-dashboard.js';
import { docsPrefix, registerDocs } from './register-docs.js';
import { defaultRateLimit, registerSecurity, type RateLimitOptions } from './register-security.js';
import { routeModules } from './routes/index.js';

/** Every API route lives under this prefix. */
export const apiPrefix = '/api/v1';

/** 10 MB: a batch of 5,000 events is about 1.5 MB; contract uploads have their own, smaller limit. */
export const defaultBodyLimitBytes = 10 * 1024 * 1024;

export interface BuildServerOptions {
  /** The opened store (the composition root opens and closes it). */
  readonly store: Store;
  /** The clock, in epoch milliseconds (pass `Date.now`; tests pass a fixed instant). */
  readonly now: () => number;
  /** A pino logger; without one the server logs nothing. */
  readonly logger?: FastifyBaseLogger;
  readonly bodyLimitBytes?: number;
  /** Per-token request limit on `/api/`; `false` turns it off (tests that are not about it). */
  readonly rateLimit?: RateLimitOptions | false;
  /** The built dashboard; default `dist/web/` of this package. */
  readonly webRoot?: string;
}

/** A registered API route and the permission it requires. */
export interface ApiRouteInfo {
  readonly method: string;
  readonly url: string;
  readonly permission: Permission;
  readonly contractScoped: boolean;
}

const registeredRoutes = new WeakMap<FastifyInstance, ApiRouteInfo[]>();

/** The `/api/v1` routes of a built server (complete once `await app.ready()`), in registration order. */
export function listApiRoutes(app: FastifyInstance): readonly ApiRouteInfo[] {
  return registeredRoutes.get(app) ?? [];
}

function asArray<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/**
 * The HTTP server over the use cases: REST under `/api/v1` (bearer tokens, one access rule
 * table), OpenAPI at `/docs`, health at `/healthz`, the dashboard at `/`. Reads no env and
 * opens nothing: `buildServer({ store, now: Date.now })`, then `startServer` or `app.inject`.
 */
export function buildServer(options: BuildServerOptions): FastifyInstance {
  const { store } = options;
  const bodyLimitBytes = options.bodyLimitBytes ?? defaultBodyLimitBytes;
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: bodyLimitBytes,
    // HEAD twins of GET routes would need their own access rules; the dashboard's files keep theirs.
    exposeHeadRoutes: false,
    return503OnClosing: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const webRoot = options.webRoot ?? defaultDashboardRoot();
  const dashboardBuilt = isDashboardBuilt(webRoot);

  app.setErrorHandler((error, request, reply) => {
    const { status, body, internal } = errorReplyOf(error, request.id);
    if (internal) request.log.error({ err: error }, 'request failed');
    if (body.error.code === 'UNAUTHENTICATED') void reply.header('www-authenticate', 'Bearer');
    return reply.code(status).type('application/json; charset=utf-8').send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // Client-side routes of the dashboard (a browser asking for a page) get its index.html.
    if (dashboardBuilt && request.method === 'GET' && !path.startsWith('/api/') && !path.startsWith(docsPrefix) && (request.headers.accept ?? '').includes('text/html')) {
      return reply.sendFile('index.html');
    }
    return reply.code(404).type('application/json; charset=utf-8').send(apiError('NOT_FOUND', `No route ${request.method} ${path}; the API is under ${apiPrefix} (documentation at ${docsPrefix}).`));
  });

  app.addContentTypeParser(['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'], { parseAs: 'string' }, (_request, body, done) => done(null, body));

  registerSecurity(app, options.rateLimit ?? defaultRateLimit);
  registerDocs(app);

  // In a plugin, so it is registered after the OpenAPI collector and appears in the document.
  app.register(async (root) => {
    root.withTypeProvider<ZodTypeProvider>().get('/healthz', {
      schema: { summary: 'Liveness: answers without a token', tags: ['health'], security: [], response: { 200: z.object({ status: z.literal('ok'), store: z.enum(['pglite', 'postgres']) }) } },
      handler: async () => ({ status: 'ok' as const, store: store.backend }),
    });
  });

  const routes: ApiRouteInfo[] = [];
  registeredRoutes.set(app, routes);
  // Every route under the API prefix, whichever plugin registers it, needs a rule and gets the access hook.
  app.addHook('onRoute', (route: RouteOptions) => {
    if (route.url !== apiPrefix && !route.url.startsWith(`${apiPrefix}/`)) return;
    for (const method of asArray(route.method)) {
      const key = routeKey(method, route.url);
      const permission = routeRules[key];
      if (permission === undefined) throw new Error(`${key} has no row in src/adapters/http/access-rules.ts: every API route needs one.`);
      const contractScoped = route.url.includes(`:${contractParam}`);
      routes.push({ method, url: route.url, permission, contractScoped });
      route.preParsing = [...asArray(route.preParsing), createAccessHook(store, permission, contractScoped)];
    }
  });
  const nowSeconds = (): number => Math.floor(options.now() / 1000);
  const context: ApiContext = { store, nowSeconds, nowMinute: () => Math.floor(nowSeconds() / 60) * 60, reads: new ContractReadCache(), bodyLimitBytes };
  app.register(
    async (api) => {
      const typed = api.withTypeProvider<ZodTypeProvider>();
      for (const registerRoutes of routeModules) registerRoutes(typed, context);
    },
    { prefix: apiPrefix },
  );

  registerDashboard(app, webRoot);
  return app;
}
