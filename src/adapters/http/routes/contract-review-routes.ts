import { z } from 'zod';
import { checkContract } from '../../../app/check-contract.js';
import { describeContract } from '../../../domain/contract/describe/index.js';
import { diffContracts } from '../../../domain/contract/diff/index.js';
import { parseContract } from '../../../domain/contract/parse-contract.js';
import { SupportPactError } from '../../../domain/errors/index.js';
import { renderContractDiffHtml } from '../../render/contract-diff-html.js';
import { renderContractHtml } from '../../render/contract-html.js';
import type { RouteModule } from '../api-context.js';
import { commonErrorResponses, contractParamsSchema, versionQuerySchema } from '../api-schemas.js';
import { loadVisibleVersion } from './load-visible-version.js';

const findingSchema = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  part: z.string(),
  message: z.string(),
  path: z.string(),
  line: z.number().nullable(),
  column: z.number().nullable(),
  why: z.string(),
});

const changeSchema = z.object({
  path: z.string(),
  section: z.string(),
  kind: z.enum(['added', 'removed', 'changed']),
  label: z.string(),
  old: z.string().nullable(),
  new: z.string().nullable(),
  detail: z.string().nullable(),
  summary: z.string(),
  favours: z.enum(['client', 'vendor']).nullable(),
});

const htmlResponse = { description: 'a self-contained HTML page', content: { 'text/html': { schema: z.string() } } };

/** Reviewing a stored contract: its findings, a readable rendering, and what changed between two versions. */
export const contractReviewRoutes: RouteModule = (app, { store }) => {
  app.get('/contracts/:id/check', {
    schema: {
      summary: "A version's findings: missing or risky terms, each located in the file",
      tags: ['contracts'],
      params: contractParamsSchema,
      querystring: z.object({ version: versionQuerySchema.optional() }),
      response: {
        200: z.object({ contractId: z.string(), version: z.number().int(), counts: z.object({ error: z.number(), warning: z.number(), info: z.number() }), findings: z.array(findingSchema) }),
        ...commonErrorResponses,
      },
    },
    handler: async (request) => {
      const version = await loadVisibleVersion(store, request.params.id, request.query.version);
      const check = checkContract(version.yaml, `${version.contractId}@v${version.version}`);
      const findings = check.findings.map((f) => ({ rule: f.rule, severity: f.severity, part: f.part, message: f.message, path: f.path, line: f.line ?? null, column: f.column ?? null, why: f.why }));
      return { contractId: version.contractId, version: version.version, counts: check.counts, findings };
    },
  });

  app.get('/contracts/:id/render', {
    schema: {
      summary: 'A version as a readable schedule for managers and lawyers (HTML)',
      tags: ['contracts'],
      params: contractParamsSchema,
      querystring: z.object({ version: versionQuerySchema.optional() }),
      response: { 200: htmlResponse, ...commonErrorResponses },
    },
    handler: async (request, reply) => {
      const version = await loadVisibleVersion(store, request.params.id, request.query.version);
      const file = `${version.contractId}@v${version.version}`;
      const loaded = parseContract(version.yaml, file);
      const html = renderContractHtml(describeContract(loaded.contract), checkContract(version.yaml, file).findings);
      return reply.type('text/html; charset=utf-8').send(html);
    },
  });

  app.get('/contracts/:id/diff', {
    schema: {
      summary: 'What changed between two versions, term by term (JSON, or ?format=html)',
      description: 'Defaults: `to` is the latest version, `from` the one before it.',
      tags: ['contracts'],
      params: contractParamsSchema,
      querystring: z.object({ from: versionQuerySchema.optional(), to: versionQuerySchema.optional(), format: z.enum(['json', 'html']).default('json') }),
      response: {
        200: z.union([z.object({ contractId: z.string(), from: z.number().int(), to: z.number().int(), changes: z.array(changeSchema) }), z.string()]),
        ...commonErrorResponses,
      },
    },
    handler: async (request, reply) => {
      const { id } = request.params;
      const after = await loadVisibleVersion(store, id, request.query.to);
      const fromNumber = request.query.from ?? after.version - 1;
      if (fromNumber < 1) {
        throw new SupportPactError('USAGE', `Contract "${id}" has only version ${after.version}: there is nothing earlier to compare with. Add a new version, or pass ?from= and ?to=.`, { problems: [{ message: 'no earlier version', path: ['querystring', 'from'] }] });
      }
      const before = await loadVisibleVersion(store, id, fromNumber);
      const oldFile = `${id}@v${before.version}`;
      const newFile = `${id}@v${after.version}`;
      const afterContract = parseContract(after.yaml, newFile).contract;
      const changes = diffContracts(parseContract(before.yaml, oldFile).contract, afterContract);
      if (request.query.format === 'html') {
        return reply.type('text/html; charset=utf-8').send(renderContractDiffHtml({ oldFile, newFile, contractId: id, title: afterContract.title, changes }));
      }
      const json = changes.map((c) => ({ path: c.path, section: c.section, kind: c.kind, label: c.label, old: c.old ?? null, new: c.new ?? null, detail: c.detail ?? null, summary: c.summary, favours: c.favours ?? null }));
      return reply.send({ contractId: id, from: before.version, to: after.version, changes: json });
    },
  });
};
