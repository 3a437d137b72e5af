export * from './describe-calendar.js';
export * from './describe-contract.js';
export * from './describe-pricing.js';
export * from './describe-risk.js';
export * from './describe-scope.js';
export * from './describe-sla.js';
export * from './describe-term.js';
export * from './schedule.js';
