import type { TokenRole } from '../../app/ports/index.js';

/**
 * What a request needs, named by what it touches. Roles grant permissions; routes require one.
 * A permission with no route yet (invoices, vendor reports) states the role rule for the
 * routes that will come.
 */
export type Permission =
  /** List the contracts the token may see (ids, titles, parties), and read each one's clock (the server's now, its zone). */
  | 'contracts:list'
  /** A contract's text, versions, findings, rendering and amendments. */
  | 'contract:read'
  /** Upload a contract or a new version. */
  | 'contract:write'
  | 'scorecard:read'
  /** Ticket clocks: breached and at-risk lists, a ticket's explanation. */
  | 'clocks:read'
  | 'events:write'
  | 'invoices:read'
  | 'vendor-reports:write'
  | 'audit:read'
  | 'tokens:manage'
  /** Key dates and their feed, termination rights, exit plans, recorded contract events. */
  | 'lifecycle:read'
  /** Record exit progress and contract events (insolvency, force majeure, material breach). */
  | 'lifecycle:write'
  /** The breach register, insurance certificates and findings, data-access findings. */
  | 'risk:read'
  /** Record or update breach incidents, file certificates, post data-access events. */
  | 'risk:write'
  /** The dashboard's summaries: they count risk findings, so vendors do not get them. */
  | 'overview:read'
  /** Issue invoices, record payments, issue credit notes. */
  | 'invoices:write'
  /** Compare proposals and backtest one on the contract's history (procurement: the client's). */
  | 'compare:run';

/**
 * Role -> permissions. client-admin reads and writes its contracts; vendor reads its contracts'
 * scorecards, invoices and clocks and posts ticket events and vendor reports; auditor reads
 * everything of its contracts and writes nothing. Every role may list the contracts it sees
 * (ids and titles only), so a dashboard can offer them.
 */
export const rolePermissions: Readonly<Record<TokenRole, ReadonlySet<Permission>>> = {
  'client-admin': new Set<Permission>(['contracts:list', 'contract:read', 'contract:write', 'scorecard:read', 'clocks:read', 'events:write', 'invoices:read', 'vendor-reports:write', 'audit:read', 'tokens:manage', 'lifecycle:read', 'lifecycle:write', 'risk:read', 'risk:write', 'overview:read', 'invoices:write', 'compare:run']),
  vendor: new Set<Permission>(['contracts:list', 'scorecard:read', 'clocks:read', 'events:write', 'invoices:read', 'vendor-reports:write']),
  auditor: new Set<Permission>(['contracts:list', 'contract:read', 'scorecard:read', 'clocks:read', 'invoices:read', 'audit:read', 'lifecycle:read', 'risk:read', 'overview:read']),
};

/**
 * Route -> required permission: the one rule table, enforced by one hook (`createAccessHook`,
 * attached to each route as it is registered). The server refuses to start when an `/api/v1`
 * route has no row here, so a new route cannot be left open by accident. A `:id` in the path is a contract id:
 * the hook also checks the token may see it (404 when not, the same as for no such contract).
 */
export const routeRules: Readonly<Record<string, Permission>> = {
  'GET /api/v1/contracts': 'contracts:list',
  'POST /api/v1/contracts': 'contract:write',
  'GET /api/v1/contracts/:id': 'contract:read',
  'GET /api/v1/contracts/:id/versions': 'contract:read',
  'GET /api/v1/contracts/:id/check': 'contract:read',
  'GET /api/v1/contracts/:id/render': 'contract:read',
  'GET /api/v1/contracts/:id/diff': 'contract:read',
  /** The server's now and the contract's zone: every role that may see the contract. */
  'GET /api/v1/contracts/:id/clock': 'contracts:list',
  'GET /api/v1/session': 'contracts:list',
  'POST /api/v1/contracts/:id/events': 'events:write',
  'GET /api/v1/contracts/:id/scorecards/:month': 'scorecard:read',
  'GET /api/v1/contracts/:id/clocks': 'clocks:read',
  'GET /api/v1/contracts/:id/tickets/:ticket/explain': 'clocks:read',
  'GET /api/v1/audit/verify': 'audit:read',
  'GET /api/v1/tokens': 'tokens:manage',
  'POST /api/v1/tokens': 'tokens:manage',
  'DELETE /api/v1/tokens/:tokenId': 'tokens:manage',
  'GET /api/v1/contracts/:id/key-dates': 'lifecycle:read',
  'GET /api/v1/contracts/:id/key-dates.ics': 'lifecycle:read',
  'GET /api/v1/contracts/:id/rights': 'lifecycle:read',
  'GET /api/v1/contracts/:id/exit': 'lifecycle:read',
  'POST /api/v1/contracts/:id/exit/progress': 'lifecycle:write',
  'GET /api/v1/contracts/:id/breaches': 'risk:read',
  'POST /api/v1/contracts/:id/breaches': 'risk:write',
  'PATCH /api/v1/contracts/:id/breaches/:incidentId': 'risk:write',
  'GET /api/v1/contracts/:id/insurance': 'risk:read',
  'POST /api/v1/contracts/:id/insurance': 'risk:write',
  'POST /api/v1/contracts/:id/access-events': 'risk:write',
  'GET /api/v1/contracts/:id/access-findings': 'risk:read',
  'GET /api/v1/contracts/:id/contract-events': 'lifecycle:read',
  'POST /api/v1/contracts/:id/contract-events': 'lifecycle:write',
  'PATCH /api/v1/contracts/:id/contract-events/:eventId': 'lifecycle:write',
  'GET /api/v1/contracts/:id/overview': 'overview:read',
  'GET /api/v1/overview': 'overview:read',
  'GET /api/v1/contracts/:id/invoices': 'invoices:read',
  'GET /api/v1/contracts/:id/invoices/:month': 'invoices:read',
  'POST /api/v1/contracts/:id/invoices/:month/issue': 'invoices:write',
  'POST /api/v1/contracts/:id/payments': 'invoices:write',
  'POST /api/v1/contracts/:id/credit-notes': 'invoices:write',
  'GET /api/v1/contracts/:id/statement': 'invoices:read',
  'POST /api/v1/compare': 'compare:run',
  'POST /api/v1/contracts/:id/compare': 'compare:run',
  'POST /api/v1/contracts/:id/backtest': 'compare:run',
};

/** The path parameter that names a contract, on every contract-scoped route. */
export const contractParam = 'id';

/** `routeKey('GET', '/api/v1/contracts/:id')` is `'GET /api/v1/contracts/:id'`. */
export function routeKey(method: string, url: string): string {
  return `${method.toUpperCase()} ${url}`;
}

export function roleHas(role: TokenRole, permission: Permission): boolean {
  return rolePermissions[role].has(permission);
}
