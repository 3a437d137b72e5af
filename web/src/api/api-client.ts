import { readSessionToken, signOut } from '../session/session-token.js';

export const apiBase = '/api/v1';

/** A located problem from the API's error details (a contract upload gives file, line, column). */
export interface ApiProblem {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly hint?: string;
  readonly expected?: string;
}

/** A failed API call: the one error shape `{ error: { code, message, details } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get problems(): readonly ApiProblem[] {
    const problems = this.details.problems;
    return Array.isArray(problems) ? (problems as ApiProblem[]) : [];
  }

  get fix(): string | undefined {
    return typeof this.details.fix === 'string' ? this.details.fix : undefined;
  }

  /** The server has no such route (yet): the page says "not available" instead of failing. */
  get isMissingRoute(): boolean {
    return this.status === 404 && this.message.startsWith('No route ');
  }
}

async function errorOf(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string; details?: Record<string, unknown> } };
    if (body.error?.message) return new ApiError(response.status, body.error.code ?? 'UNKNOWN', body.error.message, body.error.details ?? {});
  } catch {
    // Not the API's JSON (a proxy's page, a dropped connection): fall through to a plain message.
  }
  return new ApiError(response.status, 'HTTP_' + response.status, `The server answered ${response.status} ${response.statusText}.`, {});
}

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'DELETE';
  readonly body?: unknown;
  readonly accept?: string;
  readonly signal?: AbortSignal;
  /** Use this token instead of the session's (the sign-in screen checks a token before keeping it). */
  readonly token?: string;
}

/** Calls the API with the session's bearer token; a 401 signs the user out. */
export async function apiRequest(path: string, options: RequestOptions = {}): Promise<Response> {
  const token = options.token ?? readSessionToken();
  const headers: Record<string, string> = { accept: options.accept ?? 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(`${apiBase}${path}`, { method: options.method ?? 'GET', headers, body, signal: options.signal ?? null });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', 'The server cannot be reached: check that SupportPact is running, then retry.', {});
  }
  if (response.ok) return response;
  const failure = await errorOf(response);
  if (response.status === 401 && options.token === undefined) signOut(failure.message);
  throw failure;
}

export async function apiJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await apiRequest(path, options);
  return (await response.json()) as T;
}

export async function apiText(path: string, options: RequestOptions = {}): Promise<string> {
  const response = await apiRequest(path, { ...options, accept: options.accept ?? 'text/html' });
  return response.text();
}

/** `contractPath('acme', 'scorecards', '2027-05')` is `/contracts/acme/scorecards/2027-05`, each part escaped. */
export function contractPath(contractId: string, ...parts: string[]): string {
  return ['', 'contracts', contractId, ...parts].map(encodeURIComponent).join('/');
}
