import type { RouteModule } from '../api-context.js';
import { auditRoutes } from './audit-routes.js';
import { contractReviewRoutes } from './contract-review-routes.js';
import { contractRoutes } from './contract-routes.js';
import { ticketRoutes } from './ticket-routes.js';
import { tokenRoutes } from './token-routes.js';
import { keyDatesRoutes } from './key-dates-routes.js';
import { rightsRoutes } from './rights-routes.js';
import { exitRoutes } from './exit-routes.js';
import { breachRoutes } from './breach-routes.js';
import { insuranceRoutes } from './insurance-routes.js';
import { accessRoutes } from './access-routes.js';
import { contractEventsRoutes } from './contract-events-routes.js';
import { overviewRoutes } from './overview-routes.js';
import { invoiceRoutes } from './invoice-routes.js';
import { compareRoutes } from './compare-routes.js';
import { sessionRoutes } from './session-routes.js';
import { clockRoutes } from './clock-routes.js';

/**
 * Every route module of `/api/v1`, registered in this order. A new module is one file plus one
 * line here; give each of its routes a row in `../access-rules.ts` (the server will not start
 * without one).
 */
export const routeModules: readonly RouteModule[] = [contractRoutes, contractReviewRoutes, ticketRoutes, auditRoutes, tokenRoutes, keyDatesRoutes, rightsRoutes, exitRoutes, breachRoutes, insuranceRoutes, accessRoutes, contractEventsRoutes, overviewRoutes, invoiceRoutes, compareRoutes, clockRoutes, sessionRoutes];
