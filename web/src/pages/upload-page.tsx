import { useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { UploadResult } from '../api/api-types.js';
import { ApiError, apiJson } from '../api/api-client.js';
import { invalidateApi } from '../api/use-api.js';
import { selectInEditor } from '../components/editor-position.js';
import { PageHeader } from '../components/page-header.js';
import { Link, pathOf } from '../router/router.js';
import { ProblemList } from './upload-problems.js';

/** Add a contract (or a new version of one): the server checks it and locates every problem. */
export default function UploadPage() {
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState('');
  const [effectiveOn, setEffectiveOn] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<UploadResult | undefined>();
  const [failure, setFailure] = useState<ApiError | undefined>();
  const editor = useRef<HTMLTextAreaElement>(null);
  const ids = { file: useId(), text: useId(), name: useId(), date: useId(), help: useId() };

  const readFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    if (!file) return;
    setText(await file.text());
    setFileName(file.name);
    setResult(undefined);
    setFailure(undefined);
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setResult(undefined);
    setFailure(undefined);
    try {
      const body = { yaml: text, file: fileName.trim() || 'upload.contract.yaml', ...(effectiveOn ? { effectiveOn } : {}) };
      const answer = await apiJson<UploadResult>('/contracts', { method: 'POST', body });
      invalidateApi('/contracts');
      setResult(answer);
    } catch (error) {
      setFailure(error instanceof ApiError ? error : new ApiError(0, 'CLIENT', String(error), {}));
    } finally {
      setBusy(false);
    }
  };

  /** Puts the cursor on the problem's line and column in the editor. */
  const goTo = (line: number, column: number): void => {
    if (editor.current) selectInEditor(editor.current, line, column);
  };

  return (
    <>
      <PageHeader title="Add a contract" kicker="Contracts">
        <p>Upload a contract file (YAML, <code>supportpact: 1</code>). A file with the id of a stored contract becomes its next version.</p>
      </PageHeader>
      <form className="upload-form" onSubmit={submit} aria-describedby={ids.help}>
        <p id={ids.help} className="field-help">
          The server refuses a file that is not well formed and says where each problem is (line, column and field). A file that loads is stored and checked for missing or risky terms.
        </p>
        <div className="form-row">
          <div className="field">
            <label htmlFor={ids.file}>Contract file</label>
            <input id={ids.file} type="file" accept=".yaml,.yml,text/yaml,application/yaml,text/plain" onChange={readFile} />
          </div>
          <div className="field">
            <label htmlFor={ids.name}>Name for error positions</label>
            <input id={ids.name} type="text" value={fileName} onChange={(e) => setFileName(e.target.value)} placeholder="acme.contract.yaml" maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor={ids.date}>In force from (optional)</label>
            <input id={ids.date} type="date" value={effectiveOn} onChange={(e) => setEffectiveOn(e.target.value)} />
          </div>
        </div>
        <div className="field">
          <label htmlFor={ids.text}>Contract text</label>
          <textarea id={ids.text} ref={editor} value={text} onChange={(e) => setText(e.target.value)} rows={18} spellCheck={false} className="code-editor" aria-invalid={failure ? true : undefined} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy || text.trim() === ''}>
            {busy ? 'Uploading…' : 'Upload and check'}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {failure ? <ProblemList error={failure} text={text} onGoTo={goTo} /> : null}
        {result ? (
          <div className="panel panel-success" role="status">
            <p className="panel-title">{result.created ? 'Contract stored' : 'Nothing changed'}</p>
            <p>{result.message}</p>
            <p>
              <Link to={`${pathOf('contracts', result.contractId, 'terms')}?tab=findings`}>See its findings</Link> · <Link to={pathOf('contracts', result.contractId, 'terms')}>Read its terms</Link> · <Link to={pathOf('contracts', result.contractId, 'scorecard')}>Scorecard</Link>
            </p>
          </div>
        ) : null}
      </div>
    </>
  );
}
