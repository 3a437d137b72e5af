import type { ApiError, ApiProblem } from '../api/api-client.js';
import { Excerpt, problemPosition } from './upload-problems.js';

/** One of the files sent: its problems show an excerpt of its text and a button to its line. */
export interface ProblemSource {
  /** What the form calls it: "Proposal 2", "Forecast". */
  readonly label: string;
  /** The name sent with it, which the server's problems give as `file`. */
  readonly name: string;
  readonly text: string;
  readonly goTo: (line: number, column: number) => void;
}

/** A refused request over several files: each problem with the file it is in, its line and column, and the way there. */
export function LocatedProblems({ error, title, sources, testId }: { readonly error: ApiError; readonly title: string; readonly sources: readonly ProblemSource[]; readonly testId?: string }) {
  const problems = error.problems;
  const sourceOf = (p: ApiProblem): ProblemSource | undefined => (p.file === undefined ? undefined : sources.find((s) => s.name === p.file));
  return (
    <div className="panel panel-error" role="alert" data-testid={testId}>
      <p className="panel-title">{title}</p>
      <p>{error.message}</p>
      {problems.length > 0 ? (
        <ol className="located-problems">
          {problems.map((p, i) => {
            const source = sourceOf(p);
            return (
              <li key={i}>
                <p>
                  {source ? <span className="muted">{source.label}: </span> : null}
                  {problemPosition(p) ? <code className="position">{problemPosition(p)}</code> : null} {p.path && p.path.length > 0 ? <code className="path">{p.path.join('.')}</code> : null}
                </p>
                <p className="problem-message">{p.message}</p>
                {p.expected ? <p className="muted small">Expected: {p.expected}</p> : null}
                {p.hint ? <p className="muted small">{p.hint}</p> : null}
                {source && p.line !== undefined ? (
                  <>
                    <Excerpt lines={source.text.split('\n')} line={p.line} column={p.column ?? 1} />
                    <button type="button" className="button-quiet" onClick={() => source.goTo(p.line ?? 1, p.column ?? 1)}>
                      Go to line {p.line}
                      {p.column !== undefined ? `, column ${p.column}` : ''} in {source.label}
                    </button>
                  </>
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : null}
      {typeof error.details.problemsOmitted === 'number' ? <p className="muted">{error.details.problemsOmitted} more problems are not listed.</p> : null}
      {error.fix ? <p className="muted">{error.fix}</p> : null}
    </div>
  );
}
