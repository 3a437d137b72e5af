/** The API's answers as the dashboard reads them (see /docs/json), one module per area. */
export type * from './contract-types.js';
export type * from './ticket-types.js';
export type * from './overview-types.js';
export type * from './lifecycle-risk-types.js';
export type * from './invoice-types.js';
export type * from './compare-types.js';
