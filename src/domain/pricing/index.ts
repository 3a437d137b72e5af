export * from './check-band-pricing.js';
export * from './check-band-up-to.js';
export * from './price-bands.js';
export * from './price-per-incident.js';
export * from './minimum-commitment.js';
export * from './late-interest.js';
