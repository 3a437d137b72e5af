export * from './ticket-event.js';
export * from './ticket-order.js';
