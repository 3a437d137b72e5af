export * from './calendars.js';
export * from './contract-schema.js';
export * from './parties.js';
export * from './pricing.js';
export * from './risk.js';
export * from './scope.js';
export * from './sla.js';
export * from './term.js';
