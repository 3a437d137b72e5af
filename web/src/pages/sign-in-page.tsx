import { useEffect, useId, useState, type FormEvent } from 'react';
import { ApiError, apiJson } from '../api/api-client.js';
import { markSignedIn, saveSessionToken, takeSignOutReason } from '../session/session-token.js';

/** The one place a token is typed: checked against the API, then kept in this tab's sessionStorage. */
export function SignInPage() {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | undefined>(() => takeSignOutReason());
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const helpId = useId();
  const errorId = useId();

  useEffect(() => {
    document.title = 'Sign in · SupportPact';
  }, []);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const text = token.trim();
    if (!text) {
      setError('Enter an API token: it starts with sp_.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await apiJson('/contracts', { token: text });
      markSignedIn();
      saveSessionToken(text);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sign-in">
      <main id="main" className="sign-in-card">
        <p className="brand">
          <span className="brand-mark" aria-hidden="true">
            SP
          </span>
          SupportPact
        </p>
        <h1>Sign in</h1>
        <p className="muted">Service levels, credits, invoices and deadlines of your helpdesk contracts, from the same figures both sides see.</p>
        <form onSubmit={submit} noValidate>
          <label htmlFor={inputId}>API token</label>
          <input
            id={inputId}
            name="token"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={token}
            onChange={(e) => setToken(e.target.value)}
            aria-describedby={error ? `${helpId} ${errorId}` : helpId}
            aria-invalid={error ? true : undefined}
            autoFocus
          />
          <p id={helpId} className="field-help">
            The server prints the first admin token when it starts for the first time. Your token is kept in this browser tab only and forgotten when you close it.
          </p>
          {error ? (
            <p id={errorId} className="field-error" role="alert">
              {error}
            </p>
          ) : null}
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? 'Checking…' : 'Sign in'}
          </button>
        </form>
      </main>
    </div>
  );
}
