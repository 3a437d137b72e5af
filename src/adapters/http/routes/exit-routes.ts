import { z } from 'zod';
import { planExitForContract } from '../../../app/plan-exit-for-contract.js';
import { recordExitProgress } from '../../../app/record-exit-progress.js';
import { causeGrounds } from '../../../domain/contract/schema/term.js';
import { formatInstantUtc } from '../../../domain/time/index.js';
import { toRegisterJson } from '../../render/register-json.js';
import type { RouteModule } from '../api-context.js';
import { commonErrorResponses, contractParamsSchema, errorBodySchema } from '../api-schemas.js';
import { principalOf } from '../authenticate-request.js';
import { contractDayOf, dayQuerySchema, existingDateSchema, instantJsonSchema } from './lifecycle-risk-inputs.js';

const grounds = ['non-renewal', 'convenience', ...causeGrounds] as const;

const exitItemSchema = z.object({
  id: z.string().describe('stable id to record progress with: data-return, knowledge-transfer-session-2, deliverable:runbooks'),
  kind: z.enum(['transition-assistance', 'data-return', 'data-deletion', 'deletion-certificate', 'knowledge-transfer-session', 'deliverable']),
  label: z.string(),
  dueOn: z.string().optional().describe('last day to do it; absent when the contract gives no period'),
  reason: z.string(),
  clause: z.string(),
  formats: z.array(z.string()).optional(),
  includes: z.array(z.string()).optional(),
  status: z.enum(['open', 'done', 'overdue']),
  doneOn: z.string().optional(),
  evidence: z.string().optional(),
  late: z.boolean().optional().describe('done after its due date'),
  note: z.string().optional(),
});

const exitPlanSchema = z.object({
  contractId: z.string(),
  contractVersion: z.number().int().describe('the version in force on the notice date'),
  asOf: z.string().describe('the day judged'),
  noticeOn: z.string(),
  ground: z.enum(grounds).optional(),
  effectiveOn: z.string(),
  lastServiceOn: z.string(),
  effectiveReading: z.string().describe('how the effective date was found'),
  items: z.array(exitItemSchema),
  counts: z.object({ open: z.number().int(), done: z.number().int(), overdue: z.number().int() }),
});

const progressBodySchema = z.strictObject({
  item: z.string().min(1).max(200).describe('an exit item id, as GET /exit lists it'),
  doneOn: existingDateSchema.describe('the day it was done'),
  evidence: z.string().min(1).max(2000).describe('what proves it: a receipt, a certificate number, minutes'),
});

const progressReplySchema = z.object({
  contractId: z.string(),
  outcome: z.enum(['created', 'updated', 'unchanged']),
  progress: z.object({ item: z.string(), doneOn: z.string(), evidence: z.string(), recordedAt: instantJsonSchema }),
  message: z.string(),
});

/** The exit checklist after notice of termination, and its progress. */
export const exitRoutes: RouteModule = (app, { store, nowSeconds }) => {
  app.get('/contracts/:id/exit', {
    schema: {
      summary: 'The exit checklist for a notice of termination: each duty with its deadline and status (open, done with evidence, overdue)',
      description:
        'The effective date comes from `effectiveOn` when given, else from the ground: non-renewal ends with the period the notice stops, convenience takes its clause\'s notice (`by` picks the clause), a for-cause ground adds its cure and notice. Deadlines run from the effective date; progress recorded with POST /exit/progress marks items done.',
      tags: ['lifecycle'],
      params: contractParamsSchema,
      querystring: z.object({
        noticeDate: existingDateSchema.describe('the day notice was (or would be) given'),
        ground: z.enum(grounds).optional().describe('how the contract ends; without it, give effectiveOn'),
        by: z.enum(['client', 'vendor']).optional().describe('the party giving notice'),
        effectiveOn: existingDateSchema.optional().describe('an agreed effective date: wins over the computed one'),
        asOf: dayQuerySchema.optional(),
      }),
      response: { 200: exitPlanSchema, ...commonErrorResponses },
    },
    handler: async (request) => {
      const { id } = request.params;
      const { noticeDate, ground, by, effectiveOn } = request.query;
      const { on: asOf } = await contractDayOf(store, id, request.query.asOf, nowSeconds());
      const plan = await planExitForContract(store, { contractId: id, noticeOn: noticeDate, asOf, ...(ground ? { ground } : {}), ...(by ? { by } : {}), ...(effectiveOn ? { effectiveOn } : {}) });
      return toRegisterJson({ ...plan, asOf }) as z.input<typeof exitPlanSchema>;
    },
  });

  app.post('/contracts/:id/exit/progress', {
    schema: {
      summary: 'Record that an exit item was done, with its evidence',
      description: 'The same record again changes nothing (200, outcome unchanged); new evidence for the same item and day replaces the old (200, updated; both stay in the audit log).',
      tags: ['lifecycle'],
      params: contractParamsSchema,
      body: progressBodySchema,
      response: { 200: progressReplySchema, 201: progressReplySchema, ...commonErrorResponses, 422: errorBodySchema },
    },
    handler: async (request, reply) => {
      const { actor } = principalOf(request);
      const { id } = request.params;
      const { item, doneOn, evidence } = request.body;
      const { progress, outcome } = await recordExitProgress(store, { contractId: id, item, doneOn, evidence, now: nowSeconds(), actor });
      const words = { created: 'Recorded', updated: 'Replaced the evidence of', unchanged: 'Already recorded:' } as const;
      const message = `${words[outcome]} ${item} done on ${doneOn}.`;
      return reply.code(outcome === 'created' ? 201 : 200).send({ contractId: id, outcome, progress: { item: progress.item, doneOn: progress.doneOn, evidence: progress.evidence, recordedAt: formatInstantUtc(progress.recordedAt) }, message });
    },
  });
};
