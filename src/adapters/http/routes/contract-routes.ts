import { z } from 'zod';
import { addContractVersion } from '../../../app/add-contract-version.js';
import { canSeeContract } from '../../../app/can-see-contract.js';
import { checkContract } from '../../../app/check-contract.js';
import type { ContractVersion } from '../../../app/ports/index.js';
import { parseContract } from '../../../domain/contract/parse-contract.js';
import { SupportPactError } from '../../../domain/errors/index.js';
import { formatInstantUtc } from '../../../domain/time/index.js';
import type { RouteModule } from '../api-context.js';
import { commonErrorResponses, contractParamsSchema, errorBodySchema, localDateSchema, versionQuerySchema } from '../api-schemas.js';
import { contractNotVisible, principalOf } from '../authenticate-request.js';
import { loadVisibleVersion } from './load-visible-version.js';

/** The largest upload body: a contract file is at most 1,000,000 characters, and JSON escaping can double it. */
const contractBodyLimitBytes = 2_500_000;

const countsSchema = z.object({ error: z.number(), warning: z.number(), info: z.number() });

const versionSchema = z.object({
  version: z.number().int(),
  sha256: z.string(),
  effectiveOn: z.string(),
  addedAt: z.string().describe('ISO-8601 UTC'),
});

const contractSummarySchema = z.object({
  contractId: z.string(),
  title: z.string(),
  client: z.string(),
  vendor: z.string(),
  createdAt: z.string().describe('ISO-8601 UTC'),
  latestVersion: z.number().int(),
});

const uploadBodySchema = z.union([
  z.string().describe('the contract file itself (Content-Type: text/plain or application/yaml)'),
  z.strictObject({
    yaml: z.string().describe('the contract file text'),
    effectiveOn: localDateSchema.optional().describe('first day this version governs; default: the term start for a new contract, today for a new version'),
    file: z.string().max(200).optional().describe('a name for error positions, such as acme.contract.yaml'),
  }),
]);

function versionJson(version: ContractVersion): z.output<typeof versionSchema> {
  return { version: version.version, sha256: version.sha256, effectiveOn: version.effectiveOn, addedAt: formatInstantUtc(version.addedAt) };
}

/** Contracts: upload a file or a new version, list the visible ones, read one with its check counts, list its versions. */
export const contractRoutes: RouteModule = (app, { store, nowSeconds, bodyLimitBytes }) => {
  app.post('/contracts', {
    bodyLimit: Math.min(contractBodyLimitBytes, bodyLimitBytes),
    schema: {
      summary: 'Add a contract, or a new version of one (same id)',
      description: 'Send the YAML as text/plain or application/yaml, or JSON `{ yaml, effectiveOn?, file? }`. An invalid file is refused with 422 and each problem located (file, line, column, path). Sending the text and effectiveOn of the latest version again changes nothing (200, created: false).',
      tags: ['contracts'],
      consumes: ['application/json', 'text/plain', 'application/yaml'],
      querystring: z.object({ effectiveOn: localDateSchema.optional(), file: z.string().max(200).optional() }),
      body: uploadBodySchema,
      response: {
        200: z.object({ contractId: z.string(), created: z.boolean(), version: versionSchema, counts: countsSchema, message: z.string() }),
        201: z.object({ contractId: z.string(), created: z.boolean(), version: versionSchema, counts: countsSchema, message: z.string() }),
        ...commonErrorResponses,
        422: errorBodySchema,
      },
    },
    handler: async (request, reply) => {
      const { token, actor } = principalOf(request);
      const body = request.body;
      const text = typeof body === 'string' ? body : body.yaml;
      const file = (typeof body === 'string' ? undefined : body.file) ?? request.query.file ?? 'upload.contract.yaml';
      const effectiveOn = (typeof body === 'string' ? undefined : body.effectiveOn) ?? request.query.effectiveOn;
      // The id is inside the file: read it first, so a scoped token cannot add (or learn of) other contracts.
      const contractId = parseContract(text, file).contract.id;
      if (!canSeeContract(token.contracts, contractId)) {
        throw new SupportPactError('FORBIDDEN', `This token may only add contracts it can see, and "${contractId}" is not one of them.`, { problems: [{ message: `id "${contractId}" is outside this token's contracts`, path: ['id'] }] });
      }
      const added = await addContractVersion(store, { text, file, now: nowSeconds(), actor, ...(effectiveOn ? { effectiveOn } : {}) });
      const message = added.created
        ? `Stored ${added.contractId} version ${added.version.version}, in force from ${added.version.effectiveOn}: ${added.counts.error} errors, ${added.counts.warning} warnings from check.`
        : `${added.contractId} version ${added.version.version} already has this text; nothing changed.`;
      return reply.code(added.created ? 201 : 200).send({ contractId: added.contractId, created: added.created, version: versionJson(added.version), counts: added.counts, message });
    },
  });

  app.get('/contracts', {
    schema: {
      summary: 'List the contracts this token may see',
      tags: ['contracts'],
      response: { 200: z.object({ contracts: z.array(contractSummarySchema) }), ...commonErrorResponses },
    },
    handler: async (request) => {
      const { token } = principalOf(request);
      const contracts = (await store.contracts.listContracts()).filter((c) => canSeeContract(token.contracts, c.contractId));
      return { contracts: contracts.map((c) => ({ ...c, createdAt: formatInstantUtc(c.createdAt) })) };
    },
  });

  app.get('/contracts/:id', {
    schema: {
      summary: 'One contract: a version (the latest unless ?version=), its text and its check counts',
      tags: ['contracts'],
      params: contractParamsSchema,
      querystring: z.object({ version: versionQuerySchema.optional() }),
      response: {
        200: contractSummarySchema.extend({ version: versionSchema.extend({ yaml: z.string() }), counts: countsSchema }),
        ...commonErrorResponses,
      },
    },
    handler: async (request) => {
      const { id } = request.params;
      const contract = await store.contracts.getContract(id);
      if (!contract) throw contractNotVisible(id);
      const version = await loadVisibleVersion(store, id, request.query.version);
      const { counts } = checkContract(version.yaml, `${id}@v${version.version}`);
      return { ...contract, createdAt: formatInstantUtc(contract.createdAt), version: { ...versionJson(version), yaml: version.yaml }, counts };
    },
  });

  app.get('/contracts/:id/versions', {
    schema: {
      summary: "A contract's versions, oldest first (without their text)",
      tags: ['contracts'],
      params: contractParamsSchema,
      response: { 200: z.object({ contractId: z.string(), versions: z.array(versionSchema) }), ...commonErrorResponses },
    },
    handler: async (request) => {
      const versions = await store.contracts.listContractVersions(request.params.id);
      return { contractId: request.params.id, versions: versions.map(versionJson) };
    },
  });
};
