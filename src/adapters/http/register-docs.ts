import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { createJsonSchemaTransform } from 'fastify-type-provider-zod';

/** Where the API documentation lives: the UI at `/docs`, the OpenAPI document at `/docs/json`. */
export const docsPrefix = '/docs';

/** The OpenAPI document (built from the routes' zod schemas) and its browsable UI. */
export function registerDocs(app: FastifyInstance): void {
  app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'SupportPact API',
        version: '1',
        description:
          'Contracts, ticket events, scorecards and clocks of outsourced IT helpdesks. Every `/api/v1` request needs `Authorization: Bearer <token>`; every failure is `{ "error": { "code", "message", "details" } }`.',
      },
      components: { securitySchemes: { bearerToken: { type: 'http', scheme: 'bearer', description: 'an API token, `sp_...`' } } },
      security: [{ bearerToken: [] }],
    },
    transform: createJsonSchemaTransform({ skipList: [`${docsPrefix}/`, `${docsPrefix}/json`, `${docsPrefix}/yaml`, `${docsPrefix}/*`, `${docsPrefix}/static/*`, `${docsPrefix}/initOAuth`, `${docsPrefix}/uiConfig`] }),
  });
  app.register(swaggerUi, { routePrefix: docsPrefix, uiConfig: { validatorUrl: null } });
}
