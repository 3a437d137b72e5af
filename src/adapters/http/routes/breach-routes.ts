import { z } from 'zod';
import type { BreachIncidentFacts } from '../../../app/breach-incident-input.js';
import { breachRegister } from '../../../app/breach-register.js';
import { recordBreachIncident } from '../../../app/record-breach-incident.js';
import { updateBreachIncident } from '../../../app/update-breach-incident.js';
import { toRegisterJson } from '../../render/register-json.js';
import type { RouteModule } from '../api-context.js';
import { asOfSchema, commonErrorResponses, contractIdSchema, contractParamsSchema, errorBodySchema } from '../api-schemas.js';
import { principalOf } from '../authenticate-request.js';
import { instantFieldSchema, instantJsonSchema } from './lifecycle-risk-inputs.js';

const incidentIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'expected an id of letters, digits, dot, dash or underscore, such as BR-1').describe('incident id: BR-1');

const noticeFields = ['vendorNotifiedClientAt', 'individualsNotifiedAt', 'attorneyGeneralNotifiedAt'] as const;

/** The facts of an incident, as a request states them (instants with offsets). */
const factsShape = {
  discoveredAt: instantFieldSchema.describe('when the breach was discovered (ISO-8601 with offset)'),
  clientDataInvolved: z.boolean(),
  recordsAffected: z.number().int().min(0),
  californiaResidentsAffected: z.number().int().min(0).describe('more than 500 means a sample notice to the Attorney General'),
  dataCategories: z.array(z.string().min(1).max(100)).max(50).describe('contact-details, account-metadata, ...'),
  vendorNotifiedClientAt: instantFieldSchema.optional().describe('when the vendor notified the client'),
  individualsNotifiedAt: instantFieldSchema.optional().describe('when affected individuals were notified'),
  attorneyGeneralNotifiedAt: instantFieldSchema.optional().describe('when the California Attorney General was sent the sample notice'),
  lawEnforcementDelay: z.boolean().optional().describe('law enforcement asked for notice to be delayed (Civil Code 1798.82(c))'),
  description: z.string().min(1).max(2000).optional().describe('what happened'),
};

const recordBodySchema = z.strictObject({ id: incidentIdSchema.optional().describe('default: the next free BR-<n>'), ...factsShape });

/** Every fact optional; `null` clears a notice instant, the delay flag or the description recorded by mistake. */
const updateBodySchema = z
  .strictObject({
    discoveredAt: factsShape.discoveredAt.optional(),
    clientDataInvolved: factsShape.clientDataInvolved.optional(),
    recordsAffected: factsShape.recordsAffected.optional(),
    californiaResidentsAffected: factsShape.californiaResidentsAffected.optional(),
    dataCategories: factsShape.dataCategories.optional(),
    vendorNotifiedClientAt: instantFieldSchema.nullable().optional().describe('when the vendor notified the client; null clears it'),
    individualsNotifiedAt: instantFieldSchema.nullable().optional().describe('when affected individuals were notified; null clears it'),
    attorneyGeneralNotifiedAt: instantFieldSchema.nullable().optional().describe('when the Attorney General was sent the sample notice; null clears it'),
    lawEnforcementDelay: z.boolean().nullable().optional(),
    description: z.string().min(1).max(2000).nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'give at least one fact to change, for example { "vendorNotifiedClientAt": "2027-03-06T20:00:00-08:00" }');

const incidentJsonSchema = z.object({
  id: z.string(),
  discoveredAt: instantJsonSchema,
  clientDataInvolved: z.boolean(),
  recordsAffected: z.number().int(),
  californiaResidentsAffected: z.number().int(),
  dataCategories: z.array(z.string()),
  vendorNotifiedClientAt: instantJsonSchema.optional(),
  individualsNotifiedAt: instantJsonSchema.optional(),
  attorneyGeneralNotifiedAt: instantJsonSchema.optional(),
  lawEnforcementDelay: z.boolean().optional(),
  description: z.string().optional(),
  recordedAt: instantJsonSchema,
  updatedAt: instantJsonSchema,
});

const evaluationJsonSchema = z.object({
  id: z.string(),
  discoveredOn: z.string().describe("discovery date in the contract's zone"),
  deadlines: z.array(
    z.object({
      kind: z.enum(['vendor-to-client', 'individuals', 'attorney-general']),
      required: z.boolean(),
      dueAt: instantJsonSchema.optional().describe('last on-time instant; absent until its clock starts'),
      dueOn: z.string().optional(),
      doneAt: instantJsonSchema.optional(),
      status: z.enum(['pending', 'met', 'late', 'overdue', 'not-required']),
      rule: z.string().describe('how the deadline was computed, with the numbers'),
      basis: z.string().describe('the contract clause and the law behind it'),
      clause: z.string(),
      note: z.string().optional(),
    }),
  ),
  overdue: z.boolean().describe('some deadline is overdue'),
});

const registerJsonSchema = z.object({
  contractId: z.string(),
  zone: z.string(),
  asOf: instantJsonSchema,
  incidents: z.array(z.object({ incident: incidentJsonSchema, result: evaluationJsonSchema })).describe('oldest discovery first'),
  overdue: z.number().int().describe('incidents with a deadline overdue at asOf'),
});

const recordedJsonSchema = z.object({ contractId: z.string(), created: z.boolean(), incident: incidentJsonSchema, evaluation: evaluationJsonSchema, message: z.string() });
const updatedJsonSchema = z.object({ contractId: z.string(), changed: z.array(z.string()), incident: incidentJsonSchema, evaluation: evaluationJsonSchema, message: z.string() });

/** The changes as the use case takes them: `null` becomes "not recorded". */
function changesOf(body: z.output<typeof updateBodySchema>): Partial<BreachIncidentFacts> {
  return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, value === null ? undefined : value])) as Partial<BreachIncidentFacts>;
}

/** The data-breach register: incidents with their notification deadlines and overdue flags. */
export const breachRoutes: RouteModule = (app, { store, nowSeconds }) => {
  app.get('/contracts/:id/breaches', {
    schema: {
      summary: 'The breach register: each incident with its deadlines (vendor to client, individuals, California Attorney General) and overdue flags at asOf',
      description: 'The same JSON as `supportpact breach list --format json`: instants in ISO-8601 UTC. Not legal advice: each deadline names its basis.',
      tags: ['risk'],
      params: contractParamsSchema,
      querystring: z.object({ asOf: asOfSchema.optional() }),
      response: { 200: registerJsonSchema, ...commonErrorResponses },
    },
    handler: async (request) => {
      const register = await breachRegister(store, request.params.id, request.query.asOf ?? nowSeconds());
      return toRegisterJson(register) as z.input<typeof registerJsonSchema>;
    },
  });

  app.post('/contracts/:id/breaches', {
    schema: {
      summary: 'Record a breach incident; the answer has its deadlines as of now',
      description: `Instants need an offset. Recording the same facts again returns the stored incident (200, created: false); an id that already holds other facts is a CONFLICT (change it with PATCH). Notices: ${noticeFields.join(', ')}.`,
      tags: ['risk'],
      params: contractParamsSchema,
      body: recordBodySchema,
      response: { 200: recordedJsonSchema, 201: recordedJsonSchema, ...commonErrorResponses, 409: errorBodySchema, 422: errorBodySchema },
    },
    handler: async (request, reply) => {
      const { actor } = principalOf(request);
      const { id: incidentId, ...facts } = request.body;
      const contractId = request.params.id;
      const recorded = await recordBreachIncident(store, { contractId, ...(incidentId !== undefined ? { id: incidentId } : {}), facts, now: nowSeconds(), actor });
      const message = recorded.created ? `Recorded breach incident ${recorded.incident.id}.` : `Breach incident ${recorded.incident.id} already holds these facts; nothing changed.`;
      return reply.code(recorded.created ? 201 : 200).send(toRegisterJson({ contractId, created: recorded.created, incident: recorded.incident, evaluation: recorded.evaluation, message }) as z.input<typeof recordedJsonSchema>);
    },
  });

  app.patch('/contracts/:id/breaches/:incidentId', {
    schema: {
      summary: "Change an incident's recorded facts (typically the notices, as they are given); the answer has its deadlines as of now",
      description: 'Only the facts sent change; `null` clears an optional one. An update that changes nothing writes nothing (changed: []).',
      tags: ['risk'],
      params: z.object({ id: contractIdSchema, incidentId: incidentIdSchema }),
      body: updateBodySchema,
      response: { 200: updatedJsonSchema, ...commonErrorResponses, 422: errorBodySchema },
    },
    handler: async (request) => {
      const { actor } = principalOf(request);
      const { id: contractId, incidentId } = request.params;
      const updated = await updateBreachIncident(store, { incidentId, contractId, changes: changesOf(request.body), now: nowSeconds(), actor });
      const message = updated.changed.length > 0 ? `Updated ${updated.changed.join(', ')} of breach incident ${incidentId}.` : `Nothing changed in breach incident ${incidentId}.`;
      return toRegisterJson({ contractId, changed: updated.changed, incident: updated.incident, evaluation: updated.evaluation, message }) as z.input<typeof updatedJsonSchema>;
    },
  });
};
