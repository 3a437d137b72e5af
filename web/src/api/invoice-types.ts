/** Invoices as `invoiceToJson` writes them: amounts are decimal strings in the invoice's currency. */
export interface Evidence {
  readonly kind: 'tickets' | 'outages' | 'vendor-report' | 'months' | 'none';
  readonly ids: readonly string[];
  readonly note?: string;
}

export interface InvoiceLine {
  readonly id: string;
  readonly kind: string;
  readonly description: string;
  readonly quantity: string;
  readonly unit: string;
  readonly unitPrice?: string;
  readonly amount: string;
  readonly clause: string;
  readonly evidence: Evidence;
  readonly notes: readonly string[];
}

export interface RuleOutcome {
  readonly ruleIndex: number;
  readonly clause: string;
  readonly rule: string;
  readonly measure: string;
  readonly measured: string;
  readonly threshold: string;
  readonly percent: string;
  readonly status: 'applies' | 'superseded' | 'not-met' | 'no-data';
  readonly reason: string;
  readonly evidence: Evidence;
  readonly uncappedAmount?: string;
  readonly amount?: string;
}

export interface AdjustmentSet {
  readonly kind: 'credit' | 'bonus';
  readonly month: string;
  readonly fees: string;
  readonly lines: readonly RuleOutcome[];
  readonly notApplied: readonly RuleOutcome[];
  readonly uncapped: string;
  readonly caps: readonly { readonly cap: string; readonly clause: string; readonly percent: string; readonly limit: string; readonly basis: string; readonly cutBy: string }[];
  readonly total: string;
  readonly cut: string;
  readonly explanation: readonly string[];
}

export interface Party {
  readonly name: string;
  readonly address?: string;
  readonly contact?: string;
}

export interface Invoice {
  readonly kind: 'invoice';
  readonly id: string;
  readonly state: 'draft' | 'issued';
  readonly contractId: string;
  readonly contractTitle: string;
  readonly contractVersion: { readonly sha256: string; readonly version?: number };
  readonly vendor: Party;
  readonly client: Party;
  readonly currency: string;
  readonly rounding: string;
  readonly serviceMonth: string;
  readonly service: { readonly month: string; readonly startOn: string; readonly endOn: string; readonly daysOfService: number; readonly daysInMonth: number };
  readonly issueOn: string;
  readonly dueOn: string;
  readonly paymentTerms: string;
  readonly paymentMethods: readonly string[];
  readonly lines: readonly InvoiceLine[];
  readonly totals: { readonly charges: string; readonly credits: string; readonly bonuses: string; readonly subtotal: string; readonly tax: string; readonly total: string };
  readonly adjustments?: { readonly month: string; readonly fees: string; readonly credits: AdjustmentSet; readonly bonuses: AdjustmentSet };
  readonly notes: readonly string[];
  readonly inputDigest: string;
}

export interface InvoiceSummary {
  readonly id: string;
  readonly serviceMonth: string;
  readonly state: 'draft' | 'issued';
  readonly issueOn: string;
  readonly dueOn: string;
  readonly total: string;
  readonly currency: string;
}

export interface StatementLine {
  readonly invoiceId: string;
  readonly serviceMonth: string;
  readonly issueOn: string;
  readonly dueOn: string;
  readonly total: string;
  readonly credited: string;
  readonly paid: string;
  readonly balance: string;
  readonly status: string;
  readonly daysOverdue?: number;
  readonly interestFromOn?: string;
  readonly interest: string;
}

export interface StatementJson {
  readonly contractId: string;
  readonly currency: string;
  readonly asOf: string;
  readonly lateInterest?: { readonly rate: string; readonly per: string; readonly annualRate: string; readonly graceDays: number; readonly basis: string };
  readonly lines: readonly StatementLine[];
  readonly totals: { readonly invoiced: string; readonly credited: string; readonly paid: string; readonly balance: string; readonly interest: string; readonly accountCredit: string; readonly due: string; readonly netDue: string };
  readonly notes: readonly string[];
}

export interface InvoiceAnswer {
  readonly issued: boolean;
  readonly invoice: Invoice;
}
