export * from './contract-change.js';
export * from './diff-contracts.js';
export { computedTermDates } from './diff-term.js';
export { compareDurations } from './value-kinds.js';
