/** The lifecycle and risk registers' ports, re-exported together so `index.ts` needs one line. */
export type * from './access-event-store.js';
export type * from './breach-incident-store.js';
export type * from './contract-event-store.js';
export type * from './exit-progress-store.js';
export type * from './insurance-certificate-store.js';
