import { useState } from 'react';
import type { Invoice, InvoiceAnswer } from '../api/api-types.js';
import { contractPath } from '../api/api-client.js';
import { useApi } from '../api/use-api.js';
import { ContractKicker } from '../components/contract-kicker.js';
import { DownloadButton } from '../components/download-button.js';
import { IssueInvoice } from '../components/issue-invoice.js';
import { LoadState } from '../components/load-state.js';
import { PageHeader } from '../components/page-header.js';
import { StatusBadge } from '../components/status-badge.js';
import { formatMonth } from '../format/format.js';
import { Link, pathOf } from '../router/router.js';
import { InvoiceView } from './invoice-view.js';

/** One service month's invoice: the issued one, or the draft the stored tickets give today. */
export default function InvoicePage({ params }: { readonly params: Record<string, string> }) {
  const contractId = params.id ?? '';
  const month = params.month ?? '';
  const answer = useApi<InvoiceAnswer>(contractPath(contractId, 'invoices', month));
  // Once issued here, the page shows the issued invoice without asking again.
  const [issued, setIssued] = useState<Invoice | undefined>();
  const invoice = issued ?? (answer.status === 'ok' ? answer.data.invoice : undefined);
  const isIssued = issued !== undefined || (answer.status === 'ok' && answer.data.issued);
  return (
    <>
      <PageHeader
        title={invoice && isIssued ? `Invoice ${invoice.id}` : `Draft invoice · ${formatMonth(month)}`}
        kicker={
          <>
            <Link to={pathOf('contracts', contractId, 'invoices')}>Invoices</Link> · <ContractKicker contractId={contractId} />
          </>
        }
        actions={
          invoice ? (
            <>
              <DownloadButton path={`${contractPath(contractId, 'invoices', month)}?format=pdf`} fileName={`${invoice.id}.pdf`} accept="application/pdf" label="Download PDF" testId="download-pdf" />
              <DownloadButton path={`${contractPath(contractId, 'invoices', month)}?format=csv`} fileName={`${invoice.id}.csv`} accept="text/csv" label="CSV" />
            </>
          ) : null
        }
      >
        {invoice ? (
          <p>
            <StatusBadge status={isIssued ? 'issued' : 'draft'} /> {invoice.contractTitle}, service month {formatMonth(invoice.serviceMonth)}.{' '}
            {isIssued ? 'Issued invoices never change; corrections are credit notes.' : 'A draft is computed from the stored tickets as of its issue date; nothing is stored until it is issued.'}
          </p>
        ) : null}
      </PageHeader>
      {invoice && !isIssued ? <IssueInvoice contractId={contractId} month={month} onIssued={setIssued} /> : null}
      {issued ? (
        <div className="panel panel-success" role="status">
          <p className="panel-title">Invoice {issued.id} issued</p>
          <p>It is stored and logged; the statement and key dates now count it.</p>
        </div>
      ) : null}
      {invoice ? (
        <InvoiceView invoice={invoice} />
      ) : (
        <LoadState load={answer} what="Invoice" route="GET /api/v1/contracts/{id}/invoices/{month}">
          {() => null}
        </LoadState>
      )}
    </>
  );
}
