export * from './error-catalogue.js';
export * from './supportpact-error.js';
