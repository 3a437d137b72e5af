export * from './lint-contract.js';
export * from './lint-rule.js';
export { yearlyInterestRate } from './rules-pricing.js';
