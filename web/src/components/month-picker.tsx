import { useId } from 'react';
import { addMonths, formatMonth, monthsBetween } from '../format/format.js';

interface MonthPickerProps {
  readonly value: string;
  readonly latest: string;
  readonly onChange: (month: string) => void;
  readonly label?: string;
  /** Offer "every month" as the empty value. */
  readonly allLabel?: string;
}

/** A labelled select of the twelve months up to `latest`, newest first. */
export function MonthPicker({ value, latest, onChange, label = 'Month', allLabel }: MonthPickerProps) {
  const id = useId();
  const months = monthsBetween(addMonths(latest, -11), latest).reverse();
  if (value !== '' && !months.includes(value)) months.push(value);
  return (
    <span className="field-inline">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {allLabel !== undefined ? <option value="">{allLabel}</option> : null}
        {months.map((m) => (
          <option key={m} value={m}>
            {formatMonth(m)}
            {m === latest ? ' (current)' : ''}
          </option>
        ))}
      </select>
    </span>
  );
}
