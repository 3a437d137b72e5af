import { useMayCompare } from '../api/use-may-compare.js';
import { ErrorPanel, Loading } from '../components/load-state.js';
import { PageHeader } from '../components/page-header.js';
import { SegmentedLinks } from '../components/segmented-links.js';
import { useLocation, withQuery } from '../router/router.js';
import { CompareBacktest } from './compare-backtest.js';
import { CompareProposals } from './compare-proposals.js';

const tools = [
  { value: 'proposals', label: 'Compare proposals' },
  { value: 'backtest', label: 'Backtest a proposal' },
] as const;

/** Choosing a vendor (client-admin): price proposals over a forecast or history, or re-measure real tickets under one. */
export default function ComparePage() {
  const location = useLocation();
  const may = useMayCompare();
  const tool = location.search.get('tool') === 'backtest' ? 'backtest' : 'proposals';
  return (
    <>
      <PageHeader title="Choosing a vendor" kicker="Procurement">
        <p>Price vendor proposals on the tickets you expect, see where the cheapest one changes, and replay real tickets under a proposal. Nothing here is stored.</p>
      </PageHeader>
      {may.status === 'unknown' ? <Loading label="Checking what this token may do" /> : null}
      {may.status === 'no' ? <ErrorPanel error={may.error} title={may.error.status === 403 ? 'Choosing a vendor is for client administrators' : undefined} /> : null}
      {may.status === 'yes' ? (
        <>
          <SegmentedLinks label="Tool" current={tool} options={tools.map((t) => ({ value: t.value, label: t.label, to: withQuery('/compare', { tool: t.value === 'proposals' ? undefined : t.value }) }))} />
          {tool === 'proposals' ? <CompareProposals /> : <CompareBacktest />}
        </>
      ) : null}
    </>
  );
}
