/** A status in words with a colour and a shape, so it never relies on colour alone. */
const looks: Record<string, { tone: string; label: string }> = {
  met: { tone: 'good', label: 'Met' },
  missed: { tone: 'bad', label: 'Missed' },
  'no-data': { tone: 'neutral', label: 'No data' },
  breached: { tone: 'bad', label: 'Breached' },
  'at-risk': { tone: 'warn', label: 'At risk' },
  running: { tone: 'info', label: 'Running' },
  paused: { tone: 'neutral', label: 'Paused' },
  canceled: { tone: 'neutral', label: 'Canceled' },
  error: { tone: 'bad', label: 'Error' },
  warning: { tone: 'warn', label: 'Warning' },
  info: { tone: 'info', label: 'Info' },
  overdue: { tone: 'bad', label: 'Overdue' },
  open: { tone: 'warn', label: 'Open' },
  'not-due': { tone: 'neutral', label: 'Not due' },
  late: { tone: 'bad', label: 'Late' },
  'on-time': { tone: 'good', label: 'On time' },
  paid: { tone: 'good', label: 'Paid' },
  issued: { tone: 'info', label: 'Issued' },
  draft: { tone: 'neutral', label: 'Draft' },
  pending: { tone: 'info', label: 'Pending' },
  'not-required': { tone: 'neutral', label: 'Not required' },
  'not-open': { tone: 'neutral', label: 'Not open' },
  'not-evaluated': { tone: 'neutral', label: 'Not evaluated' },
  high: { tone: 'bad', label: 'High' },
  medium: { tone: 'warn', label: 'Medium' },
  low: { tone: 'info', label: 'Low' },
  unpaid: { tone: 'warn', label: 'Unpaid' },
  'partly-paid': { tone: 'warn', label: 'Partly paid' },
  credited: { tone: 'neutral', label: 'Credited' },
};

export function StatusBadge({ status, label }: { readonly status: string; readonly label?: string }) {
  const look = looks[status] ?? { tone: 'neutral', label: status };
  return <span className={`badge badge-${look.tone}`}>{label ?? look.label}</span>;
}
