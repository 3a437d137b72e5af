import type { ErrorCode } from '../../domain/errors/index.js';

/** Process exit code for every error code (the compiler flags a code that is missing here). */
export const exitCodeFor: Record<ErrorCode, number> = {
  INPUT_NOT_FOUND: 2,
  INPUT_UNREADABLE: 2,
  CONTRACT_SYNTAX: 2,
  CONTRACT_INVALID: 2,
  CONTRACT_NOT_FOUND: 2,
  CALENDAR_INVALID: 2,
  INSTANT_INVALID: 2,
  DATE_INVALID: 2,
  MONEY_INVALID: 2,
  IMPORT_INVALID: 2,
  EVENTS_INVALID: 2,
  TICKET_NOT_FOUND: 2,
  USAGE: 2,
  STORE_LOCKED: 3,
  STORE_UNAVAILABLE: 3,
  CONFLICT: 1,
  UNAUTHENTICATED: 4,
  FORBIDDEN: 4,
  NOT_FOUND: 2,
  BROWSER_UNAVAILABLE: 3,
  INTERNAL: 70,
};
