import { Link, pathOf } from '../router/router.js';

/** Ticket ids as links to their timelines: the first few inline, the rest behind a disclosure. */
export function TicketLinks({ contractId, tickets, label, inline = 4 }: { readonly contractId: string; readonly tickets: readonly string[]; readonly label: string; readonly inline?: number }) {
  if (tickets.length === 0) return <span className="muted">none</span>;
  const first = tickets.slice(0, inline);
  const rest = tickets.slice(inline);
  const link = (t: string) => (
    <Link key={t} to={pathOf('contracts', contractId, 'tickets', t)} className="ticket-link">
      {t}
    </Link>
  );
  return (
    <span className="ticket-links">
      {first.map(link)}
      {rest.length > 0 ? (
        <details className="more-tickets">
          <summary>
            {rest.length} more<span className="visually-hidden"> {label}</span>
          </summary>
          <span className="ticket-links-wrap">{rest.map(link)}</span>
        </details>
      ) : null}
    </span>
  );
}
