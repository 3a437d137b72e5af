import { useState } from 'react';
import { ApiError, apiRequest } from '../api/api-client.js';

/**
 * Downloads an API file (a PDF, an .ics feed) with the session's token in the header, never
 * in the address: fetched, then saved from a temporary blob URL.
 */
export function DownloadButton({ path, fileName, accept, label, testId }: { readonly path: string; readonly fileName: string; readonly accept: string; readonly label: string; readonly testId?: string }) {
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const download = async (): Promise<void> => {
    setState({ busy: true });
    try {
      const response = await apiRequest(path, { accept });
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      // Give the browser a moment to start the download before the URL goes.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ busy: false });
    } catch (error) {
      setState({ busy: false, error: error instanceof ApiError ? error.message : String(error) });
    }
  };
  return (
    <span className="download">
      <button type="button" className="button-quiet" onClick={download} disabled={state.busy} data-testid={testId}>
        {state.busy ? 'Preparing…' : label}
      </button>
      {state.error ? (
        <span className="field-error" role="alert">
          {state.error}
        </span>
      ) : null}
    </span>
  );
}
