import type { Contract } from '../../domain/contract/schema/contract-schema.js';
import type { AccessEvent, BreachIncident, InsuranceCertificate } from '../../domain/risk/index.js';
import type { Outage, TicketEvent, TicketHeader, VendorReportDelivery } from '../../domain/tickets/index.js';

export type { AccessEvent, BreachIncident, InsuranceCertificate } from '../../domain/risk/index.js';

/** What to generate. Months are either listed or given as a start month and a count. */
export interface DemoOptions {
  /** Any whole number; the same seed gives the same data, byte for byte. */
  readonly seed: number;
  /** A parsed contract (`parseContract(...).contract`); the demo is tuned for `northstar-tiered`. */
  readonly contract: Contract;
  /** Consecutive service months `YYYY-MM`; default `['2027-03', '2027-04', '2027-05']`. */
  readonly months?: readonly string[];
  /** Instead of `months`: the first month and how many follow it (both needed). */
  readonly startMonth?: string;
  readonly monthCount?: number;
  /** Tickets created in each full month; default about 1,180, 1,310 and 1,460 (cycling), jittered by 3%. */
  readonly ticketsPerMonth?: number;
  /** The instant the demo treats as now; default 14:30 local on the 3rd business day after the last month. */
  readonly now?: number;
}

/** One ticket: its header (as its `created` event states it) and its events sorted by instant, then `seq`. */
export interface DemoTicket {
  readonly header: TicketHeader;
  readonly events: readonly TicketEvent[];
}

/**
 * Inputs of the risk registers, in the domain's own types (`src/domain/risk`):
 * `evaluateBreachIncident`, `evaluateInsurance`, `evaluateAccessEvents` take them as they are.
 */
export interface DemoRiskInputs {
  /** One data-breach incident involving client data; see `DemoData.notes` for how it stands at now. */
  readonly breachIncidents: readonly BreachIncident[];
  /** One certificate per `risk.insurance` type; amounts are decimal strings in the contract currency. */
  readonly insuranceCertificates: readonly InsuranceCertificate[];
  /** About 200 data accesses over the months, with a few findings. */
  readonly accessEvents: readonly AccessEvent[];
}

/** The whole demo: plain, JSON-serialisable data in the canonical model; instants are epoch seconds. */
export interface DemoData {
  readonly seed: number;
  readonly contractId: string;
  readonly zone: string;
  /** The full service months generated; tickets also arrive in the month of `demoNow`, up to it. */
  readonly months: readonly string[];
  /** "Now" for the demo: running clocks, due reports and expiring certificates are judged at it. */
  readonly demoNow: number;
  /** Tickets in creation order; only events at or before `demoNow` exist. */
  readonly tickets: readonly DemoTicket[];
  readonly outages: readonly Outage[];
  readonly vendorReports: readonly VendorReportDelivery[];
  readonly risk: DemoRiskInputs;
  /** What the demo was built to show, in words, for a guided tour (one line each). */
  readonly notes: readonly string[];
}
