export * from './term-dates.js';
