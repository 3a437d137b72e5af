import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { AppShell } from './components/app-shell.js';
import { Loading } from './components/load-state.js';
import { matchPath, useLocation } from './router/router.js';
import { SignInPage } from './pages/sign-in-page.js';
import { onSessionTokenChange, readSessionToken } from './session/session-token.js';

// Each page is its own chunk: the first screen loads only what it shows.
const OverviewPage = lazy(() => import('./pages/overview-page.js'));
const UploadPage = lazy(() => import('./pages/upload-page.js'));
const ScorecardPage = lazy(() => import('./pages/scorecard-page.js'));
const TicketsPage = lazy(() => import('./pages/tickets-page.js'));
const TicketPage = lazy(() => import('./pages/ticket-page.js'));
const InvoicesPage = lazy(() => import('./pages/invoices-page.js'));
const InvoicePage = lazy(() => import('./pages/invoice-page.js'));
const ContractPage = lazy(() => import('./pages/contract-page.js'));
const KeyDatesPage = lazy(() => import('./pages/key-dates-page.js'));
const RiskPage = lazy(() => import('./pages/risk-page.js'));
const ComparePage = lazy(() => import('./pages/compare-page.js'));
const ForecastFormatPage = lazy(() => import('./pages/forecast-format-page.js'));
const NotFoundPage = lazy(() => import('./pages/not-found-page.js'));

type Params = Record<string, string>;
const routes: readonly { readonly pattern: string; readonly page: ComponentType<{ params: Params }> }[] = [
  { pattern: '/', page: OverviewPage },
  { pattern: '/contracts/new', page: UploadPage },
  { pattern: '/contracts/:id', page: ScorecardPage },
  { pattern: '/contracts/:id/scorecard', page: ScorecardPage },
  { pattern: '/contracts/:id/tickets', page: TicketsPage },
  { pattern: '/contracts/:id/tickets/:ticket', page: TicketPage },
  { pattern: '/contracts/:id/invoices', page: InvoicesPage },
  { pattern: '/contracts/:id/invoices/:month', page: InvoicePage },
  { pattern: '/contracts/:id/terms', page: ContractPage },
  { pattern: '/contracts/:id/dates', page: KeyDatesPage },
  { pattern: '/contracts/:id/risk', page: RiskPage },
  { pattern: '/compare', page: ComparePage },
  { pattern: '/compare/forecast-format', page: ForecastFormatPage },
];

function useSessionToken(): string | undefined {
  const [token, setToken] = useState(readSessionToken);
  useEffect(() => onSessionTokenChange(setToken), []);
  return token;
}

/** The dashboard: the sign-in screen until a token is kept, then the page the address names. */
export function App() {
  const token = useSessionToken();
  const location = useLocation();
  if (!token) return <SignInPage />;
  let match: { page: ComponentType<{ params: Params }>; params: Params } | undefined;
  for (const route of routes) {
    const params = matchPath(route.pattern, location.pathname);
    if (params) {
      match = { page: route.page, params };
      break;
    }
  }
  const Page = match?.page ?? NotFoundPage;
  return (
    <AppShell>
      <Suspense fallback={<Loading label="Loading the page" />}>
        {/* Keyed by the address' path: a new page starts with fresh state. */}
        <Page key={location.pathname} params={match?.params ?? {}} />
      </Suspense>
    </AppShell>
  );
}
