import { useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import exampleForecast from '../../../examples/forecast.yaml?raw';
import type { Comparison } from '../api/api-types.js';
import { ApiError, apiJson } from '../api/api-client.js';
import { useContracts } from '../api/use-contracts.js';
import { selectInEditor } from '../components/editor-position.js';
import { Loading } from '../components/load-state.js';
import { MonthField } from '../components/month-field.js';
import { YamlSourceField, type YamlSource } from '../components/yaml-source-field.js';
import { Link } from '../router/router.js';
import { ComparisonView } from './compare-result.js';
import { emptyProposal, keepProposalsDraft, keptProposalsDraft, maxPaths, maxProposals, newProposalKey, requestOf, type ProposalsDraft } from './compare-proposals-request.js';
import { LocatedProblems, type ProblemSource } from './located-problems.js';

/** Compare proposals: contract files over a forecast or a stored contract's history, priced by the server. */
export function CompareProposals() {
  const [draft, setDraft] = useState<ProposalsDraft>(keptProposalsDraft);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [formProblem, setFormProblem] = useState<string | undefined>();
  const [sent, setSent] = useState<readonly ProblemSource[]>([]);
  const editors = useRef(new Map<string, HTMLTextAreaElement>());
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const contracts = useContracts();
  const ids = { many: useId(), volumes: useId(), history: useId(), from: useId(), to: useId(), paths: useId(), seed: useId(), miss: useId(), missHelp: useId() };
  const list = contracts.status === 'ok' ? contracts.data.contracts : [];
  const historyContractId = draft.historyContractId || list[0]?.contractId || '';

  useEffect(() => {
    keepProposalsDraft(draft);
  }, [draft]);

  const update = (change: Partial<ProposalsDraft>): void => setDraft((d) => ({ ...d, ...change }));
  const setProposal = (key: number, next: YamlSource): void => setDraft((d) => ({ ...d, proposals: d.proposals.map((p) => (p.key === key ? { ...p, ...next } : p)) }));

  /** Several files at once fill the empty proposals first, then add more (up to ten). */
  const addFiles = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const files = [...(event.target.files ?? [])];
    const read = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
    event.target.value = '';
    setDraft((d) => {
      const proposals = [...d.proposals];
      for (const file of read) {
        const empty = proposals.findIndex((p) => p.text.trim() === '');
        if (empty >= 0) proposals[empty] = { ...proposals[empty]!, ...file };
        else if (proposals.length < maxProposals) proposals.push({ key: newProposalKey(), ...file });
      }
      return { ...d, proposals };
    });
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const request = requestOf({ ...draft, historyContractId });
    setFailure(undefined);
    if ('problem' in request) {
      setFormProblem(request.problem);
      return;
    }
    setFormProblem(undefined);
    // What was sent, so each problem can point into the file it names.
    const sources: ProblemSource[] = (request.body.proposals as { name: string; yaml: string }[]).map((p, i) => {
      const entry = draft.proposals.filter((e) => e.text.trim() !== '')[i];
      return { label: `Proposal ${draft.proposals.indexOf(entry!) + 1}`, name: p.name, text: p.yaml, goTo: (line, column) => goTo(`proposal-${entry?.key}`, line, column) };
    });
    const forecast = request.body.forecast as { name: string; yaml: string } | undefined;
    if (forecast) sources.push({ label: 'Forecast', name: forecast.name, text: forecast.yaml, goTo: (line, column) => goTo('forecast', line, column) });
    setSent(sources);
    setBusy(true);
    try {
      const comparison = await apiJson<Comparison>(request.path, { method: 'POST', body: { ...request.body, format: 'json' } });
      setDraft((d) => ({ ...d, result: { comparison, path: request.path, body: { ...request.body, format: 'html' } } }));
      requestAnimationFrame(() => resultHeading.current?.focus());
    } catch (error) {
      setFailure(error instanceof ApiError ? error : new ApiError(0, 'CLIENT', String(error), {}));
      setDraft((d) => ({ ...d, result: undefined }));
    } finally {
      setBusy(false);
    }
  };

  const goTo = (editor: string, line: number, column: number): void => {
    const area = editors.current.get(editor);
    if (area) selectInEditor(area, line, column);
  };
  const editorRef = (name: string) => (area: HTMLTextAreaElement | null) => {
    if (area) editors.current.set(name, area);
    else editors.current.delete(name);
  };

  return (
    <>
      <form className="compare-form" onSubmit={submit} noValidate aria-label="Compare proposals">
        <section className="section" aria-labelledby="proposals-heading">
          <div className="section-head">
            <h2 id="proposals-heading">Proposals</h2>
            <div className="field-inline">
              <label htmlFor={ids.many}>Choose several contract files at once</label>
              <input id={ids.many} type="file" multiple accept=".yaml,.yml,text/yaml,application/yaml,text/plain" onChange={addFiles} />
            </div>
          </div>
          <p className="field-help">Each proposal is a contract file (YAML, <code>supportpact: 1</code>) with its own id, all priced in one currency. Nothing is stored: the files are only priced.</p>
          <div className="source-grid">
            {draft.proposals.map((p, i) => (
              <YamlSourceField
                key={p.key}
                legend={`Proposal ${i + 1}`}
                value={p}
                onChange={(next) => setProposal(p.key, next)}
                editorRef={editorRef(`proposal-${p.key}`)}
                namePlaceholder={`proposal-${i + 1}.contract.yaml`}
                invalid={failure?.problems.some((problem) => problem.file !== undefined && problem.file === (p.name.trim() || `proposal-${i + 1}.contract.yaml`))}
                rows={8}
                testId={`proposal-${i + 1}`}
                actions={
                  draft.proposals.length > 2 ? (
                    <button type="button" className="button-quiet button-small" onClick={() => update({ proposals: draft.proposals.filter((e) => e.key !== p.key) })}>
                      Remove proposal {i + 1}
                    </button>
                  ) : null
                }
              />
            ))}
          </div>
          {draft.proposals.length < maxProposals ? (
            <button type="button" className="button-quiet" onClick={() => update({ proposals: [...draft.proposals, emptyProposal()] })}>
              Add another proposal
            </button>
          ) : (
            <p className="muted small">Ten proposals at most.</p>
          )}
        </section>

        <section className="section" aria-labelledby="volumes-heading">
          <h2 id="volumes-heading">Volumes to price</h2>
          <fieldset className="choice">
            <legend className="visually-hidden">Where the volumes come from</legend>
            <label>
              <input type="radio" name={ids.volumes} checked={draft.volumes === 'forecast'} onChange={() => update({ volumes: 'forecast' })} /> A forecast file
            </label>
            <label>
              <input type="radio" name={ids.volumes} checked={draft.volumes === 'history'} onChange={() => update({ volumes: 'history' })} /> Volumes from a stored contract’s ticket history
            </label>
          </fieldset>
          {draft.volumes === 'forecast' ? (
            <YamlSourceField
              legend="Forecast"
              value={draft.forecast}
              onChange={(forecast) => update({ forecast })}
              editorRef={editorRef('forecast')}
              namePlaceholder="forecast.yaml"
              invalid={failure?.problems.some((problem) => problem.file !== undefined && problem.file === (draft.forecast.name.trim() || 'forecast.yaml'))}
              rows={12}
              testId="forecast"
              help={
                <>
                  Tickets expected month by month, by priority and channel, with growth, seasonality and uncertainty: <Link to="/compare/forecast-format">the forecast format</Link>.
                </>
              }
              actions={
                <button type="button" className="button-quiet button-small" onClick={() => update({ forecast: { name: 'forecast.yaml', text: exampleForecast } })}>
                  Start from the example forecast
                </button>
              }
            />
          ) : (
            <div className="form-row">
              <div className="field">
                <label htmlFor={ids.history}>Contract whose tickets give the volumes</label>
                <select id={ids.history} value={historyContractId} onChange={(e) => update({ historyContractId: e.target.value })}>
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
          )}
        </section>

        <section className="section" aria-labelledby="options-heading">
          <h2 id="options-heading">Misses and uncertainty (optional)</h2>
          <label className="check">
            <input type="checkbox" checked={draft.simulate} onChange={(e) => update({ simulate: e.target.checked })} /> Simulate uncertain futures (seeded: the same seed gives the same figures)
          </label>
          <div className="form-row">
            <div className="field">
              <label htmlFor={ids.miss}>Miss probability</label>
              <input id={ids.miss} type="text" value={draft.missProbability} onChange={(e) => update({ missProbability: e.target.value })} placeholder="5%" maxLength={10} aria-describedby={ids.missHelp} />
              <span id={ids.missHelp} className="field-help">
                Each measure’s monthly chance of a miss, for expected credits; replaces the forecast’s own figure.
              </span>
            </div>
            <div className="field">
              <label htmlFor={ids.paths}>Simulated futures</label>
              <input id={ids.paths} type="number" min={1} max={maxPaths} step={1} value={draft.paths} onChange={(e) => update({ paths: e.target.value })} disabled={!draft.simulate} />
            </div>
            <div className="field">
              <label htmlFor={ids.seed}>Seed</label>
              <input id={ids.seed} type="number" step={1} value={draft.seed} onChange={(e) => update({ seed: e.target.value })} disabled={!draft.simulate} />
            </div>
          </div>
        </section>

        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? 'Comparing…' : 'Compare proposals'}
          </button>
          {formProblem ? (
            <p className="field-error" role="alert">
              {formProblem}
            </p>
          ) : null}
        </div>
      </form>

      <div aria-live="polite">
        {busy ? <Loading label="Pricing the proposals" /> : null}
        {failure ? <LocatedProblems error={failure} title="The proposals could not be compared" sources={sent} testId="compare-problems" /> : null}
      </div>
      {draft.result && !busy ? (
        <section aria-labelledby="comparison-heading" className="result" data-testid="comparison">
          <h2 id="comparison-heading" ref={resultHeading} tabIndex={-1}>
            Comparison: {draft.result.comparison.forecast.title}
          </h2>
          <ComparisonView comparison={draft.result.comparison} report={{ path: draft.result.path, body: draft.result.body }} />
        </section>
      ) : null}
    </>
  );
}
