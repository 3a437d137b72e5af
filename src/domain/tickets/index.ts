export * from './ticket-event.js';
