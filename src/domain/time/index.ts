export * from './local-date.js';
export * from './zone.js';
export * from './duration.js';
