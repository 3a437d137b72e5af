import type { ErrorCode } from '../../domain/errors/index.js';

/**
 * Failures that exist only on the wire (the transport refuses before any use case runs). If
 * the catalogue gains one of these codes, the union below simply absorbs it.
 */
export type TransportErrorCode = 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE' | 'RATE_LIMITED';

/** Every code an API error body may carry. */
export type HttpErrorCode = ErrorCode | TransportErrorCode;

/**
 * The one table from error code to HTTP status. Typed as a total record, so a code added to
 * the catalogue without a status here fails to compile. Contract and event content problems
 * are 422 (the request was well formed, its content is not); request-shape problems are 400.
 */
export const httpStatusFor: Record<HttpErrorCode, number> = {
  INPUT_NOT_FOUND: 404,
  INPUT_UNREADABLE: 422,
  CONTRACT_SYNTAX: 422,
  CONTRACT_INVALID: 422,
  CONTRACT_NOT_FOUND: 404,
  CALENDAR_INVALID: 422,
  INSTANT_INVALID: 422,
  DATE_INVALID: 422,
  MONEY_INVALID: 422,
  IMPORT_INVALID: 422,
  EVENTS_INVALID: 422,
  TICKET_NOT_FOUND: 404,
  USAGE: 400,
  STORE_LOCKED: 503,
  STORE_UNAVAILABLE: 503,
  CONFLICT: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BROWSER_UNAVAILABLE: 503,
  INTERNAL: 500,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
};
