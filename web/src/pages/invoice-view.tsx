import type { AdjustmentSet, Evidence, Invoice, InvoiceLine, RuleOutcome } from '../api/api-types.js';
import { DataTable } from '../components/data-table.js';
import { StatusBadge } from '../components/status-badge.js';
import { formatDate, formatMoney, formatMonth } from '../format/format.js';
import { Link, pathOf } from '../router/router.js';

/** The evidence behind a line: tickets link to their timelines (`T-1001#2` is T-1001's second cycle). */
export function EvidenceCell({ contractId, evidence }: { readonly contractId: string; readonly evidence: Evidence }) {
  if (evidence.kind === 'none' && !evidence.note) return <span className="muted">—</span>;
  const shown = evidence.ids.slice(0, 8);
  const rest = evidence.ids.slice(8);
  const item = (id: string) =>
    evidence.kind === 'tickets' ? (
      <Link key={id} to={pathOf('contracts', contractId, 'tickets', id.split('#')[0] ?? id)} className="ticket-link">
        {id}
      </Link>
    ) : (
      <code key={id} className="small">
        {id}
      </code>
    );
  return (
    <span className="evidence">
      <span className="muted small block">
        {evidence.kind === 'none' ? '' : `${evidence.kind.replace('-', ' ')}${evidence.ids.length > 0 ? ` (${evidence.ids.length})` : ''}`}
        {evidence.note ? `${evidence.kind === 'none' ? '' : ': '}${evidence.note}` : ''}
      </span>
      <span className="ticket-links">
        {shown.map(item)}
        {rest.length > 0 ? (
          <details className="more-tickets">
            <summary>{rest.length} more</summary>
            <span className="ticket-links-wrap">{rest.map(item)}</span>
          </details>
        ) : null}
      </span>
    </span>
  );
}

function Adjustments({ set, currency, contractId }: { readonly set: AdjustmentSet; readonly currency: string; readonly contractId: string }) {
  const money = (amount: string | undefined) => formatMoney(amount === undefined ? undefined : { amount, currency });
  const title = set.kind === 'credit' ? 'Service credits' : 'Bonuses';
  const rules: RuleOutcome[] = [...set.lines, ...set.notApplied].sort((a, b) => a.ruleIndex - b.ruleIndex);
  return (
    <section className="section" aria-labelledby={`adjustments-${set.kind}`}>
      <h3 id={`adjustments-${set.kind}`} className="subheading">
        {title} for {formatMonth(set.month)}: {money(set.total)}
      </h3>
      <p className="muted small">
        Rules are a percent of {formatMonth(set.month)}’s fees, {money(set.fees)}; {money(set.uncapped)} before caps{set.cut !== '0.00' ? `, ${money(set.cut)} cut by caps` : ''}.
      </p>
      <DataTable<RuleOutcome>
        caption={`${title} rules for ${set.month}`}
        rows={rules}
        rowKey={(r) => r.clause}
        empty="The contract has no such rules."
        rowClass={(r) => (r.status === 'applies' ? 'row-applies' : undefined)}
        columns={[
          { key: 'rule', header: 'Rule', rowHeader: true, render: (r) => (<>{r.rule}<code className="muted small block">{r.clause}</code></>) },
          { key: 'measured', header: 'Measured', render: (r) => (<>{r.measured}<span className="muted small block">{r.threshold}</span></>) },
          { key: 'status', header: 'Outcome', render: (r) => (<><StatusBadge status={r.status === 'applies' ? 'breached' : 'neutral'} label={r.status.replace('-', ' ')} /><span className="small block">{r.reason}</span></>) },
          { key: 'amount', header: 'Amount', align: 'end', nowrap: true, render: (r) => (r.amount ? `${r.percent} → ${money(r.amount)}` : r.percent) },
          { key: 'evidence', header: 'Evidence', render: (r) => <EvidenceCell contractId={contractId} evidence={r.evidence} /> },
        ]}
      />
      {set.caps.length > 0 ? (
        <ul className="notes">
          {set.caps.map((c) => (
            <li key={c.cap}>
              {c.cap === 'monthly' ? 'Monthly cap' : 'Rolling 12-month cap'} {c.percent}: limit {money(c.limit)} ({c.basis}){c.cutBy !== '0.00' ? `; cut ${money(c.cutBy)}` : ''}.
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** An invoice: parties and dates, its lines with the evidence behind credits, totals, and how credits were found. */
export function InvoiceView({ invoice }: { readonly invoice: Invoice }) {
  const money = (amount: string) => formatMoney({ amount, currency: invoice.currency });
  const t = invoice.totals;
  return (
    <div className="invoice" data-testid="invoice-view">
      <div className="facts-grid">
        <div className="fact">
          <p className="fact-label">Total</p>
          <p className="fact-value" data-testid="invoice-total">
            {money(t.total)}
          </p>
        </div>
        <div className="fact">
          <p className="fact-label">Service</p>
          <p className="fact-value small">
            {formatMonth(invoice.serviceMonth)} ({invoice.service.daysOfService} of {invoice.service.daysInMonth} days)
          </p>
        </div>
        <div className="fact">
          <p className="fact-label">Issued / due</p>
          <p className="fact-value small">
            {formatDate(invoice.issueOn)} / {formatDate(invoice.dueOn)} ({invoice.paymentTerms})
          </p>
        </div>
        <div className="fact">
          <p className="fact-label">From → to</p>
          <p className="fact-value small">
            {invoice.vendor.name} → {invoice.client.name}
          </p>
        </div>
      </div>
      <h2>Lines</h2>
      <DataTable<InvoiceLine>
        caption={`Lines of invoice ${invoice.id}`}
        testId="invoice-lines"
        rows={invoice.lines}
        rowKey={(l) => l.id}
        pageSize={200}
        rowClass={(l) => (l.kind === 'credit' ? 'row-credit' : l.kind === 'bonus' ? 'row-bonus' : undefined)}
        columns={[
          { key: 'description', header: 'Line', rowHeader: true, render: (l) => (<>{l.description}{l.notes.map((n) => (<span key={n} className="muted small block">{n}</span>))}<code className="muted small block">{l.clause}</code></>) },
          { key: 'quantity', header: 'Quantity', align: 'end', render: (l) => (<>{l.quantity}<span className="muted small block">{l.unit}</span></>) },
          { key: 'price', header: 'Unit price', align: 'end', render: (l) => (l.unitPrice ? l.unitPrice : '—') },
          { key: 'amount', header: 'Amount', align: 'end', nowrap: true, render: (l) => money(l.amount) },
          { key: 'evidence', header: 'Evidence', render: (l) => <EvidenceCell contractId={invoice.contractId} evidence={l.evidence} /> },
        ]}
      />
      <table className="totals" aria-label="Totals">
        <tbody>
          {(
            [
              ['Charges (the month’s fees)', t.charges],
              ['Credits', t.credits],
              ['Bonuses', t.bonuses],
              ['Subtotal', t.subtotal],
              ['Tax', t.tax],
              ['Total', t.total],
            ] as const
          ).map(([label, amount]) => (
            <tr key={label} className={label === 'Total' ? 'total-row' : undefined}>
              <th scope="row">{label}</th>
              <td className="num">{money(amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {invoice.adjustments ? (
        <>
          <h2>How the credits and bonuses were found</h2>
          <Adjustments set={invoice.adjustments.credits} currency={invoice.currency} contractId={invoice.contractId} />
          <Adjustments set={invoice.adjustments.bonuses} currency={invoice.currency} contractId={invoice.contractId} />
        </>
      ) : null}
      {invoice.notes.length > 0 ? (
        <>
          <h2>Notes</h2>
          <ul className="notes">
            {invoice.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="muted small">
        Computed under contract version {invoice.contractVersion.version ?? '?'} (<code>{invoice.contractVersion.sha256.slice(0, 12)}…</code>), rounding {invoice.rounding} per line; input digest <code>{invoice.inputDigest.slice(0, 19)}…</code>.
      </p>
    </div>
  );
}
