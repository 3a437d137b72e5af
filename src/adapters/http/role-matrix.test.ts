import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readExampleContract, repoRoot } from '../../../test/support/examples.js';
import { issueInvoiceForMonth } from '../../app/issue-invoice-for-month.js';
import { createToken } from '../../app/create-token.js';
import { recordBreachIncident } from '../../app/record-breach-incident.js';
import { recordContractEvent } from '../../app/record-contract-event.js';
import type { TokenRole } from '../../app/ports/index.js';
import { routeKey, routeRules } from './access-rules.js';
import { listApiRoutes, type ApiRouteInfo } from './build-server.js';
import { baylineId, fixedNowSeconds, northstarId, openApiFixture, seededEvents, seededTicket, type ApiFixture } from './test-support/api-fixture.js';

/**
 * Every registered route x every caller x (own contract, foreign contract, no such contract).
 * The routes come from the server's route table: a new route without an example below fails
 * the first test, so it cannot escape the matrix.
 */

type Caller = TokenRole | 'no token' | 'bad token';
const callers: readonly Caller[] = ['client-admin', 'vendor', 'auditor', 'no token', 'bad token'];

/** own: northstar (the role tokens' contract); foreign: bayline (it exists, they may not see it); missing: no such contract. */
type Target = 'own' | 'foreign' | 'missing';
const targets: readonly Target[] = ['own', 'foreign', 'missing'];

type Request = Omit<InjectOptions, 'headers'> & { url: string };
/** A request for a target, or undefined where the route has no foreign/missing form. */
type Example = (target: Target) => Promise<Request | undefined>;

const missingId = 'no-such-contract-2027';
/** The id inside draft-with-gaps.contract.yaml, which is never stored. */
const draftId = 'quickfix-draft';
const contractOf = (target: Target): string => (target === 'own' ? northstarId : target === 'foreign' ? baylineId : missingId);
/** Uploading a contract file whose id the scoped tokens cannot see (bayline exists; the draft does not). */
const yamlOf = (target: Target): string =>
  target === 'own' ? readExampleContract('northstar-tiered') : target === 'foreign' ? readExampleContract('bayline-per-incident') : readExampleContract('draft-with-gaps');

let fixture: ApiFixture;
/** A bayline-only token: a scoped client-admin must neither list nor revoke it. */
let baylineTokenId: string;

/** A breach as the register examples record it; `freshRecords` numbers the fresh ones the PATCH examples change. */
const matrixBreachFacts = { discoveredAt: 1804053600, clientDataInvolved: true, recordsAffected: 40, californiaResidentsAffected: 12, dataCategories: ['contact-details'] };
const matrixBreach = { discoveredAt: '2027-03-02T22:00:00-08:00', clientDataInvolved: true, recordsAffected: 40, californiaResidentsAffected: 12, dataCategories: ['contact-details'] };
let freshRecords = 0;

const contractRoute = (path: string, extra: Partial<Request> = {}): Example => async (target) => ({ method: 'GET', url: `/api/v1/contracts/${contractOf(target)}${path}`, ...extra });

const examples: Readonly<Record<string, Example>> = {
  'GET /api/v1/contracts': async (target) => (target === 'own' ? { method: 'GET', url: '/api/v1/contracts' } : undefined),
  // effectiveOn equal to the stored version's, so re-uploading the same text changes nothing.
  'POST /api/v1/contracts': async (target) => ({ method: 'POST', url: '/api/v1/contracts', payload: { yaml: yamlOf(target), effectiveOn: '2027-01-01' } }),
  'GET /api/v1/contracts/:id': contractRoute(''),
  'GET /api/v1/contracts/:id/versions': contractRoute('/versions'),
  'GET /api/v1/contracts/:id/check': contractRoute('/check'),
  'GET /api/v1/contracts/:id/render': contractRoute('/render'),
  'GET /api/v1/contracts/:id/diff': contractRoute('/diff?from=1&to=1'),
  'GET /api/v1/contracts/:id/clock': contractRoute('/clock'),
  'GET /api/v1/session': async (target) => (target === 'own' ? { method: 'GET', url: '/api/v1/session' } : undefined),
  'POST /api/v1/contracts/:id/events': contractRoute('/events', { method: 'POST', payload: { events: seededEvents('high') } }),
  'GET /api/v1/contracts/:id/scorecards/:month': contractRoute('/scorecards/2027-03'),
  'GET /api/v1/contracts/:id/clocks': contractRoute('/clocks?status=breached'),
  'GET /api/v1/contracts/:id/tickets/:ticket/explain': contractRoute(`/tickets/${seededTicket}/explain?asOf=2027-03-05T00:00:00-08:00`),
  'GET /api/v1/audit/verify': async (target) => (target === 'own' ? { method: 'GET', url: '/api/v1/audit/verify' } : undefined),
  'GET /api/v1/tokens': async (target) => (target === 'own' ? { method: 'GET', url: '/api/v1/tokens' } : undefined),
  'POST /api/v1/tokens': async (target) => ({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'matrix', role: 'vendor', contracts: [contractOf(target)] } }),
  'DELETE /api/v1/tokens/:tokenId': async (target) => {
    if (target === 'foreign') return { method: 'DELETE', url: `/api/v1/tokens/${baylineTokenId}` };
    if (target === 'missing') return { method: 'DELETE', url: '/api/v1/tokens/tok_nosuchtoken0' };
    // A fresh northstar token each time, so revoking it is a real change.
    const victim = await createToken(fixture.store, { name: 'victim', role: 'auditor', contracts: [northstarId], now: fixedNowSeconds, actor: 'test', issuerContracts: '*' });
    return { method: 'DELETE', url: `/api/v1/tokens/${victim.token.tokenId}` };
  },
  'GET /api/v1/contracts/:id/key-dates': contractRoute('/key-dates?from=2027-03-01&to=2027-12-31'),
  // The header, as every caller here sends it; the ?token= form has its own tests.
  'GET /api/v1/contracts/:id/key-dates.ics': contractRoute('/key-dates.ics?from=2027-03-01&to=2027-12-31'),
  'GET /api/v1/contracts/:id/rights': contractRoute('/rights?asOf=2027-04-10'),
  'GET /api/v1/contracts/:id/exit': contractRoute('/exit?noticeDate=2027-05-01&ground=convenience&by=client&asOf=2027-04-10'),
  'POST /api/v1/contracts/:id/exit/progress': contractRoute('/exit/progress', { method: 'POST', payload: { item: 'data-return', doneOn: '2027-08-20', evidence: 'export receipt #88' } }),
  'GET /api/v1/contracts/:id/breaches': contractRoute('/breaches?asOf=2027-04-10T09:00:00-07:00'),
  'POST /api/v1/contracts/:id/breaches': contractRoute('/breaches', { method: 'POST', payload: matrixBreach }),
  'PATCH /api/v1/contracts/:id/breaches/:incidentId': async (target) => {
    if (target !== 'own') return { method: 'PATCH', url: `/api/v1/contracts/${contractOf(target)}/breaches/BR-1`, payload: { vendorNotifiedClientAt: '2027-03-06T20:00:00-08:00' } };
    // A fresh northstar incident each time, so recording its notice is a real change.
    const { incident } = await recordBreachIncident(fixture.store, { contractId: northstarId, facts: { ...matrixBreachFacts, description: `matrix ${++freshRecords}` }, now: fixedNowSeconds, actor: 'test' });
    return { method: 'PATCH', url: `/api/v1/contracts/${northstarId}/breaches/${incident.id}`, payload: { vendorNotifiedClientAt: '2027-03-06T20:00:00-08:00' } };
  },
  'GET /api/v1/contracts/:id/insurance': contractRoute('/insurance?asOf=2027-04-10'),
  'POST /api/v1/contracts/:id/insurance': contractRoute('/insurance', { method: 'POST', payload: { type: 'cyber-liability', amount: '5000000.00', expiresOn: '2028-06-30', insurer: 'Beacon Mutual Insurance' } }),
  'POST /api/v1/contracts/:id/access-events': contractRoute('/access-events', {
    method: 'POST',
    payload: [{ at: '2027-03-01T09:15:00-08:00', account: 'a.okafor@deskforce.example', safeguards: ['mfa'], dataCategory: 'contact-details', action: 'read' }],
  }),
  'GET /api/v1/contracts/:id/access-findings': contractRoute('/access-findings?month=2027-03'),
  'GET /api/v1/contracts/:id/contract-events': contractRoute('/contract-events'),
  'POST /api/v1/contracts/:id/contract-events': contractRoute('/contract-events', { method: 'POST', payload: { kind: 'force-majeure', startedOn: '2027-03-10', description: 'Regional power outage', party: 'vendor' } }),
  'PATCH /api/v1/contracts/:id/contract-events/:eventId': async (target) => {
    if (target !== 'own') return { method: 'PATCH', url: `/api/v1/contracts/${contractOf(target)}/contract-events/EV-1`, payload: { endedOn: '2027-03-12' } };
    // A fresh northstar event each time, so ending it is a real change.
    const { event } = await recordContractEvent(fixture.store, { contractId: northstarId, kind: 'material-breach', startedOn: '2027-03-10', description: `matrix ${++freshRecords}`, now: fixedNowSeconds, actor: 'test' });
    return { method: 'PATCH', url: `/api/v1/contracts/${northstarId}/contract-events/${event.id}`, payload: { endedOn: '2027-03-12' } };
  },
  'GET /api/v1/contracts/:id/overview': contractRoute('/overview?asOf=2027-04-10T09:00:00-07:00'),
  'GET /api/v1/overview': async (target) => (target === 'own' ? { method: 'GET', url: '/api/v1/overview?asOf=2027-04-10T09:00:00-07:00' } : undefined),
  'GET /api/v1/contracts/:id/invoices': contractRoute('/invoices'),
  'GET /api/v1/contracts/:id/invoices/:month': contractRoute('/invoices/2027-03'),
  // A fresh month each time, so issuing is a real change (a month is invoiced once).
  'POST /api/v1/contracts/:id/invoices/:month/issue': async (target) => ({ method: 'POST', url: `/api/v1/contracts/${contractOf(target)}/invoices/${freshMonth()}/issue` }),
  'POST /api/v1/contracts/:id/payments': contractRoute('/payments', { method: 'POST', payload: { amount: '100.00', receivedOn: '2027-05-01', reference: `matrix-${Date.now()}-${Math.random()}` } }),
  'POST /api/v1/contracts/:id/credit-notes': async (target) => {
    if (target !== 'own') return { method: 'POST', url: `/api/v1/contracts/${contractOf(target)}/credit-notes`, payload: { invoiceId: 'NS-2027-0001', amount: '1.00', reason: 'matrix' } };
    const { stored } = await issueInvoiceForMonth(fixture.store, { contractId: northstarId, month: freshMonth(), now: fixedNowSeconds, actor: 'test' });
    return { method: 'POST', url: `/api/v1/contracts/${northstarId}/credit-notes`, payload: { invoiceId: stored.invoice.id, amount: '1.00', reason: 'matrix correction', issueOn: stored.invoice.issueOn } };
  },
  'GET /api/v1/contracts/:id/statement': contractRoute('/statement?asOf=2027-06-01'),
  'POST /api/v1/compare': async (target) =>
    target === 'own' ? { method: 'POST', url: '/api/v1/compare', payload: { proposals: [{ name: 'northstar.yaml', yaml: readExampleContract('northstar-tiered') }], forecast: { name: 'forecast.yaml', yaml: readFileSync(join(repoRoot, 'examples', 'forecast.yaml'), 'utf8') } } } : undefined,
  'POST /api/v1/contracts/:id/compare': contractRoute('/compare', { method: 'POST', payload: { proposals: [{ name: 'northstar.yaml', yaml: readExampleContract('northstar-tiered') }] } }),
  'POST /api/v1/contracts/:id/backtest': contractRoute('/backtest', { method: 'POST', payload: { proposal: { name: 'northstar.yaml', yaml: readExampleContract('northstar-tiered') } } }),
};

let freshMonths = 0;
/** 2028-01, 2028-02, ...: months inside the northstar term with no invoice yet. */
function freshMonth(): string {
  const index = freshMonths++;
  return `${2028 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The role rules in the brief's words, written independently of access-rules.ts so a wrong row
 * there fails here: client-admin does everything; auditor reads everything but tokens and writes
 * nothing; vendor lists its contracts, reads scorecards, invoices and clocks, and posts ticket
 * events and vendor reports, nothing else. Every role may read a contract's clock (the server's
 * now and the contract's zone).
 */
function mayCall(role: TokenRole, route: ApiRouteInfo): boolean {
  const read = route.method === 'GET';
  if (role === 'client-admin') return true;
  // Comparing proposals is the client's procurement work: client-admin only.
  if (/\/(compare|backtest)$/.test(route.url)) return false;
  if (role === 'auditor') return read && !route.url.startsWith('/api/v1/tokens');
  if (read) return route.url === '/api/v1/contracts' || route.url === '/api/v1/session' || route.url === '/api/v1/contracts/:id/clock' || /\/(scorecards|invoices|statement|clocks|explain)\b/.test(route.url);
  return route.method === 'POST' && /\/(events|vendor-reports)$/.test(route.url);
}

/** What the scoped tokens get for a foreign or missing target of a route they may call. */
function refusalFor(route: ApiRouteInfo): { status: number; code: string } {
  if (route.contractScoped || route.url === '/api/v1/tokens/:tokenId') return { status: 404, code: 'NOT_FOUND' };
  return { status: 403, code: 'FORBIDDEN' };
}

function secretOf(caller: Caller): string | undefined {
  if (caller === 'no token') return undefined;
  if (caller === 'bad token') return `sp_${'A'.repeat(43)}`;
  return fixture.tokens[caller];
}

async function auditLength(): Promise<number> {
  return (await fixture.store.audit.verifyAudit()).entriesChecked;
}

async function send(caller: Caller, request: Request): Promise<LightMyRequestResponse> {
  const token = secretOf(caller);
  return fixture.request({ ...request, ...(token === undefined ? {} : { token }) });
}

/** The body with the target's identifier blanked, so foreign and missing answers can be compared. */
function anonymised(response: LightMyRequestResponse, request: Request): string {
  const id = /\/(tok_[\w-]+)$/.exec(request.url)?.[1];
  let body = response.body;
  for (const word of [baylineId, missingId, draftId, id]) if (word !== undefined) body = body.replaceAll(word, '<id>');
  return body;
}

/** Words that appear only in the bayline contract and its data. */
const baylineWords = [baylineId, 'Bayline', 'Orchard'];

/** Bayline words in an answer, leaving out the error message and problems that echo the requested id. */
function leakedWords(response: LightMyRequestResponse): string[] {
  let text = response.body;
  try {
    const body = JSON.parse(text) as { error?: { message: string; details: Record<string, unknown> } };
    if (body.error) text = JSON.stringify({ ...body.error, message: '', details: { ...body.error.details, problems: [] } });
  } catch {
    // Not JSON (an HTML page): searched as it is.
  }
  return baylineWords.filter((word) => text.includes(word));
}

describe('the API role matrix', () => {
  beforeAll(async () => {
    fixture = await openApiFixture();
    const bayline = await createToken(fixture.store, { name: 'bayline feed', role: 'vendor', contracts: [baylineId], now: fixedNowSeconds, actor: 'test', issuerContracts: '*' });
    baylineTokenId = bayline.token.tokenId;
  });
  afterAll(() => fixture.close());

  it('has an example request for every registered route and a rule for nothing else', () => {
    const registered = listApiRoutes(fixture.app).map((r) => routeKey(r.method, r.url));
    expect(registered.length).toBeGreaterThanOrEqual(15);
    expect(registered.filter((key) => !(key in examples))).toEqual([]);
    expect(Object.keys(examples).filter((key) => !registered.includes(key))).toEqual([]);
    expect(Object.keys(routeRules).filter((key) => !registered.includes(key))).toEqual([]);
  });

  const routes = (): readonly ApiRouteInfo[] => listApiRoutes(fixture.app);
  // The route list exists once the fixture is built; vitest collects tests before that, so
  // each test walks every route for one caller, and failures name the route.
  for (const caller of callers) {
    it(`answers ${caller} on every route and target as its role allows, changing nothing it refuses`, async () => {
      const failures: string[] = [];
      for (const route of routes()) {
        const key = routeKey(route.method, route.url);
        const example = examples[key]!;
        const answers: Partial<Record<Target, { response: LightMyRequestResponse; request: Request }>> = {};
        for (const target of targets) {
          const request = await example(target);
          if (!request) continue;
          const before = await auditLength();
          const response = await send(caller, request);
          answers[target] = { response, request };
          const where = `${key} (${target}) as ${caller}: ${response.statusCode} ${response.body.slice(0, 160)}`;
          const role = caller === 'no token' || caller === 'bad token' ? undefined : caller;
          let expected: { status: number | 'success'; code?: string };
          if (!role) expected = { status: 401, code: 'UNAUTHENTICATED' };
          else if (!mayCall(role, route)) expected = { status: 403, code: 'FORBIDDEN' };
          else if (target === 'own') expected = { status: 'success' };
          else expected = refusalFor(route);
          const ok = expected.status === 'success' ? response.statusCode >= 200 && response.statusCode < 300 : response.statusCode === expected.status;
          if (!ok) failures.push(`expected ${expected.status}: ${where}`);
          if (expected.code !== undefined) {
            const body = response.json() as { error?: { code?: string } };
            if (body.error?.code !== expected.code) failures.push(`expected code ${expected.code}: ${where}`);
            if ((await auditLength()) !== before) failures.push(`a refused request changed the store: ${where}`);
          }
          if (target !== 'own' && leakedWords(response).length > 0) failures.push(`a ${target} answer shows bayline data (${leakedWords(response).join(', ')}): ${where}`);
          if (target === 'own' && role && route.url === '/api/v1/contracts' && response.body.includes(baylineId)) failures.push(`the contract list shows bayline: ${where}`);
          if (target === 'own' && route.url === '/api/v1/tokens' && route.method === 'GET' && response.body.includes(baylineTokenId)) failures.push(`the token list shows a bayline token: ${where}`);
        }
        const { foreign, missing } = answers;
        if (foreign && missing && (foreign.response.statusCode !== missing.response.statusCode || anonymised(foreign.response, foreign.request) !== anonymised(missing.response, missing.request))) {
          failures.push(`${key} as ${caller} answers a foreign target differently from a missing one: ${foreign.response.body} vs ${missing.response.body}`);
        }
      }
      expect(failures).toEqual([]);
    });
  }

  it('leaves the foreign contract exactly as it was: one version, its three seeded events, its token unrevoked', async () => {
    expect((await fixture.store.contracts.listContractVersions(baylineId)).map((v) => v.version)).toEqual([1]);
    expect(await fixture.store.tickets.countTickets(baylineId)).toEqual({ tickets: 1, events: 3 });
    expect((await fixture.store.tokens.getToken(baylineTokenId))?.revokedAt).toBeUndefined();
    expect(await fixture.store.contracts.getContract(draftId)).toBeUndefined();
  });
});
