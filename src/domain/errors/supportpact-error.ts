import { errorCatalogue, type ErrorCode } from './error-catalogue.js';

/** A field path into a document: `['sla', 'targets', 'firstResponse', 'P1', 'within']`. */
export type FieldPath = readonly (string | number)[];

/**
 * One located problem in user input: what is wrong, where, and how to fix it.
 * Example: `{ message: 'unknown key "optOutNotic"', path: ['term','renewal','optOutNotic'],
 * file: 'a.yaml', line: 12, column: 5, hint: 'did you mean "optOutNotice"?' }`.
 */
export interface Problem {
  readonly message: string;
  readonly path?: FieldPath;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly expected?: string;
  readonly hint?: string;
}

/** The one error type the domain and use cases throw for expected, user-caused failures. */
export class SupportPactError extends Error {
  readonly code: ErrorCode;
  readonly problems: readonly Problem[];
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { problems?: readonly Problem[]; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SupportPactError';
    this.code = code;
    this.problems = options.problems ?? [];
    this.details = options.details ?? {};
  }

  /** The catalogue's advice for this error's code. */
  get fix(): string {
    return errorCatalogue[this.code].fix;
  }
}

export function isSupportPactError(value: unknown): value is SupportPactError {
  return value instanceof SupportPactError;
}

/** `sla.targets.firstResponse.P1` or `sla.serviceLevels[2].id`. */
export function formatFieldPath(path: FieldPath): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? part : `.${part}`;
  }
  return text === '' ? '(document)' : text;
}

/** `a.yaml:12:5: term.renewal.optOutNotic: unknown key (did you mean "optOutNotice"?)` */
export function formatProblem(problem: Problem): string {
  const where = [problem.file, problem.line, problem.column].filter((x) => x !== undefined).join(':');
  const field = problem.path && problem.path.length > 0 ? formatFieldPath(problem.path) : undefined;
  let text = '';
  if (where) text += `${where}: `;
  if (field) text += `${field}: `;
  text += problem.message;
  if (problem.expected && !problem.message.includes('expected')) text += ` (expected ${problem.expected})`;
  if (problem.hint) text += `; ${problem.hint}`;
  return text;
}
