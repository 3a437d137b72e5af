export * from './clock-types.js';
export * from './evaluate-ticket-clocks.js';
export * from './explain-ticket.js';
export * from './sla-policy.js';
export * from './ticket-timeline.js';
