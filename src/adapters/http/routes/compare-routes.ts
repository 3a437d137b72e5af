import { createHash } from 'node:crypto';
import { z } from 'zod';
import { backtestStoredTickets } from '../../../app/backtest-proposal.js';
import { compareProposals, type ForecastSource } from '../../../app/compare-proposals.js';
import { parseContract } from '../../../domain/contract/parse-contract.js';
import { backtestToJson, comparisonToJson } from '../../render/compare-json.js';
import { renderComparisonHtml } from '../../render/compare-html.js';
import type { RouteModule } from '../api-context.js';
import { asOfSchema, commonErrorResponses, contractIdSchema, errorBodySchema, jsonObjectSchema, monthSchema } from '../api-schemas.js';

const proposalSchema = z.object({ name: z.string().min(1).max(200).describe('a file name for error positions'), yaml: z.string().min(1).max(1_000_000) });
const simulateSchema = z.object({ paths: z.number().int().min(1).max(100_000), seed: z.number().int().default(1) });
const compareBodySchema = z.object({
  proposals: z.array(proposalSchema).min(1).max(10),
  missProbability: z.string().max(10).optional().describe('every measure\'s monthly miss chance, like "5%"'),
  simulate: simulateSchema.optional(),
  format: z.enum(['json', 'html']).default('json'),
});

/** Choosing a vendor: compare proposals over a forecast or the contract's own history, and backtest a proposal. */
export const compareRoutes: RouteModule = (app, { store }) => {
  app.post('/compare', {
    schema: {
      summary: 'Compare proposals on cost over a forecast (the documented forecast format), with break-even volumes and an optional seeded simulation',
      tags: ['compare'],
      body: compareBodySchema.extend({ forecast: z.object({ name: z.string().min(1).max(200), yaml: z.string().min(1).max(1_000_000) }) }),
      response: { 200: z.unknown(), ...commonErrorResponses, 422: errorBodySchema },
    },
    handler: async (request, reply) => {
      const body = request.body;
      const forecast: ForecastSource = { kind: 'file', file: body.forecast.name, text: body.forecast.yaml };
      const comparison = await compareProposals({ proposals: body.proposals.map((p) => ({ file: p.name, text: p.yaml })), forecast, ...(body.missProbability ? { missProbability: body.missProbability } : {}), ...(body.simulate ? { simulate: body.simulate } : {}) });
      return body.format === 'html' ? reply.type('text/html; charset=utf-8').send(renderComparisonHtml(comparison)) : comparisonToJson(comparison);
    },
  });

  app.post('/contracts/:id/compare', {
    schema: {
      summary: "Compare proposals on cost over the volumes of this contract's stored tickets",
      tags: ['compare'],
      params: z.object({ id: contractIdSchema }),
      body: compareBodySchema.extend({ from: monthSchema.optional(), to: monthSchema.optional() }),
      response: { 200: z.unknown(), ...commonErrorResponses, 422: errorBodySchema },
    },
    handler: async (request, reply) => {
      const body = request.body;
      const forecast: ForecastSource = { kind: 'history', contractId: request.params.id, ...(body.from ? { from: body.from } : {}), ...(body.to ? { to: body.to } : {}) };
      const comparison = await compareProposals({ proposals: body.proposals.map((p) => ({ file: p.name, text: p.yaml })), forecast, ...(body.missProbability ? { missProbability: body.missProbability } : {}), ...(body.simulate ? { simulate: body.simulate } : {}) }, { store });
      return body.format === 'html' ? reply.type('text/html; charset=utf-8').send(renderComparisonHtml(comparison)) : comparisonToJson(comparison);
    },
  });

  app.post('/contracts/:id/backtest', {
    schema: {
      summary: "Re-evaluate this contract's stored tickets under a proposal: service levels, credits and invoices month by month, beside the current contract",
      tags: ['compare'],
      params: z.object({ id: contractIdSchema }),
      body: z.object({ proposal: proposalSchema, from: monthSchema.optional(), to: monthSchema.optional(), asOf: asOfSchema.optional() }),
      response: { 200: jsonObjectSchema, ...commonErrorResponses, 422: errorBodySchema },
    },
    handler: async (request) => {
      const { proposal, from, to, asOf } = request.body;
      const loaded = parseContract(proposal.yaml, proposal.name);
      const sha256 = createHash('sha256').update(proposal.yaml, 'utf8').digest('hex');
      const result = await backtestStoredTickets(store, { proposal: { loaded, sha256 }, contractId: request.params.id, ...(from ? { from } : {}), ...(to ? { to } : {}), ...(asOf !== undefined ? { asOf } : {}) });
      return backtestToJson(result);
    },
  });
};
