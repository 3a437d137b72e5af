import { z } from 'zod';
import { canSeeContract } from '../../../app/can-see-contract.js';
import { contractOverview, overviewKeyDateCount, type ContractOverview } from '../../../app/contract-overview.js';
import { formatInstantUtc } from '../../../domain/time/index.js';
import { toRegisterJson } from '../../render/register-json.js';
import type { RouteModule } from '../api-context.js';
import { asOfSchema, commonErrorResponses, contractParamsSchema } from '../api-schemas.js';
import { principalOf } from '../authenticate-request.js';
import { instantJsonSchema, moneyJsonSchema } from './lifecycle-risk-inputs.js';

const shareSchema = z.object({ numerator: z.number(), denominator: z.number(), percent: z.string().describe('95.24%') });
const resultSchema = z.enum(['met', 'missed', 'no-data']);

const overviewJsonSchema = z.object({
  contractId: z.string(),
  title: z.string(),
  client: z.string(),
  vendor: z.string(),
  contractVersion: z.number().int().describe('the latest stored version'),
  zone: z.string(),
  currency: z.string(),
  asOf: instantJsonSchema,
  today: z.string().describe("asOf's date in the contract's zone"),
  month: z.string().describe('the month to date'),
  serviceLevels: z.object({
    contractVersion: z.number().int().describe('the version in force for the month'),
    allServiceLevelsMet: z.boolean(),
    counts: z.object({ met: z.number().int(), missed: z.number().int(), noData: z.number().int() }),
    serviceLevels: z.array(z.object({ id: z.string(), metric: z.string(), priorities: z.array(z.string()), target: z.string(), settled: z.number().int(), met: z.number().int(), breached: z.number().int(), attainment: shareSchema.optional(), result: resultSchema })),
    availability: z.array(z.object({ id: z.string(), service: z.string(), target: z.string(), availability: shareSchema.optional(), result: resultSchema })),
  }),
  credits: z
    .object({
      status: z.enum(['computed', 'outside-service']),
      fees: moneyJsonSchema.optional(),
      feesBasis: z.string(),
      credits: moneyJsonSchema.optional().describe('credits accrued so far, after the monthly and rolling caps'),
      uncappedCredits: moneyJsonSchema.optional(),
      bonuses: moneyJsonSchema.optional(),
      lines: z.array(z.object({ clause: z.string(), rule: z.string(), measure: z.string(), measured: z.string(), percent: z.string(), amount: moneyJsonSchema })),
      history: z.object({ source: z.literal('issued-invoices'), months: z.number().int().describe('earlier months the caps read') }).describe("the settled months behind the caps: the settlement store's issued invoices"),
    })
    .describe("this month's credits so far: the contract's credit rules on the month-to-date scorecard"),
  nextKeyDates: z
    .array(z.object({ on: z.string(), at: instantJsonSchema.optional().describe('for a breach-notice deadline: due by this instant'), kind: z.string(), label: z.string(), clause: z.string() }))
    .describe(`the next ${overviewKeyDateCount} key dates from asOf's date, with breach notices still to give`),
  openFindings: z.object({
    contractErrors: z.number().int(),
    contractWarnings: z.number().int(),
    breachDeadlinesOverdue: z.number().int(),
    insurance: z.number().int(),
    accessThisMonth: z.number().int(),
    total: z.number().int(),
  }),
  invoices: z.object({ issued: z.number().int(), overdue: z.number().int(), balance: moneyJsonSchema, interest: moneyJsonSchema, netDue: moneyJsonSchema }).describe("the statement on asOf's date"),
  notes: z.array(z.string()),
});

type OverviewJson = z.input<typeof overviewJsonSchema>;

const overviewJson = (overview: ContractOverview): OverviewJson => toRegisterJson(overview) as OverviewJson;

const description =
  "For the dashboard's first page: the month-to-date service levels, the credits they accrue so far (capped with the history of issued invoices), the next key dates, counts of open findings (check errors and warnings, overdue breach notices, insurance, this month's data access) and the invoice statement. Money as decimal strings, instants in ISO-8601 UTC. Not for vendor tokens: it counts risk findings.";

/** The dashboard's first page: one summary per contract. */
export const overviewRoutes: RouteModule = (app, { store, nowMinute, reads }) => {
  app.get('/contracts/:id/overview', {
    schema: {
      summary: "A contract's state at asOf: service levels and credits so far this month, next key dates, open findings, what is owed",
      description,
      tags: ['overview'],
      params: contractParamsSchema,
      querystring: z.object({ asOf: asOfSchema.optional() }),
      response: { 200: overviewJsonSchema, ...commonErrorResponses },
    },
    handler: async (request) => {
      const asOf = request.query.asOf ?? nowMinute();
      return overviewJson(await reads.get(store, request.params.id, `overview:${asOf}`, () => contractOverview(store, request.params.id, asOf)));
    },
  });

  app.get('/overview', {
    schema: {
      summary: 'One summary per contract this token may see, at the same asOf',
      description,
      tags: ['overview'],
      querystring: z.object({ asOf: asOfSchema.optional() }),
      response: { 200: z.object({ asOf: instantJsonSchema, contracts: z.array(overviewJsonSchema).describe('by contract id') }), ...commonErrorResponses },
    },
    handler: async (request) => {
      const { token } = principalOf(request);
      const asOf = request.query.asOf ?? nowMinute();
      const visible = (await store.contracts.listContracts()).filter((c) => canSeeContract(token.contracts, c.contractId)).sort((a, b) => (a.contractId < b.contractId ? -1 : 1));
      const contracts: OverviewJson[] = [];
      // One at a time: each summary streams the month's tickets, and the embedded store has one connection.
      for (const c of visible) contracts.push(overviewJson(await reads.get(store, c.contractId, `overview:${asOf}`, () => contractOverview(store, c.contractId, asOf))));
      return { asOf: formatInstantUtc(asOf), contracts };
    },
  });
};
