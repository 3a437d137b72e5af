import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { escapeHtml } from '../render/html.js';

/**
 * `dist/web/` of the package this file belongs to: found by walking up to the nearest
 * package.json, so it is the same folder from `src/` (tsx) and from `dist/src/` (built).
 */
export function defaultDashboardRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  return join(folder, 'dist', 'web');
}

/** Whether the dashboard has been built into `webRoot`. */
export function isDashboardBuilt(webRoot: string): boolean {
  return existsSync(join(webRoot, 'index.html'));
}

/** What `/` shows when the dashboard has not been built: how to build it, and where the API is. */
export function dashboardMissingPage(webRoot: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>SupportPact</title></head>
<body>
<h1>SupportPact is running</h1>
<p>The dashboard has not been built: there is no <code>index.html</code> in <code>${escapeHtml(webRoot)}</code>.</p>
<p>Build it into <code>dist/web/</code> with <code>npm run build:web</code> (or <code>npm run build</code>, which builds the server too), then restart the server.</p>
<p>Meanwhile the API answers at <code>/api/v1</code> (documentation at <a href="/docs">/docs</a>) and <a href="/healthz">/healthz</a> reports health.</p>
</body>
</html>
`;
}

/** Serves the built dashboard at `/`, or a plain page saying how to build it. */
export function registerDashboard(app: FastifyInstance, webRoot: string): void {
  if (isDashboardBuilt(webRoot)) {
    app.register(fastifyStatic, { root: webRoot, prefix: '/', index: 'index.html', schemaHide: true });
    return;
  }
  app.get('/', { schema: { hide: true } }, (_request, reply) => reply.type('text/html; charset=utf-8').send(dashboardMissingPage(webRoot)));
}
