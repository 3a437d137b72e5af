/**
 * Invoices and credit notes as plain data. Every amount is Money rounded once, per line,
 * with the contract's rounding; every total is a sum of rounded lines.
 */
import type { Party } from '../contract/schema/parties.js';
import type { Money, RoundingMode } from '../money/index.js';
import type { LocalDate } from '../time/local-date.js';
import type { Evidence, MonthAdjustments } from './adjustment-types.js';

export type InvoiceLineKind =
  | 'base'
  | 'usage'
  | 'overage'
  | 'per-incident'
  | 'extra'
  | 'minimum-true-up'
  | 'credit'
  | 'bonus'
  | 'tax'
  | 'correction';

export interface InvoiceLine {
  /** Stable within the document: `base`, `usage-2`, `per-incident-P1`, `credit-6`, `tax-0`. */
  readonly id: string;
  readonly kind: InvoiceLineKind;
  readonly description: string;
  /** A plain decimal or whole number: `"700"`, `"17"`, `"5%"` for a credit's percent. */
  readonly quantity: string;
  /** What the quantity counts: `ticket`, `month`, `day`, `package`, `of fees`. */
  readonly unit: string;
  /** The price per unit exactly as the contract writes it; absent when the line has none. */
  readonly unitPrice?: string;
  /** Rounded once; negative for credits and corrections. */
  readonly amount: Money;
  /** Where the contract says so: `pricing.tiers.bands[1]`. */
  readonly clause: string;
  readonly evidence: Evidence;
  readonly notes: readonly string[];
}

/** The days of the service month inside the term (a partial first or last month has fewer). */
export interface ServicePeriod {
  readonly month: string;
  readonly startOn: LocalDate;
  readonly endOn: LocalDate;
  readonly daysOfService: number;
  readonly daysInMonth: number;
}

/** The contract version the invoice was computed under: the stored file's SHA-256. */
export interface ContractVersionRef {
  /** Lower-case hex SHA-256 of the contract file's UTF-8 text (64 digits). */
  readonly sha256: string;
  readonly version?: number;
}

/** `draft` until issued; `paid` and `overdue` follow from payments and a date (see `computeInvoiceStatus`). */
export type InvoiceState = 'draft' | 'issued';
export type InvoiceStatus = 'draft' | 'issued' | 'paid' | 'overdue';

export interface InvoiceTotals {
  /** Base, usage, per-incident, extras and true-up: the month's fees. */
  readonly charges: Money;
  /** The previous month's credits (zero or negative). */
  readonly credits: Money;
  /** The previous month's bonuses (zero or positive). */
  readonly bonuses: Money;
  readonly subtotal: Money;
  readonly tax: Money;
  readonly total: Money;
}

export interface Invoice {
  readonly kind: 'invoice';
  readonly id: string;
  readonly state: InvoiceState;
  readonly contractId: string;
  readonly contractTitle: string;
  readonly contractVersion: ContractVersionRef;
  readonly vendor: Party;
  readonly client: Party;
  readonly currency: string;
  readonly rounding: RoundingMode;
  readonly serviceMonth: string;
  readonly service: ServicePeriod;
  readonly issueOn: LocalDate;
  readonly dueOn: LocalDate;
  readonly paymentTerms: string;
  readonly paymentMethods: readonly string[];
  readonly lines: readonly InvoiceLine[];
  readonly totals: InvoiceTotals;
  /** The previous month's credits and bonuses with their rule-by-rule explanation and caps. */
  readonly adjustments?: MonthAdjustments;
  readonly notes: readonly string[];
  /** `sha256:` + hex over the canonical JSON of everything the invoice was computed from. */
  readonly inputDigest: string;
}

export interface CreditNote {
  readonly kind: 'credit-note';
  readonly id: string;
  readonly originalInvoiceId: string;
  readonly contractId: string;
  readonly contractVersion: ContractVersionRef;
  readonly currency: string;
  readonly issueOn: LocalDate;
  readonly reason: string;
  /** Negative amounts: what is taken off the original invoice. */
  readonly lines: readonly InvoiceLine[];
  /** Sum of the lines (negative). */
  readonly total: Money;
}
