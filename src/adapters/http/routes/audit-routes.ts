import { z } from 'zod';
import type { RouteModule } from '../api-context.js';
import { commonErrorResponses } from '../api-schemas.js';

/** The audit trail: prove the hash chain of every change is intact. */
export const auditRoutes: RouteModule = (app, { store }) => {
  app.get('/audit/verify', {
    schema: {
      summary: 'Walk the hash-chained audit log and report every entry that was edited, unlinked or removed',
      description: 'Removing entries from the end leaves a shorter intact chain: compare `head` with one recorded earlier.',
      tags: ['audit'],
      response: {
        200: z.object({
          intact: z.boolean(),
          entriesChecked: z.number(),
          breaks: z.array(z.object({ seq: z.number(), reason: z.enum(['hash-mismatch', 'link-mismatch', 'missing-entries']), message: z.string() })),
          head: z.object({ seq: z.number(), hash: z.string() }).nullable(),
        }),
        ...commonErrorResponses,
      },
    },
    handler: async () => {
      const verification = await store.audit.verifyAudit();
      return { intact: verification.intact, entriesChecked: verification.entriesChecked, breaks: [...verification.breaks], head: verification.head ?? null };
    },
  });
};
