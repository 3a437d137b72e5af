import type { CheckResult, ContractSummary, Scorecard } from '../api/api-types.js';
import type { ApiError } from '../api/api-client.js';
import { contractPath } from '../api/api-client.js';
import { useApi } from '../api/use-api.js';
import { useContractClock } from '../api/use-contract-clock.js';
import { useContracts } from '../api/use-contracts.js';
import { LoadState, Loading } from '../components/load-state.js';
import { ServiceLevelMeters } from '../components/service-level-meters.js';
import { formatInstant, formatMonth } from '../format/format.js';
import { Link, pathOf } from '../router/router.js';

function FindingsSummary({ contractId }: { readonly contractId: string }) {
  const check = useApi<CheckResult>(contractPath(contractId, 'check'));
  if (check.status === 'loading') return <Loading label="Loading findings" />;
  if (check.status === 'error') {
    return <p className="muted">{check.error.status === 403 ? 'Contract findings are not visible to this token’s role.' : check.error.message}</p>;
  }
  const { error, warning, info } = check.data.counts;
  return (
    <p>
      <Link to={pathOf('contracts', contractId, 'terms') + '?tab=findings'}>
        <strong className={error > 0 ? 'text-bad' : undefined}>{error}</strong> {error === 1 ? 'error' : 'errors'}, <strong className={warning > 0 ? 'text-warn' : undefined}>{warning}</strong> {warning === 1 ? 'warning' : 'warnings'}, {info} {info === 1 ? 'note' : 'notes'}
      </Link>{' '}
      in contract version {check.data.version}
    </p>
  );
}

function MonthToDate({ contractId, month }: { readonly contractId: string; readonly month: string }) {
  const card = useApi<Scorecard>(contractPath(contractId, 'scorecards', month));
  return (
    <LoadState load={card} what="Month-to-date service levels" route="GET /api/v1/contracts/{id}/scorecards/{month}">
      {(data) => (
        <>
          <ServiceLevelMeters levels={data.serviceLevels} caption={`Service levels of ${formatMonth(month)} so far`} />
          <p className="muted small">
            {data.volumes.created.toLocaleString('en-US')} tickets created, {data.volumes.solved.toLocaleString('en-US')} solved, as of {formatInstant(data.asOf, data.zone)}.
          </p>
        </>
      )}
    </LoadState>
  );
}

function ContractCard({ contract, why }: { readonly contract: ContractSummary; readonly why: string }) {
  const clock = useContractClock(contract.contractId);
  const headingId = `card-${contract.contractId}`;
  return (
    <article className="card contract-card" aria-labelledby={headingId} data-testid={`overview-${contract.contractId}`}>
      <header className="card-header">
        <h2 id={headingId}>
          <Link to={pathOf('contracts', contract.contractId, 'scorecard')}>{contract.title}</Link>
        </h2>
        <p className="muted small">
          {contract.client} · vendor {contract.vendor} · <code>{contract.contractId}</code> v{contract.latestVersion}
        </p>
      </header>
      <LoadState load={clock} what="Contract clock" route="GET /api/v1/contracts/{id}/clock">
        {({ month }) => (
          <div className="card-grid">
            <section className="card-main" aria-labelledby={`${headingId}-sl`}>
              <h3 id={`${headingId}-sl`}>Service levels, {formatMonth(month)} to date</h3>
              <MonthToDate contractId={contract.contractId} month={month} />
            </section>
            <section className="card-side" aria-labelledby={`${headingId}-more`}>
              <h3 id={`${headingId}-more`}>Credits and key dates</h3>
              <p className="muted">{why}</p>
            </section>
            <section className="card-side" aria-labelledby={`${headingId}-findings`}>
              <h3 id={`${headingId}-findings`}>Open findings</h3>
              <FindingsSummary contractId={contract.contractId} />
            </section>
          </div>
        )}
      </LoadState>
    </article>
  );
}

/** Why the summary route gave nothing: a role without it (vendors), or a server without it. */
function reasonOf(error: ApiError): string {
  if (error.status === 403) return 'Credits accrued, key dates and risk findings are not shown to this token’s role; service levels come from the scorecard.';
  if (error.isMissingRoute) return 'This server has no GET /api/v1/overview yet: credits accrued and key dates are not available here.';
  return error.message;
}

/**
 * The overview without the summary route (a vendor token, or an older server): each
 * contract's month-to-date service levels from its scorecard, and its findings where allowed.
 */
export function OverviewFallback({ error }: { readonly error: ApiError }) {
  const contracts = useContracts();
  const why = reasonOf(error);
  return (
    <LoadState load={contracts} what="Contracts" route="GET /api/v1/contracts">
      {({ contracts: list }) =>
        list.length === 0 ? (
          <div className="panel">
            <p className="panel-title">No contracts yet</p>
            <p>
              <Link to="/contracts/new">Add a contract</Link> to start measuring it.
            </p>
          </div>
        ) : (
          <div className="card-list">
            {list.map((c) => (
              <ContractCard key={c.contractId} contract={c} why={why} />
            ))}
          </div>
        )
      }
    </LoadState>
  );
}
