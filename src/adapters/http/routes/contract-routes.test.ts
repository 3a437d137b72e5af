import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExampleContract } from '../../../../test/support/examples.js';
import { northstarId, openApiFixture, type ApiFixture } from '../test-support/api-fixture.js';

const northstarYaml = readExampleContract('northstar-tiered');
/** An amendment: P2 resolution shortened from 8h to 6h. */
const amendedYaml = northstarYaml.replace('P2: { within: 8h, calendar: extended }', 'P2: { within: 6h, calendar: extended }');

describe('contract routes', () => {
  let fixture: ApiFixture;
  beforeAll(async () => {
    fixture = await openApiFixture();
  });
  afterAll(() => fixture.close());

  describe('POST /api/v1/contracts', () => {
    it('refuses a file with a mistake with 422 and each problem located by file, line, column and path', async () => {
      const broken = northstarYaml.replace('timezone: America/Los_Angeles\nsigned', 'timezon: America/Los_Angeles\nsigned');
      const response = await fixture.request({ method: 'POST', url: '/api/v1/contracts?file=acme.contract.yaml', token: fixture.tokens.all, headers: { 'content-type': 'text/plain' }, payload: broken });
      expect(response.statusCode).toBe(422);
      const body = response.json() as { error: { code: string; message: string; details: { problems: unknown[] } } };
      expect(body.error).toMatchObject({ code: 'CONTRACT_INVALID', message: 'acme.contract.yaml has 2 problems' });
      expect(body.error.details.problems).toEqual([
        expect.objectContaining({ message: 'missing required field "timezone"', path: ['timezone'], file: 'acme.contract.yaml', line: 6, column: 1 }),
        expect.objectContaining({ message: 'unknown key "timezon"', path: ['timezon'], file: 'acme.contract.yaml', line: 19, column: 1, hint: 'did you mean "timezone"?' }),
      ]);
    });

    it('refuses YAML that does not parse with CONTRACT_SYNTAX at its line', async () => {
      const response = await fixture.request({ method: 'POST', url: '/api/v1/contracts', token: fixture.tokens.all, payload: { yaml: 'supportpact: 1\nid: [unclosed\n', file: 'x.yaml' } });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ error: { code: 'CONTRACT_SYNTAX', details: { problems: [expect.objectContaining({ file: 'x.yaml', line: expect.any(Number) })] } } });
    });

    it('stores a new version from YAML text, and the same text and date again changes nothing', async () => {
      const first = await fixture.request({ method: 'POST', url: '/api/v1/contracts?effectiveOn=2027-06-01', token: fixture.tokens['client-admin'], headers: { 'content-type': 'application/yaml' }, payload: amendedYaml });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({ contractId: northstarId, created: true, version: { version: 2, effectiveOn: '2027-06-01', addedAt: '2027-04-10T16:00:00Z' }, counts: { error: 0 } });
      const again = await fixture.request({ method: 'POST', url: '/api/v1/contracts', token: fixture.tokens['client-admin'], payload: { yaml: amendedYaml, effectiveOn: '2027-06-01' } });
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ created: false, version: { version: 2 }, message: expect.stringContaining('nothing changed') });
      const audit = await fixture.store.audit.listAudit({ contractId: northstarId });
      expect(audit.filter((e) => e.action === 'contract.version-added').map((e) => [e.subject, e.actor.startsWith('token:tok_')])).toEqual([
        [`${northstarId}@v1`, false],
        [`${northstarId}@v2`, true],
      ]);
    });
  });

  describe('reading a contract', () => {
    it('lists the visible contracts and shows one with its text and check counts', async () => {
      const list = (await fixture.request({ url: '/api/v1/contracts', token: fixture.tokens.auditor })).json() as { contracts: { contractId: string }[] };
      expect(list.contracts.map((c) => c.contractId)).toEqual([northstarId]);
      const one = await fixture.request({ url: `/api/v1/contracts/${northstarId}?version=1`, token: fixture.tokens.auditor });
      expect(one.json()).toMatchObject({ contractId: northstarId, title: 'IT helpdesk outsourcing - Acme Robotics and Northstar Support', client: 'Acme Robotics, Inc.', version: { version: 1, yaml: northstarYaml, effectiveOn: '2027-01-01' }, counts: { error: 0, warning: 5 } });
      const versions = (await fixture.request({ url: `/api/v1/contracts/${northstarId}/versions`, token: fixture.tokens.auditor })).json() as { versions: { version: number; effectiveOn: string }[] };
      expect(versions.versions.map((v) => [v.version, v.effectiveOn])).toEqual([[1, '2027-01-01'], [2, '2027-06-01']]);
    });

    it('says which versions exist when asked for one that does not', async () => {
      const response = await fixture.request({ url: `/api/v1/contracts/${northstarId}/check?version=9`, token: fixture.tokens.auditor });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: { code: 'NOT_FOUND', message: `Contract "${northstarId}" has no version 9: it has versions 1 to 2.` } });
    });

    it('returns the findings with their rule, place and reason', async () => {
      const body = (await fixture.request({ url: `/api/v1/contracts/${northstarId}/check`, token: fixture.tokens.auditor })).json() as { version: number; counts: { warning: number }; findings: { rule: string; line: number | null; why: string }[] };
      expect(body.version).toBe(2);
      expect(body.findings).toHaveLength(body.counts.warning);
      expect(body.findings[0]).toMatchObject({ rule: expect.any(String), line: expect.any(Number), why: expect.any(String) });
    });

    it('renders a version as an HTML page', async () => {
      const response = await fixture.request({ url: `/api/v1/contracts/${northstarId}/render?version=1`, token: fixture.tokens.auditor });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.body).toMatch(/^<!doctype html>/);
      expect(response.body).toContain('Northstar Support LLC');
    });

    it('lists the changes between the two latest versions as JSON, or as an HTML review', async () => {
      const json = await fixture.request({ url: `/api/v1/contracts/${northstarId}/diff`, token: fixture.tokens.auditor });
      expect(json.json()).toEqual({
        contractId: northstarId,
        from: 1,
        to: 2,
        changes: [expect.objectContaining({ path: 'sla.targets.resolution.P2.within', kind: 'changed', old: '8 hours', new: '6 hours', favours: 'client' })],
      });
      const html = await fixture.request({ url: `/api/v1/contracts/${northstarId}/diff?from=1&to=2&format=html`, token: fixture.tokens.auditor });
      expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(html.body).toContain('P2 resolution target');
    });

    it('refuses a diff of a contract with one version as USAGE', async () => {
      const response = await fixture.request({ url: '/api/v1/contracts/bayline-helpdesk-2027/diff', token: fixture.tokens.all });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'USAGE', message: expect.stringContaining('has only version 1') } });
    });
  });
});
