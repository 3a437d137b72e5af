/**
 * SupportPact's public library surface. The CLI and the HTTP server are thin shells over
 * the same functions.
 */
// Business calendars (public library API: keep these names and shapes).
export { createCalendar, addBusinessTime, businessTimeBetween, addBusinessDays, BusinessCalendar } from './domain/calendar/index.js';
export type { CalendarSpec, DueAtClosingTime, BusinessTimeOptions, InstantInput } from './domain/calendar/index.js';

// Pricing (public library API).
export { priceQuantity, priceBands } from './domain/pricing/index.js';
export type { BandPricing } from './domain/pricing/index.js';

// Money.
export { parseAmount, parseMoney, toMoney, formatMoney, allocate, prorate } from './domain/money/index.js';
export type { Money, RoundingMode } from './domain/money/index.js';

// The contract file.
export { parseContract, maxContractBytes, type LoadedContract } from './domain/contract/parse-contract.js';
export type { Contract } from './domain/contract/schema/index.js';
export { lintContract, lintRules, type Finding, type LintRule } from './domain/contract/lint/index.js';
export { describeContract, notLegalAdvice, type ContractSchedule } from './domain/contract/describe/index.js';
export { diffContracts, type ContractChange } from './domain/contract/diff/index.js';
export { contractTemplate, contractTemplateNames } from './domain/contract/templates/index.js';

// SLA clocks and measures.
export { compileSlaPolicy, mapPriority, buildTicketTimeline, evaluateTicketClocks, explainTicket } from './domain/sla/index.js';
export type { SlaPolicy, TicketClocks, ClockResult, ClockStatus, ExplainedTicket, ClockStep } from './domain/sla/index.js';
export { MonthlyScorecardBuilder, monthPeriod, type MonthlyScorecard } from './domain/measures/index.js';

// Tickets.
export { eventKinds, ticketStatuses, sortTicketEvents } from './domain/tickets/index.js';
export type { TicketEvent, TicketHeader, Outage, VendorReportDelivery, EventKind, TicketStatus } from './domain/tickets/index.js';

// Lifecycle and risk.
export * as lifecycle from './domain/lifecycle/index.js';
export * as risk from './domain/risk/index.js';

// Errors.
export { SupportPactError, errorCatalogue, formatProblem, type ErrorCode, type Problem } from './domain/errors/index.js';

// Use cases.
export { checkContract } from './app/check-contract.js';
export { computeScorecard } from './app/compute-scorecard.js';
export { explainTicketEvents } from './app/explain-ticket-events.js';
