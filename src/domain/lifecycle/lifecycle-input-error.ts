import { SupportPactError, type Problem } from '../errors/index.js';
import { isLocalDate, isMonth } from '../time/local-date.js';

/**
 * The error for malformed evidence or options handed to a lifecycle or risk rule:
 * `lifecycleInputError([{ message: 'dueOn "2027-02-30" is not a date', path: ['unpaidInvoices', 0, 'dueOn'] }])`
 * is an IMPORT_INVALID error (evidence arrives through the import and API paths).
 */
export function lifecycleInputError(problems: readonly Problem[], code: 'IMPORT_INVALID' | 'USAGE' = 'IMPORT_INVALID'): SupportPactError {
  const first = problems[0]?.message ?? 'malformed input';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new SupportPactError(code, `${first}${more}`, { problems });
}

/** Adds a problem when `value` is not an existing date: `checkLocalDate('2027-02-30', ['dueOn'], problems)` adds "dueOn \"2027-02-30\" is not an existing date". */
export function checkLocalDate(value: unknown, path: readonly (string | number)[], problems: Problem[]): void {
  if (typeof value === 'string' && isLocalDate(value)) return;
  problems.push({ message: `${String(path[path.length - 1])} ${JSON.stringify(value)} is not an existing date`, path, expected: 'YYYY-MM-DD', hint: 'write dates like 2027-03-31' });
}

/** Adds a problem when `value` is not a month: `checkMonth('2027-13', ['month'], problems)` adds one, `'2027-12'` none. */
export function checkMonth(value: unknown, path: readonly (string | number)[], problems: Problem[]): void {
  if (typeof value === 'string' && isMonth(value)) return;
  problems.push({ message: `${String(path[path.length - 1])} ${JSON.stringify(value)} is not a month`, path, expected: 'YYYY-MM', hint: 'write months like 2027-03' });
}

/** Adds a problem when `value` is not whole epoch seconds: `1803920400` passes, `1.5` and `'2027-03-01'` do not. */
export function checkEpochSeconds(value: unknown, path: readonly (string | number)[], problems: Problem[]): void {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return;
  problems.push({ message: `${String(path[path.length - 1])} ${JSON.stringify(value)} is not an instant`, path, expected: 'whole epoch seconds', hint: 'pass instants as epoch seconds, e.g. 1803920400' });
}
