import type { ReactNode } from 'react';
import type { ApiError } from '../api/api-client.js';
import type { Load } from '../api/use-api.js';

/** What the API said when a request failed, with its fix and located problems. */
export function ErrorPanel({ error, title }: { readonly error: ApiError; readonly title?: string }) {
  return (
    <div className="panel panel-error" role="alert">
      <p className="panel-title">{title ?? (error.status === 404 ? 'Not found' : error.status === 403 ? 'Not allowed for this token' : 'The request failed')}</p>
      <p>{error.message}</p>
      {error.problems.length > 0 ? (
        <ul className="problem-list">
          {error.problems.slice(0, 20).map((p, i) => (
            <li key={i}>
              {p.path && p.path.length > 0 ? <code>{p.path.join('.')}</code> : null} {p.message}
            </li>
          ))}
        </ul>
      ) : null}
      {error.fix ? <p className="muted">{error.fix}</p> : null}
    </div>
  );
}

/** A part of the dashboard whose API route the server does not have yet. */
export function NotAvailable({ what, route, compact = false }: { readonly what: string; readonly route: string; readonly compact?: boolean }) {
  if (compact) {
    return (
      <p className="unavailable-line" role="status">
        Not available yet: this server does not answer <code>{route}</code>.
      </p>
    );
  }
  return (
    <div className="panel panel-unavailable" role="status">
      <p className="panel-title">{what}: not available yet</p>
      <p>
        This server does not answer <code>{route}</code> yet, so there is nothing to show. Nothing here is made up: the panel fills in once the server has the route.
      </p>
    </div>
  );
}

export function Loading({ label }: { readonly label: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}…
    </div>
  );
}

interface LoadStateProps<T> {
  readonly load: Load<T>;
  /** Words for the loading line and the not-available panel: "Scorecard". */
  readonly what: string;
  /** The route, for the not-available panel: "GET /api/v1/contracts/{id}/invoices". */
  readonly route: string;
  readonly children: (data: T) => ReactNode;
  /** One line instead of a panel for "not available yet" (inside cards). */
  readonly compact?: boolean;
}

/** Loading, a failure (or a route not there yet), or the data. */
export function LoadState<T>({ load, what, route, children, compact = false }: LoadStateProps<T>) {
  if (load.status === 'loading') return <Loading label={`Loading ${what.toLowerCase()}`} />;
  if (load.status === 'error') return load.error.isMissingRoute ? <NotAvailable what={what} route={route} compact={compact} /> : <ErrorPanel error={load.error} />;
  return <>{children(load.data)}</>;
}
