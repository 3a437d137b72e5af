import { z } from 'zod';
import { loadStoredContract } from '../../../app/load-stored-contract.js';
import { formatInstantUtc } from '../../../domain/time/index.js';
import type { RouteModule } from '../api-context.js';
import { commonErrorResponses, contractParamsSchema } from '../api-schemas.js';
import { instantJsonSchema } from './lifecycle-risk-inputs.js';

const clockJsonSchema = z.object({
  contractId: z.string(),
  zone: z.string().describe("the contract's IANA zone (`timezone:` of its latest version), for example America/Los_Angeles"),
  asOf: instantJsonSchema.describe("the server's now, ISO-8601 UTC to the second: what month-to-date and today mean for this contract"),
});

const description =
  "For clients such as the dashboard, which show instants in the contract's zone and must not use their own clock: the server decides what now is (its clock, or a fixed instant in a demo). Every role that may see the contract may ask.";

/** The server's now and the contract's zone, in one cheap read. */
export const clockRoutes: RouteModule = (app, { store, nowSeconds, reads }) => {
  app.get('/contracts/:id/clock', {
    schema: {
      summary: "The server's now and the contract's zone",
      description,
      tags: ['contracts'],
      params: contractParamsSchema,
      response: { 200: clockJsonSchema, ...commonErrorResponses },
    },
    handler: async (request) => {
      const { id } = request.params;
      // The zone changes only with a new version: kept until the contract's data changes, so the YAML is not parsed on every read.
      const zone = await reads.get(store, id, 'zone', async () => (await loadStoredContract(store, id)).loaded.contract.timezone);
      return { contractId: id, zone, asOf: formatInstantUtc(nowSeconds()) };
    },
  });
};
