/** A `YYYY-MM` month typed as text: the server checks it and says what it expects. */
export function MonthField({ id, label, value, onChange }: { readonly id: string; readonly label: string; readonly value: string; readonly onChange: (month: string) => void }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" inputMode="numeric" value={value} onChange={(e) => onChange(e.target.value.trim())} placeholder="2027-03" pattern="\d{4}-\d{2}" maxLength={7} />
    </div>
  );
}
