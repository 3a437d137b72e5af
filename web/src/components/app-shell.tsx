import { useEffect, useRef, type ReactNode } from 'react';
import type { ContractSummary } from '../api/api-types.js';
import { useContracts } from '../api/use-contracts.js';
import { useMayCompare } from '../api/use-may-compare.js';
import { Link, navigate, pathOf, useLocation } from '../router/router.js';
import { signOut, takeSignedIn } from '../session/session-token.js';

const contractSections = [
  { slug: 'scorecard', label: 'Scorecard' },
  { slug: 'tickets', label: 'Tickets' },
  { slug: 'invoices', label: 'Invoices' },
  { slug: 'terms', label: 'Contract' },
  { slug: 'dates', label: 'Key dates' },
  { slug: 'risk', label: 'Risk' },
] as const;

/** `/contracts/<id>/<section>/...` gives the contract and section of the page shown. */
function placeOf(pathname: string): { contractId?: string; section?: string } {
  const parts = pathname.split('/').filter(Boolean);
  if (parts[0] !== 'contracts' || parts[1] === undefined || parts[1] === 'new') return {};
  try {
    return { contractId: decodeURIComponent(parts[1]), section: parts[2] ?? 'scorecard' };
  } catch {
    return {};
  }
}

function NavLink({ to, current, children }: { readonly to: string; readonly current: boolean; readonly children: ReactNode }) {
  return (
    <Link to={to} aria-current={current ? 'page' : undefined} className={current ? 'nav-link current' : 'nav-link'}>
      {children}
    </Link>
  );
}

/** The frame of every signed-in page: skip link, top bar with the contract switcher, side navigation, main. */
export function AppShell({ children }: { readonly children: ReactNode }) {
  const location = useLocation();
  const contracts = useContracts();
  // Only tokens the server lets compare proposals (client-admin) see the page in the navigation.
  const mayCompare = useMayCompare().status === 'yes';
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const { contractId, section } = placeOf(location.pathname);
  const list: readonly ContractSummary[] = contracts.status === 'ok' ? contracts.data.contracts : [];
  const shownId = contractId ?? list[0]?.contractId;
  const shown = list.find((c) => c.contractId === shownId);

  // A new page: move focus to its content, so keyboard and screen-reader users start there.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      // Straight after signing in, the sign-in form is gone: start from the page's content.
      if (takeSignedIn()) main.current?.focus({ preventScroll: true });
      return;
    }
    window.scrollTo(0, 0);
    main.current?.focus({ preventScroll: true });
  }, [location.pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            SP
          </span>
          SupportPact
        </Link>
        {list.length > 0 ? (
          <label className="contract-switch">
            <span>Contract</span>
            <select value={shownId ?? ''} onChange={(e) => navigate(pathOf('contracts', e.target.value, section ?? 'scorecard'))}>
              {contractId !== undefined && !shown ? <option value={contractId}>{contractId} (not available to this token)</option> : null}
              {list.map((c) => (
                <option key={c.contractId} value={c.contractId}>
                  {c.title}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="button" className="button-quiet" onClick={() => signOut()}>
          Sign out
        </button>
      </header>
      <div className="layout">
        <nav className="sidebar" aria-label="Dashboard">
          <ul>
            <li>
              <NavLink to="/" current={location.pathname === '/'}>
                Overview
              </NavLink>
            </li>
            {mayCompare ? (
              <li>
                <NavLink to="/compare" current={location.pathname === '/compare' || location.pathname.startsWith('/compare/')}>
                  Choosing a vendor
                </NavLink>
              </li>
            ) : null}
          </ul>
          {shownId ? (
            <>
              <p className="nav-heading" id="nav-contract">
                {shown ? shown.title : shownId}
              </p>
              <ul aria-labelledby="nav-contract">
                {contractSections.map((s) => (
                  <li key={s.slug}>
                    <NavLink to={pathOf('contracts', shownId, s.slug)} current={contractId === shownId && section === s.slug}>
                      {s.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <ul className="nav-footer">
            <li>
              <NavLink to="/contracts/new" current={location.pathname === '/contracts/new'}>
                Add a contract
              </NavLink>
            </li>
          </ul>
        </nav>
        <main id="main" ref={main} tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
