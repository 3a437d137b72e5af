import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Backtest } from '../api/api-types.js';
import { ApiError, apiJson, contractPath } from '../api/api-client.js';
import { useContracts } from '../api/use-contracts.js';
import { selectInEditor } from '../components/editor-position.js';
import { Loading } from '../components/load-state.js';
import { MonthField } from '../components/month-field.js';
import { YamlSourceField, type YamlSource } from '../components/yaml-source-field.js';
import { BacktestView } from './backtest-result.js';
import { LocatedProblems, type ProblemSource } from './located-problems.js';

interface BacktestDraft {
  readonly contractId: string;
  readonly proposal: YamlSource;
  readonly from: string;
  readonly to: string;
  readonly result?: Backtest;
}

/** The form and its last answer, kept while the dashboard is open (see compare-proposals). */
let kept: BacktestDraft = { contractId: '', proposal: { name: '', text: '' }, from: '', to: '' };

/** Backtest: a proposal re-measures a stored contract's real tickets, month by month beside that contract. */
export function CompareBacktest() {
  const [draft, setDraft] = useState<BacktestDraft>(kept);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [formProblem, setFormProblem] = useState<string | undefined>();
  const [sent, setSent] = useState<readonly ProblemSource[]>([]);
  const editor = useRef<HTMLTextAreaElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const contracts = useContracts();
  const ids = { contract: useId(), from: useId(), to: useId() };
  const list = contracts.status === 'ok' ? contracts.data.contracts : [];
  const contractId = draft.contractId || list[0]?.contractId || '';

  useEffect(() => {
    kept = draft;
  }, [draft]);

  const update = (change: Partial<BacktestDraft>): void => setDraft((d) => ({ ...d, ...change }));

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setFailure(undefined);
    if (draft.proposal.text.trim() === '') {
      setFormProblem('Give the proposal: choose its contract file or paste it.');
      return;
    }
    if (contractId === '') {
      setFormProblem('Choose the stored contract whose tickets to re-measure.');
      return;
    }
    setFormProblem(undefined);
    const proposal = { name: draft.proposal.name.trim() || 'proposal.contract.yaml', yaml: draft.proposal.text };
    setSent([{ label: 'Proposal', name: proposal.name, text: proposal.yaml, goTo: (line, column) => editor.current && selectInEditor(editor.current, line, column) }]);
    setBusy(true);
    try {
      const body = { proposal, ...(draft.from ? { from: draft.from } : {}), ...(draft.to ? { to: draft.to } : {}) };
      const result = await apiJson<Backtest>(contractPath(contractId, 'backtest'), { method: 'POST', body });
      setDraft((d) => ({ ...d, result }));
      requestAnimationFrame(() => resultHeading.current?.focus());
    } catch (error) {
      setFailure(error instanceof ApiError ? error : new ApiError(0, 'CLIENT', String(error), {}));
      setDraft((d) => ({ ...d, result: undefined }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <form className="compare-form" onSubmit={submit} noValidate aria-label="Backtest a proposal">
        <p className="field-help">
          The stored contract’s own tickets are measured again under the proposal’s calendars, targets, credits and prices, month by month beside the contract in force. Clocks still running are judged as of the end of the last month. Nothing is stored.
        </p>
        <div className="form-row">
          <div className="field">
            <label htmlFor={ids.contract}>Stored contract (its tickets, and the current side)</label>
            <select id={ids.contract} value={contractId} onChange={(e) => update({ contractId: e.target.value })}>
              {list.map((c) => (
                <option key={c.contractId} value={c.contractId}>
                  {c.title}
                </option>
              ))}
            </select>
          </div>
          <MonthField id={ids.from} label="From month (optional)" value={draft.from} onChange={(from) => update({ from })} />
          <MonthField id={ids.to} label="To month (optional)" value={draft.to} onChange={(to) => update({ to })} />
        </div>
        <YamlSourceField
          legend="Proposal"
          value={draft.proposal}
          onChange={(proposal) => update({ proposal })}
          editorRef={editor}
          namePlaceholder="proposal.contract.yaml"
          invalid={failure?.problems.some((p) => p.file !== undefined)}
          rows={12}
          testId="backtest-proposal"
        />
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? 'Running the backtest…' : 'Run the backtest'}
          </button>
          {formProblem ? (
            <p className="field-error" role="alert">
              {formProblem}
            </p>
          ) : null}
        </div>
      </form>
      <div aria-live="polite">
        {busy ? <Loading label="Measuring the stored tickets under both contracts" /> : null}
        {failure ? <LocatedProblems error={failure} title="The backtest could not run" sources={sent} testId="backtest-problems" /> : null}
      </div>
      {draft.result && !busy ? (
        <section aria-labelledby="backtest-heading" className="result" data-testid="backtest">
          <h2 id="backtest-heading" ref={resultHeading} tabIndex={-1}>
            Backtest: {draft.result.proposal.contractId}
            {draft.result.current ? ` against ${draft.result.current.contractId}` : ''}
          </h2>
          <BacktestView backtest={draft.result} />
        </section>
      ) : null}
    </>
  );
}
