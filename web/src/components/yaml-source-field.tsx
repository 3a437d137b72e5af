import { useId, type ChangeEvent, type ReactNode, type Ref } from 'react';

/** A YAML file as the API takes it: a name (for error positions) and its text. */
export interface YamlSource {
  readonly name: string;
  readonly text: string;
}

interface YamlSourceFieldProps {
  /** The group's name: "Proposal 1", "Forecast". Every control's label starts with it, for screen readers. */
  readonly legend: string;
  readonly value: YamlSource;
  readonly onChange: (next: YamlSource) => void;
  readonly editorRef?: Ref<HTMLTextAreaElement>;
  readonly namePlaceholder: string;
  readonly invalid?: boolean;
  /** Buttons beside the legend: remove, use an example. */
  readonly actions?: ReactNode;
  readonly help?: ReactNode;
  readonly rows?: number;
  readonly testId?: string;
}

/** A YAML file chosen from disk or pasted: a file input, the name used in error positions, and the editable text. */
export function YamlSourceField({ legend, value, onChange, editorRef, namePlaceholder, invalid = false, actions, help, rows = 10, testId }: YamlSourceFieldProps) {
  const ids = { file: useId(), name: useId(), text: useId(), help: useId() };
  const readFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    if (!file) return;
    onChange({ name: file.name, text: await file.text() });
  };
  const prefix = <span className="visually-hidden">{legend}: </span>;
  return (
    <fieldset className="source-field" data-testid={testId}>
      <legend>
        <span>{legend}</span>
        {actions ? <span className="source-actions">{actions}</span> : null}
      </legend>
      {help ? (
        <p id={ids.help} className="field-help">
          {help}
        </p>
      ) : null}
      <div className="form-row form-row-two">
        <div className="field">
          <label htmlFor={ids.file}>
            {prefix}File
          </label>
          <input id={ids.file} type="file" accept=".yaml,.yml,text/yaml,application/yaml,text/plain" onChange={readFile} />
        </div>
        <div className="field">
          <label htmlFor={ids.name}>
            {prefix}Name for error positions
          </label>
          <input id={ids.name} type="text" value={value.name} onChange={(e) => onChange({ ...value, name: e.target.value })} placeholder={namePlaceholder} maxLength={200} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={ids.text}>
          {prefix}Text (choose a file or paste)
        </label>
        <textarea
          id={ids.text}
          ref={editorRef}
          value={value.text}
          onChange={(e) => onChange({ ...value, text: e.target.value })}
          rows={rows}
          spellCheck={false}
          className="code-editor code-editor-short"
          aria-invalid={invalid ? true : undefined}
          aria-describedby={help ? ids.help : undefined}
        />
      </div>
    </fieldset>
  );
}
