import { z } from 'zod';
import { createToken, maxTokenNameChars, tokenRoles } from '../../../app/create-token.js';
import { listTokens } from '../../../app/list-tokens.js';
import type { ApiToken } from '../../../app/ports/index.js';
import { revokeToken } from '../../../app/revoke-token.js';
import { formatInstantUtc } from '../../../domain/time/index.js';
import type { RouteModule } from '../api-context.js';
import { commonErrorResponses, contractIdSchema } from '../api-schemas.js';
import { forgetCachedTokens, principalOf } from '../authenticate-request.js';

const tokenSchema = z.object({
  tokenId: z.string(),
  name: z.string(),
  role: z.enum(tokenRoles),
  contracts: z.union([z.literal('*'), z.array(z.string())]),
  createdAt: z.string(),
  createdBy: z.string(),
  revokedAt: z.string().nullable(),
});

function tokenJson(token: ApiToken): z.output<typeof tokenSchema> {
  return {
    tokenId: token.tokenId,
    name: token.name,
    role: token.role,
    contracts: token.contracts === '*' ? '*' : [...token.contracts],
    createdAt: formatInstantUtc(token.createdAt),
    createdBy: token.createdBy,
    revokedAt: token.revokedAt === undefined ? null : formatInstantUtc(token.revokedAt),
  };
}

/** API tokens: issue (the secret is shown once), list and revoke. A scoped client-admin manages only tokens within its contracts. */
export const tokenRoutes: RouteModule = (app, { store, nowSeconds }) => {
  app.get('/tokens', {
    schema: {
      summary: 'List the tokens within this token\'s contracts (never their secrets)',
      tags: ['tokens'],
      response: { 200: z.object({ tokens: z.array(tokenSchema) }), ...commonErrorResponses },
    },
    handler: async (request) => {
      const { token } = principalOf(request);
      return { tokens: (await listTokens(store, token.contracts)).map(tokenJson) };
    },
  });

  app.post('/tokens', {
    schema: {
      summary: 'Issue a token; its secret is in this response only',
      tags: ['tokens'],
      body: z.strictObject({
        name: z.string().min(1).max(maxTokenNameChars).describe('what the token is for: "ops dashboard", "DeskForce event feed"'),
        role: z.enum(tokenRoles),
        contracts: z.union([z.literal('*'), z.array(contractIdSchema).min(1).max(1000)]).describe('"*" (client-admin only) or contract ids'),
      }),
      response: { 201: z.object({ token: tokenSchema, secret: z.string().describe('send as `Authorization: Bearer <secret>`; it cannot be shown again') }), ...commonErrorResponses },
    },
    handler: async (request, reply) => {
      const { token: issuer, actor } = principalOf(request);
      const { name, role, contracts } = request.body;
      const created = await createToken(store, { name, role, contracts, now: nowSeconds(), actor, issuerContracts: issuer.contracts });
      return reply.code(201).send({ token: tokenJson(created.token), secret: created.text });
    },
  });

  app.delete('/tokens/:tokenId', {
    schema: {
      summary: 'Revoke a token (revoking it again changes nothing)',
      tags: ['tokens'],
      params: z.object({ tokenId: z.string().min(1).max(100) }),
      response: { 200: z.object({ token: tokenSchema, changed: z.boolean() }), ...commonErrorResponses },
    },
    handler: async (request) => {
      const { token: viewer, actor } = principalOf(request);
      const result = await revokeToken(store, request.params.tokenId, { now: nowSeconds(), actor, viewerContracts: viewer.contracts });
      forgetCachedTokens(store);
      return { token: tokenJson(result.token), changed: result.changed };
    },
  });
};
