import { z } from 'zod';
import type { RouteModule } from '../api-context.js';
import { rolePermissions } from '../access-rules.js';
import { commonErrorResponses } from '../api-schemas.js';
import { principalOf } from '../authenticate-request.js';

/** Who the caller is: the token's id, name, role, contracts and permissions (never its secret). */
export const sessionRoutes: RouteModule = (app) => {
  app.get('/session', {
    schema: {
      summary: "The calling token: its role, the contracts it may see, and what it may do",
      description: 'For clients such as the dashboard, which show only what the token may use. The permissions are the server\'s own rule table, so a client never guesses from a role name.',
      tags: ['tokens'],
      response: {
        200: z.object({ tokenId: z.string(), name: z.string(), role: z.string(), contracts: z.union([z.literal('*'), z.array(z.string())]), permissions: z.array(z.string()) }),
        ...commonErrorResponses,
      },
    },
    handler: async (request) => {
      const { token } = principalOf(request);
      return { tokenId: token.tokenId, name: token.name, role: token.role, contracts: token.contracts === '*' ? ('*' as const) : [...token.contracts], permissions: [...rolePermissions[token.role]].sort() };
    },
  });
};
