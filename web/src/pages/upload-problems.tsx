import type { ApiError, ApiProblem } from '../api/api-client.js';

/** The lines around a problem, numbered, with a caret under its column. */
export function Excerpt({ lines, line, column }: { readonly lines: readonly string[]; readonly line: number; readonly column: number }) {
  const from = Math.max(1, line - 2);
  const to = Math.min(lines.length, line + 1);
  const width = String(to).length;
  const shown: string[] = [];
  for (let n = from; n <= to; n++) {
    shown.push(`${n === line ? '>' : ' '} ${String(n).padStart(width)} | ${lines[n - 1] ?? ''}`);
    if (n === line) shown.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, column - 1))}^`);
  }
  return (
    <pre className="excerpt" aria-hidden="true">
      {shown.join('\n')}
    </pre>
  );
}

/** `contract.yaml:12:5`, or empty for a problem without a line. */
export function problemPosition(problem: ApiProblem): string {
  const position = problem.line !== undefined ? `${problem.file ?? 'file'}:${problem.line}${problem.column !== undefined ? `:${problem.column}` : ''}` : '';
  return position;
}

/** A refused upload: the server's message, then each problem with its place in the file. */
export function ProblemList({ error, text, onGoTo }: { readonly error: ApiError; readonly text: string; readonly onGoTo: (line: number, column: number) => void }) {
  const lines = text.split('\n');
  const problems = error.problems;
  return (
    <div className="panel panel-error" role="alert" data-testid="upload-problems">
      <p className="panel-title">The contract was not stored</p>
      <p>{error.message}</p>
      {problems.length > 0 ? (
        <ol className="located-problems">
          {problems.map((p, i) => (
            <li key={i}>
              <p>
                {problemPosition(p) ? <code className="position">{problemPosition(p)}</code> : null} {p.path && p.path.length > 0 ? <code className="path">{p.path.join('.')}</code> : null}
              </p>
              <p className="problem-message">{p.message}</p>
              {p.expected ? <p className="muted small">Expected: {p.expected}</p> : null}
              {p.hint ? <p className="muted small">{p.hint}</p> : null}
              {p.line !== undefined ? (
                <>
                  <Excerpt lines={lines} line={p.line} column={p.column ?? 1} />
                  <button type="button" className="button-quiet" onClick={() => onGoTo(p.line ?? 1, p.column ?? 1)}>
                    Go to line {p.line}
                    {p.column !== undefined ? `, column ${p.column}` : ''} in the editor
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {typeof error.details.problemsOmitted === 'number' ? <p className="muted">{error.details.problemsOmitted} more problems are not listed.</p> : null}
      {error.fix ? <p className="muted">{error.fix}</p> : null}
    </div>
  );
}
