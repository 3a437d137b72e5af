import type { InvoiceSummary, StatementJson, StatementLine } from '../api/api-types.js';
import { contractPath } from '../api/api-client.js';
import { useApi } from '../api/use-api.js';
import { useContractClock } from '../api/use-contract-clock.js';
import { ContractKicker } from '../components/contract-kicker.js';
import { DataTable } from '../components/data-table.js';
import { LoadState } from '../components/load-state.js';
import { MonthPicker } from '../components/month-picker.js';
import { PageHeader } from '../components/page-header.js';
import { StatusBadge } from '../components/status-badge.js';
import { addMonths, formatDate, formatMoney, formatMonth, plural } from '../format/format.js';
import { Link, navigate, pathOf } from '../router/router.js';

function Statement({ contractId, statement, invoices }: { readonly contractId: string; readonly statement: StatementJson; readonly invoices: readonly InvoiceSummary[] }) {
  const money = (amount: string) => formatMoney({ amount, currency: statement.currency });
  const t = statement.totals;
  const monthOf = (line: StatementLine) => invoices.find((i) => i.id === line.invoiceId)?.serviceMonth ?? line.serviceMonth;
  return (
    <>
      <div className="facts-grid">
        {(
          [
            ['Invoiced', t.invoiced],
            ['Paid', t.paid],
            ['Credited', t.credited],
            ['Late interest', t.interest],
            ['Net due', t.netDue],
          ] as const
        ).map(([label, amount]) => (
          <div className="fact" key={label}>
            <p className="fact-label">{label}</p>
            <p className="fact-value">{money(amount)}</p>
          </div>
        ))}
      </div>
      <p className="muted small">
        Statement on {formatDate(statement.asOf)}.
        {statement.lateInterest ? ` Late interest: ${statement.lateInterest.rate} per ${statement.lateInterest.per} (${statement.lateInterest.annualRate} a year), ${statement.lateInterest.basis}, after ${statement.lateInterest.graceDays} days' grace.` : ''} Payments settle the oldest invoice first.
      </p>
      <DataTable<StatementLine>
        caption="Issued invoices"
        captionVisible
        testId="statement-table"
        rows={statement.lines}
        rowKey={(l) => l.invoiceId}
        empty="No invoice has been issued yet: open a month’s draft below and issue it."
        columns={[
          { key: 'id', header: 'Invoice', rowHeader: true, nowrap: true, render: (l) => <Link to={pathOf('contracts', contractId, 'invoices', monthOf(l))}>{l.invoiceId}</Link> },
          { key: 'month', header: 'Service month', render: (l) => formatMonth(l.serviceMonth), sortValue: (l) => l.serviceMonth },
          { key: 'issued', header: 'Issued', nowrap: true, render: (l) => formatDate(l.issueOn) },
          { key: 'due', header: 'Due', nowrap: true, render: (l) => formatDate(l.dueOn) },
          { key: 'total', header: 'Total', align: 'end', nowrap: true, render: (l) => money(l.total) },
          { key: 'paid', header: 'Paid', align: 'end', nowrap: true, render: (l) => money(l.paid) },
          { key: 'credited', header: 'Credited', align: 'end', nowrap: true, render: (l) => money(l.credited) },
          { key: 'balance', header: 'Balance', align: 'end', nowrap: true, render: (l) => money(l.balance) },
          { key: 'status', header: 'Status', render: (l) => (<><StatusBadge status={l.status} />{l.daysOverdue ? <span className="small block">{plural(l.daysOverdue, 'day')} overdue</span> : null}</>) },
          { key: 'interest', header: 'Interest', align: 'end', nowrap: true, render: (l) => money(l.interest) },
        ]}
      />
    </>
  );
}

/** Issued invoices and what is owed, and the way to any month's draft or invoice. */
export default function InvoicesPage({ params }: { readonly params: Record<string, string> }) {
  const contractId = params.id ?? '';
  const clock = useContractClock(contractId);
  const statement = useApi<StatementJson>(contractPath(contractId, 'statement'));
  const invoices = useApi<{ invoices: readonly InvoiceSummary[] }>(contractPath(contractId, 'invoices'));
  return (
    <>
      <PageHeader title="Invoices" kicker={<ContractKicker contractId={contractId} />}>
        <p>Each month’s fees, the credits and bonuses carried from the month before with the evidence behind them, and what is owed.</p>
      </PageHeader>
      <section aria-labelledby="open-heading" className="section">
        <h2 id="open-heading">A month’s invoice</h2>
        {clock.status === 'ok' ? (
          <div className="toolbar">
            <MonthPicker
              label="Service month"
              value=""
              allLabel="Choose a month…"
              latest={addMonths(clock.data.month, -1)}
              onChange={(m) => m && navigate(pathOf('contracts', contractId, 'invoices', m))}
            />
            <Link to={pathOf('contracts', contractId, 'invoices', addMonths(clock.data.month, -1))} className="button-quiet">
              Last month ({formatMonth(addMonths(clock.data.month, -1))})
            </Link>
          </div>
        ) : (
          <LoadState load={clock} what="Months" route="GET /api/v1/contracts/{id}/clock">
            {() => null}
          </LoadState>
        )}
        <p className="muted small">A month without an issued invoice opens as a draft computed from the stored tickets; issue it from there.</p>
      </section>
      <section aria-labelledby="statement-heading" className="section">
        <h2 id="statement-heading">Statement</h2>
        <LoadState load={statement} what="Statement" route="GET /api/v1/contracts/{id}/statement">
          {(data) => <Statement contractId={contractId} statement={data} invoices={invoices.status === 'ok' ? invoices.data.invoices : []} />}
        </LoadState>
      </section>
    </>
  );
}
