import { z } from 'zod';
import { endContractEvent } from '../../../app/end-contract-event.js';
import { contractEventKinds, recordContractEvent } from '../../../app/record-contract-event.js';
import type { StoredContractEvent } from '../../../app/ports/index.js';
import { formatInstantUtc } from '../../../domain/time/index.js';
import type { RouteModule } from '../api-context.js';
import { commonErrorResponses, contractIdSchema, contractParamsSchema, errorBodySchema } from '../api-schemas.js';
import { principalOf } from '../authenticate-request.js';
import { existingDateSchema, instantJsonSchema } from './lifecycle-risk-inputs.js';

const kindSchema = z.enum(contractEventKinds);

const eventJsonSchema = z.object({
  id: z.string().describe('EV-1, EV-2, ... per contract'),
  kind: kindSchema,
  startedOn: z.string(),
  endedOn: z.string().optional().describe('last day (cured, dismissed, over); absent while it lasts'),
  description: z.string(),
  party: z.enum(['client', 'vendor']).optional().describe('the party it concerns: the insolvent party, the party in breach, the party hit by force majeure'),
  recordedAt: instantJsonSchema,
});

const recordBodySchema = z.strictObject({
  kind: kindSchema,
  startedOn: existingDateSchema.describe('first day of the event'),
  endedOn: existingDateSchema.optional().describe('last day; leave out while it lasts'),
  description: z.string().min(1).max(2000).describe('what happened: "Vendor filed for Chapter 11"'),
  party: z.enum(['client', 'vendor']).optional(),
});

const recordedJsonSchema = z.object({ contractId: z.string(), created: z.boolean(), event: eventJsonSchema, message: z.string() });
const endedJsonSchema = z.object({ contractId: z.string(), changed: z.boolean(), event: eventJsonSchema, message: z.string() });

function eventJson(event: StoredContractEvent): z.input<typeof eventJsonSchema> {
  return { ...event, recordedAt: formatInstantUtc(event.recordedAt) };
}

/** Events recorded by hand as evidence for termination grounds: insolvency, force majeure, material breach. */
export const contractEventsRoutes: RouteModule = (app, { store, nowSeconds }) => {
  app.get('/contracts/:id/contract-events', {
    schema: {
      summary: 'The insolvency, force-majeure and material-breach events recorded for a contract (ticket events are POST /events)',
      tags: ['lifecycle'],
      params: contractParamsSchema,
      response: { 200: z.object({ contractId: z.string(), events: z.array(eventJsonSchema).describe('by start, then id') }), ...commonErrorResponses },
    },
    handler: async (request) => {
      const events = await store.contractEvents.listContractEvents(request.params.id);
      return { contractId: request.params.id, events: events.map(eventJson) };
    },
  });

  app.post('/contracts/:id/contract-events', {
    schema: {
      summary: 'Record an insolvency, force-majeure or material-breach event, as evidence for the termination grounds (GET /rights reads it)',
      description: 'Recording the same event again changes nothing (200, created: false).',
      tags: ['lifecycle'],
      params: contractParamsSchema,
      body: recordBodySchema,
      response: { 200: recordedJsonSchema, 201: recordedJsonSchema, ...commonErrorResponses, 422: errorBodySchema },
    },
    handler: async (request, reply) => {
      const { actor } = principalOf(request);
      const contractId = request.params.id;
      const { kind, startedOn, endedOn, description, party } = request.body;
      const { event, created } = await recordContractEvent(store, { contractId, kind, startedOn, ...(endedOn ? { endedOn } : {}), description, ...(party ? { party } : {}), now: nowSeconds(), actor });
      const message = `${created ? 'Recorded' : 'Already recorded:'} ${event.id} ${event.kind} from ${event.startedOn}${event.endedOn ? ` to ${event.endedOn}` : ''}.`;
      return reply.code(created ? 201 : 200).send({ contractId, created, event: eventJson(event), message });
    },
  });

  app.patch('/contracts/:id/contract-events/:eventId', {
    schema: {
      summary: "Record an event's last day (the insolvency dismissed, the breach cured, the force majeure over)",
      description: 'The same end again changes nothing (changed: false).',
      tags: ['lifecycle'],
      params: z.object({ id: contractIdSchema, eventId: z.string().min(1).max(64).describe('EV-1') }),
      body: z.strictObject({ endedOn: existingDateSchema.describe('last day of the event') }),
      response: { 200: endedJsonSchema, ...commonErrorResponses, 422: errorBodySchema },
    },
    handler: async (request) => {
      const { actor } = principalOf(request);
      const { id: contractId, eventId } = request.params;
      const { event, changed } = await endContractEvent(store, { contractId, eventId, endedOn: request.body.endedOn, now: nowSeconds(), actor });
      return { contractId, changed, event: eventJson(event), message: changed ? `Ended ${event.id} on ${event.endedOn}.` : `${event.id} already ends on ${event.endedOn}; nothing changed.` };
    },
  });
};
