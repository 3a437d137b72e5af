/** The overview route's per-contract summary. */
import type { MeasureResult, ServiceLevelResult, Share } from './ticket-types.js';

/** Money as the API writes it: a decimal string in the currency's minor digits. */
export interface MoneyJson {
  readonly amount: string;
  readonly currency: string;
}

export interface ContractOverviewJson {
  readonly contractId: string;
  readonly title: string;
  readonly client: string;
  readonly vendor: string;
  readonly contractVersion: number;
  readonly zone: string;
  readonly currency: string;
  readonly asOf: string;
  readonly today: string;
  readonly month: string;
  readonly serviceLevels: {
    readonly contractVersion: number;
    readonly allServiceLevelsMet: boolean;
    readonly counts: { readonly met: number; readonly missed: number; readonly noData: number };
    readonly serviceLevels: readonly (Omit<ServiceLevelResult, 'attainment' | 'breachedTickets'> & { readonly attainment?: Share })[];
    readonly availability: readonly { readonly id: string; readonly service: string; readonly target: string; readonly availability?: Share; readonly result: MeasureResult }[];
  };
  readonly credits: {
    readonly status: 'computed' | 'outside-service';
    readonly fees?: MoneyJson;
    readonly feesBasis: string;
    readonly credits?: MoneyJson;
    readonly uncappedCredits?: MoneyJson;
    readonly bonuses?: MoneyJson;
    readonly lines: readonly { readonly clause: string; readonly rule: string; readonly measure: string; readonly measured: string; readonly percent: string; readonly amount: MoneyJson }[];
    readonly history: { readonly source: string; readonly months: number };
  };
  readonly nextKeyDates: readonly { readonly on: string; readonly at?: string; readonly kind: string; readonly label: string; readonly clause: string }[];
  readonly openFindings: {
    readonly contractErrors: number;
    readonly contractWarnings: number;
    readonly breachDeadlinesOverdue: number;
    readonly insurance: number;
    readonly accessThisMonth: number;
    readonly total: number;
  };
  readonly invoices: { readonly issued: number; readonly overdue: number; readonly balance: MoneyJson; readonly interest: MoneyJson; readonly netDue: MoneyJson };
  readonly notes: readonly string[];
}

export interface OverviewJson {
  readonly asOf: string;
  readonly contracts: readonly ContractOverviewJson[];
}
