import { useState } from 'react';
import { ApiError, apiRequest } from '../api/api-client.js';

/** A minute: long enough for the new tab to load the report, short enough not to keep it in memory. */
const keepBlobMs = 60_000;

/**
 * Opens an HTML page the API makes with a POST (a self-contained report) in a new tab: the tab is
 * opened at the click (so no pop-up blocker stops it), the page is fetched with the session's
 * token in the header, and the tab is sent to a blob URL of it. The token is never in an address.
 */
export function OpenReportButton({ path, body, label, testId }: { readonly path: string; readonly body: unknown; readonly label: string; readonly testId?: string }) {
  const [state, setState] = useState<{ busy: boolean; error?: string; blockedUrl?: string }>({ busy: false });
  const open = async (): Promise<void> => {
    const tab = window.open('', '_blank');
    if (tab) {
      // The report has no scripts, but the tab need not reach back into this page either.
      tab.opener = null;
      tab.document.title = 'Preparing the report…';
      tab.document.body.textContent = 'Preparing the report…';
    }
    setState({ busy: true });
    try {
      const response = await apiRequest(path, { method: 'POST', body, accept: 'text/html' });
      const html = await response.text();
      const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
      setTimeout(() => URL.revokeObjectURL(url), keepBlobMs);
      if (tab) {
        tab.location.href = url;
        setState({ busy: false });
      } else {
        // A blocked pop-up: a link the person opens, still without the token in it.
        setState({ busy: false, blockedUrl: url });
      }
    } catch (error) {
      tab?.close();
      setState({ busy: false, error: error instanceof ApiError ? error.message : String(error) });
    }
  };
  return (
    <span className="download">
      <button type="button" className="button-quiet" onClick={open} disabled={state.busy} data-testid={testId}>
        {state.busy ? 'Preparing the report…' : label}
      </button>
      {state.blockedUrl ? (
        <a href={state.blockedUrl} target="_blank" rel="noopener">
          The browser blocked the new tab: open the report
        </a>
      ) : null}
      {state.error ? (
        <span className="field-error" role="alert">
          {state.error}
        </span>
      ) : null}
    </span>
  );
}
