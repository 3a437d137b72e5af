export * from './breach-incident.js';
export * from './evaluate-breach-incident.js';
export * from './evaluate-insurance.js';
export * from './is-generic-account.js';
export * from './evaluate-access-events.js';
export * from './compute-liability-cap.js';
