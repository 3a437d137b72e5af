import { errorCatalogue, formatProblem, isSupportPactError } from '../../domain/errors/index.js';

/** Most problems listed for one error; the rest are counted. */
const maxProblemsShown = 50;

/** A SupportPactError as the user sees it: what, where, and how to fix it. Never a stack trace. */
export function formatError(error: unknown, debug = false): string {
  if (!isSupportPactError(error)) {
    const text = error instanceof Error ? error.message : String(error);
    const stack = debug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
    return `internal error: ${text}\nThis is a bug in SupportPact; please report it with the command you ran (set SUPPORTPACT_DEBUG=1 for details).${stack}\n`;
  }
  const lines = [`error: ${error.message}`];
  for (const problem of error.problems.slice(0, maxProblemsShown)) lines.push(`  ${formatProblem(problem)}`);
  if (error.problems.length > maxProblemsShown) lines.push(`  ... and ${error.problems.length - maxProblemsShown} more`);
  lines.push(`  fix: ${errorCatalogue[error.code].fix}`);
  return lines.join('\n') + '\n';
}
