import { useState } from 'react';
import type { Invoice } from '../api/api-types.js';
import { ApiError, apiJson, contractPath } from '../api/api-client.js';
import { invalidateApi } from '../api/use-api.js';
import { formatMonth } from '../format/format.js';
import { ErrorPanel } from './load-state.js';

/**
 * Issuing is final (an issued invoice is never changed; corrections are credit notes), so it
 * takes two steps: the button, then a confirmation that says so.
 */
export function IssueInvoice({ contractId, month, onIssued }: { readonly contractId: string; readonly month: string; readonly onIssued: (invoice: Invoice) => void }) {
  const [step, setStep] = useState<'idle' | 'confirm' | 'busy'>('idle');
  const [failure, setFailure] = useState<ApiError | undefined>();
  const issue = async (): Promise<void> => {
    setStep('busy');
    setFailure(undefined);
    try {
      const answer = await apiJson<{ invoice: Invoice }>(contractPath(contractId, 'invoices', month, 'issue'), { method: 'POST', body: {} });
      // The list, the statement, the overview and this month's invoice all change.
      invalidateApi(contractPath(contractId));
      invalidateApi('/overview');
      setStep('idle');
      onIssued(answer.invoice);
    } catch (error) {
      setFailure(error instanceof ApiError ? error : new ApiError(0, 'CLIENT', String(error), {}));
      setStep('idle');
    }
  };
  return (
    <div className="issue-invoice">
      {step === 'idle' ? (
        <button type="button" className="button-primary" onClick={() => setStep('confirm')}>
          Issue the invoice for {formatMonth(month)}…
        </button>
      ) : (
        <div className="panel confirm" role="group" aria-label="Confirm issuing">
          <p>
            Issue the invoice for <strong>{formatMonth(month)}</strong> now? It gets the contract’s next number and is stored as issued: it can never be changed again, only corrected with a credit note.
          </p>
          <div className="form-actions">
            <button type="button" className="button-primary" onClick={issue} disabled={step === 'busy'} autoFocus>
              {step === 'busy' ? 'Issuing…' : 'Issue it'}
            </button>
            <button type="button" className="button-quiet" onClick={() => setStep('idle')} disabled={step === 'busy'}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {failure ? <ErrorPanel error={failure} title="The invoice was not issued" /> : null}
    </div>
  );
}
