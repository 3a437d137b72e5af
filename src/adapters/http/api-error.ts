import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { errorCatalogue, isSupportPactError, type ErrorCode, type Problem } from '../../domain/errors/index.js';
import { httpStatusFor, type HttpErrorCode, type TransportErrorCode } from './http-status.js';

/** The one shape of every failed API response. */
export interface ApiErrorBody {
  readonly error: {
    readonly code: HttpErrorCode;
    readonly message: string;
    /** `problems` (each located: path, file:line:col), `fix`, and code-specific facts. */
    readonly details: Readonly<Record<string, unknown>>;
  };
}

/** A failure raised by the HTTP layer itself (transport limits), outside the error catalogue. */
export class HttpError extends Error {
  constructor(
    readonly code: HttpErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

const transportFixes: Record<TransportErrorCode, string> = {
  PAYLOAD_TOO_LARGE: 'Send a smaller body: split ticket events into batches, and keep contract files under 1 MB.',
  UNSUPPORTED_MEDIA_TYPE: 'Send JSON (`Content-Type: application/json`), or a contract file as `text/plain` / `application/yaml`.',
  RATE_LIMITED: 'Wait for the time in the Retry-After header, then retry; batch requests where the API allows it.',
};

/** Most problems returned in one body; the rest are counted in `details.problemsOmitted`. */
const maxProblems = 200;

/** Where the catalogue's advice speaks of the command line, the API gives its own. */
const apiFixes: Partial<Record<HttpErrorCode, string>> = {
  USAGE: 'Check the request against the API documentation at /docs; each problem names the field.',
  IMPORT_INVALID: 'Fix the listed events (each path names the event and field) and post the batch again; nothing of it was stored.',
  CONTRACT_NOT_FOUND: 'List the contracts this token may see with GET /api/v1/contracts.',
  NOT_FOUND: 'Check the ids in the URL; GET /api/v1/contracts lists the contracts this token may see.',
  TICKET_NOT_FOUND: 'List tickets and their clocks with GET /api/v1/contracts/{id}/clocks.',
};

function fixFor(code: HttpErrorCode): string {
  return apiFixes[code] ?? (code in errorCatalogue ? errorCatalogue[code as ErrorCode].fix : transportFixes[code as TransportErrorCode]);
}

/** A body in the one error shape: `apiError('NOT_FOUND', 'No contract "x" is visible to this token.')`. */
export function apiError(code: HttpErrorCode, message: string, problems: readonly Problem[] = [], extra: Readonly<Record<string, unknown>> = {}): ApiErrorBody {
  const details: Record<string, unknown> = { ...extra, problems: problems.slice(0, maxProblems), fix: fixFor(code) };
  if (problems.length > maxProblems) details.problemsOmitted = problems.length - maxProblems;
  return { error: { code, message, details } };
}

export interface ErrorReply {
  readonly status: number;
  readonly body: ApiErrorBody;
  /** Whether the failure is ours (logged as an error), not the caller's. */
  readonly internal: boolean;
}

/** Fastify's own request errors (bad JSON, wrong media type, body too large), by their code. */
const fastifyCodes: Readonly<Record<string, TransportErrorCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

/**
 * Turns anything a route threw into a status and the one error body. Request validation
 * becomes USAGE with each field path; catalogue errors keep their code and problems; anything
 * unexpected becomes INTERNAL without its message or stack (those go to the log only).
 */
export function errorReplyOf(error: unknown, requestId: string): ErrorReply {
  if (isSupportPactError(error)) {
    // The store's "not found" names every stored contract: never send that list to a caller.
    const hidden = error.code === 'CONTRACT_NOT_FOUND';
    const internal = httpStatusFor[error.code] >= 500;
    const message = internal ? `${error.message} (request ${requestId})` : error.message;
    const body = apiError(error.code, message, hidden ? [] : error.problems, hidden || internal ? {} : error.details);
    return { status: httpStatusFor[error.code], body, internal };
  }
  if (error instanceof HttpError) return { status: httpStatusFor[error.code], body: apiError(error.code, error.message, [], error.details), internal: false };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = (error as FastifyError).validationContext ?? 'body';
    const problems: Problem[] = error.validation.map((issue) => ({
      message: issue.message ?? 'invalid value',
      path: [part, ...issue.instancePath.split('/').filter((p) => p !== '').map((p) => (/^\d+$/.test(p) ? Number(p) : p))],
    }));
    const first = problems[0];
    const where = first?.path && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
    return { status: 400, body: apiError('USAGE', `The request does not match the API: ${where}${first?.message ?? 'invalid'}`, problems), internal: false };
  }
  const fastifyError = error as Partial<FastifyError>;
  const transport = fastifyError.code === undefined ? undefined : fastifyCodes[fastifyError.code];
  if (transport) return { status: httpStatusFor[transport], body: apiError(transport, fastifyError.message ?? transport), internal: false };
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify's client errors (malformed JSON, an empty JSON body) speak to the caller already.
    const code: HttpErrorCode = status === 404 ? 'NOT_FOUND' : status === 429 ? 'RATE_LIMITED' : 'USAGE';
    return { status: httpStatusFor[code], body: apiError(code, fastifyError.message ?? 'bad request'), internal: false };
  }
  return { status: 500, body: apiError('INTERNAL', `Internal error: the server log has the details (request ${requestId}).`), internal: true };
}
