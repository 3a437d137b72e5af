import { z } from 'zod';
import { terminationRights } from '../../../app/termination-rights.js';
import { causeGrounds } from '../../../domain/contract/schema/term.js';
import { toRegisterJson } from '../../render/register-json.js';
import type { RouteModule } from '../api-context.js';
import { commonErrorResponses, contractParamsSchema } from '../api-schemas.js';
import { contractDayOf, dayQuerySchema, moneyJsonSchema } from './lifecycle-risk-inputs.js';

const durationJsonSchema = z.looseObject({ text: z.string().describe('as written in the contract: 30d') });

const causeRightSchema = z.looseObject({
  ground: z.enum(causeGrounds),
  clause: z.string().describe('term.termination.forCause[1]'),
  status: z.enum(['open', 'not-open', 'not-evaluated']),
  openSince: z.string().optional().describe('first day the ground was open'),
  reason: z.string(),
  evidence: z.array(z.looseObject({ kind: z.enum(['missed-months', 'unpaid-invoice', 'breach-incident', 'event']) })).describe('what the ground rests on: missed months, unpaid invoices, breach incidents, recorded events'),
  by: z.enum(['client', 'vendor', 'either']),
  mayTerminate: z.array(z.enum(['client', 'vendor'])),
  notice: durationJsonSchema,
  cure: durationJsonSchema.optional(),
  cureEndsOn: z.string().optional(),
  earliestEffectiveOn: z.string().optional().describe('for an open ground, with notice given on asOf'),
  lastServiceOn: z.string().optional(),
  effectiveReading: z.string().optional(),
  note: z.string().optional(),
});

const convenienceRightSchema = z.looseObject({
  clause: z.string(),
  by: z.enum(['client', 'vendor', 'either']),
  mayTerminate: z.array(z.enum(['client', 'vendor'])),
  notice: durationJsonSchema,
  noticeGivenOn: z.string(),
  effectiveOn: z.string(),
  lastServiceOn: z.string(),
  fee: z.looseObject({ amount: moneyJsonSchema.optional(), basis: z.string() }).optional(),
  note: z.string().optional(),
});

const rightsJsonSchema = z.object({
  contractId: z.string(),
  contractVersion: z.number().int().describe('the version in force on asOf'),
  zone: z.string(),
  rights: z.object({
    asOf: z.string(),
    period: z.looseObject({ index: z.number(), kind: z.enum(['initial', 'renewal']), startOn: z.string(), endOn: z.string(), renewsAfter: z.boolean() }).optional().describe('the term period in force on asOf'),
    forCause: z.array(causeRightSchema),
    forConvenience: z.array(convenienceRightSchema),
  }),
  monthlyServiceLevels: z.array(z.object({ month: z.string(), missed: z.array(z.string()), met: z.array(z.string()), noData: z.array(z.string()) })).describe('each month of the term over by asOf'),
  breachIncidents: z.number().int(),
  events: z.number().int().describe('insolvency, force-majeure and material-breach records'),
  invoices: z.number().int().describe('invoices issued by asOf; with none, non-payment is not evaluated and fees are estimated'),
  convenienceFeeEstimates: z.record(z.string(), z.object({ amount: moneyJsonSchema, basis: z.string() })).describe('by index in forConvenience: a fee in months of fees, estimated while no invoice is issued'),
  liability: z.looseObject({
    cap: z.looseObject({ amount: moneyJsonSchema.optional(), basis: z.enum(['months-of-fees', 'fixed', 'greater-of', 'none']), excluded: z.array(z.string()), clause: z.string(), note: z.string().optional() }),
    estimated: z.boolean(),
    feeBasis: z.string(),
  }),
  notes: z.array(z.string()).describe('what evidence is missing, in words'),
});

/** Termination rights: each for-cause ground with its evidence, the convenience terms and fees, the liability cap. */
export const rightsRoutes: RouteModule = (app, { store, nowSeconds }) => {
  app.get('/contracts/:id/rights', {
    schema: {
      summary: 'Termination rights on a day: each for-cause ground (open or not, since when, evidence, cure and notice, earliest effective date), convenience terms and fees, and the liability cap',
      description:
        "Evidence is what the store holds: each month of the term over by asOf measured from the tickets, the breach register, recorded contract events (POST /contract-events), issued invoices and payments. Grounds without evidence are `not-evaluated`, never `not-open`. The same JSON as `supportpact rights --format json`: money as decimal strings, instants in ISO-8601 UTC.",
      tags: ['lifecycle'],
      params: contractParamsSchema,
      querystring: z.object({ asOf: dayQuerySchema.optional() }),
      response: { 200: rightsJsonSchema, ...commonErrorResponses },
    },
    handler: async (request) => {
      const { id } = request.params;
      const { on } = await contractDayOf(store, id, request.query.asOf, nowSeconds());
      const report = await terminationRights(store, { contractId: id, asOf: on });
      return toRegisterJson(report) as z.input<typeof rightsJsonSchema>;
    },
  });
};
