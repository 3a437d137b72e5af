export * from './contract-templates.js';
