export * from './month-period.js';
export * from './monthly-scorecard.js';
export * from './scope-match.js';
export * from './scorecard.js';
export * from './share.js';
export * from './resolution-seconds.js';
export * from './ticket-facts.js';
