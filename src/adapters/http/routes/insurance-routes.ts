import { z } from 'zod';
import { insuranceFindings } from '../../../app/insurance-findings.js';
import { recordInsuranceCertificate } from '../../../app/record-insurance-certificate.js';
import { formatMoney, parseMoney } from '../../../domain/money/index.js';
import { toRegisterJson } from '../../render/register-json.js';
import type { RouteModule } from '../api-context.js';
import { commonErrorResponses, contractParamsSchema, errorBodySchema } from '../api-schemas.js';
import { principalOf } from '../authenticate-request.js';
import { contractDayOf, dayQuerySchema, existingDateSchema, instantJsonSchema, moneyJsonSchema } from './lifecycle-risk-inputs.js';

const certificateJsonSchema = z.object({
  id: z.string().describe('CERT-1, CERT-2, ... per contract'),
  type: z.string(),
  amount: z.string().describe('coverage, a decimal in currency'),
  currency: z.string(),
  expiresOn: z.string().describe('last day of cover'),
  insurer: z.string().optional(),
  recordedAt: instantJsonSchema,
});

const findingJsonSchema = z.object({
  kind: z.enum(['missing', 'below-minimum', 'expired', 'expiring-soon', 'expires-before-term-end']),
  severity: z.enum(['high', 'medium', 'low']),
  type: z.string(),
  message: z.string(),
  clause: z.string().describe('risk.insurance[0].minimum'),
  required: moneyJsonSchema.optional(),
  coverage: moneyJsonSchema.optional(),
  expiresOn: z.string().optional(),
  certificate: z.number().int().optional().describe('index in certificates'),
});

const reviewJsonSchema = z.object({
  contractId: z.string(),
  asOf: z.string().describe('the day judged'),
  currency: z.string(),
  requirements: z.array(z.object({ type: z.string(), minimum: z.string(), certificateExpires: z.string().optional() })).describe("the contract's risk.insurance"),
  certificates: z.array(certificateJsonSchema),
  findings: z.array(findingJsonSchema).describe('missing types, coverage below the minimum, expired, expiring within 30 days, expiring before the term ends'),
});

const recordBodySchema = z.strictObject({
  type: z.string().min(1).max(100).describe('insurance type as the contract names it: cyber-liability'),
  amount: z.string().min(1).max(40).describe("coverage as a decimal in the contract's currency: 5000000.00"),
  expiresOn: existingDateSchema.describe('last day of cover'),
  insurer: z.string().min(1).max(200).optional(),
});

const recordedJsonSchema = z.object({
  contractId: z.string(),
  created: z.boolean(),
  requiredType: z.boolean().describe('whether the contract requires this type; another type is kept, but no finding reads it'),
  certificate: certificateJsonSchema,
  message: z.string(),
});

/** Insurance certificates on file against the contract's minimums and expiries. */
export const insuranceRoutes: RouteModule = (app, { store, nowSeconds }) => {
  app.get('/contracts/:id/insurance', {
    schema: {
      summary: "Insurance certificates on file and findings against the contract's minimums and expiries on a day",
      description: 'The same JSON as `supportpact insurance list --format json`; a finding\'s `certificate` is an index into `certificates`.',
      tags: ['risk'],
      params: contractParamsSchema,
      querystring: z.object({ asOf: dayQuerySchema.optional() }),
      response: { 200: reviewJsonSchema, ...commonErrorResponses },
    },
    handler: async (request) => {
      const { id } = request.params;
      const { on } = await contractDayOf(store, id, request.query.asOf, nowSeconds());
      return toRegisterJson(await insuranceFindings(store, id, on)) as z.input<typeof reviewJsonSchema>;
    },
  });

  app.post('/contracts/:id/insurance', {
    schema: {
      summary: 'File an insurance certificate (CERT-<n>)',
      description: "The amount is checked against the contract's currency (USD 5000000.005 is refused with 422). Filing the same certificate again changes nothing (200, created: false).",
      tags: ['risk'],
      params: contractParamsSchema,
      body: recordBodySchema,
      response: { 200: recordedJsonSchema, 201: recordedJsonSchema, ...commonErrorResponses, 422: errorBodySchema },
    },
    handler: async (request, reply) => {
      const { actor } = principalOf(request);
      const contractId = request.params.id;
      const { type, amount, expiresOn, insurer } = request.body;
      const recorded = await recordInsuranceCertificate(store, { contractId, type, amount, expiresOn, ...(insurer !== undefined ? { insurer } : {}), now: nowSeconds(), actor });
      const c = recorded.certificate;
      const what = `${c.id} ${c.type} ${formatMoney(parseMoney(c.amount, c.currency))} expiring ${c.expiresOn}`;
      const message = `${recorded.created ? 'Filed' : 'Already on file:'} ${what}.${recorded.requiredType ? '' : ` The contract requires no ${c.type} insurance: the certificate is kept, but no finding reads it.`}`;
      return reply.code(recorded.created ? 201 : 200).send(toRegisterJson({ contractId, created: recorded.created, requiredType: recorded.requiredType, certificate: c, message }) as z.input<typeof recordedJsonSchema>);
    },
  });
};
