import type { CreditNote, Invoice, Payment, ScorecardSummary } from '../../domain/settlement/index.js';

/** An issued invoice as stored: the document exactly as issued, plus bookkeeping. */
export interface StoredInvoice {
  readonly contractId: string;
  /** State `issued`; read back from `documentJson`, equal to what was saved. */
  readonly invoice: Invoice;
  /** 1, 2, 3, ... per contract in issue order, with no gaps: the last part of the invoice number. */
  readonly sequence: number;
  /** The invoice as issued, `JSON.stringify(invoiceToJson(invoice))`, byte for byte. */
  readonly documentJson: string;
  /** Lower-case hex SHA-256 of `documentJson` (UTF-8). */
  readonly documentSha256: string;
  /**
   * The scorecard results of the month whose credits and bonuses this invoice carries (the
   * month before its service month): later months' consecutive-month bonuses read them.
   */
  readonly creditedScorecard?: ScorecardSummary;
  /** Epoch seconds. */
  readonly issuedAt: number;
  readonly issuedBy: string;
}

export type NewIssuedInvoice = Omit<StoredInvoice, 'contractId' | 'documentJson' | 'documentSha256'>;

/** A credit note as stored: the document exactly as issued, plus bookkeeping. */
export interface StoredCreditNote {
  readonly contractId: string;
  readonly creditNote: CreditNote;
  readonly documentJson: string;
  readonly documentSha256: string;
  readonly issuedAt: number;
  readonly issuedBy: string;
}

export type NewCreditNote = Omit<StoredCreditNote, 'contractId' | 'documentJson' | 'documentSha256'>;

/** A payment received, as recorded. */
export interface StoredPayment extends Payment {
  /** How it was paid, as the payer said: `ach`, `wire`. */
  readonly method?: string;
  /** Epoch seconds. */
  readonly recordedAt: number;
  readonly recordedBy: string;
}

/**
 * Invoices, credit notes and payments of each contract. Issued documents are append-only: saving
 * a document whose id (or an invoice whose service month) is already stored throws CONFLICT and
 * changes nothing, so an issued invoice is never edited; a correction is a credit note.
 */
export interface SettlementStore {
  /**
   * Holds the contract's settlement lock until the surrounding transaction ends, so two
   * processes issuing at once never take the same invoice number. Call it inside `transaction`.
   */
  lockSettlement(contractId: string): Promise<void>;
  saveIssuedInvoice(contractId: string, record: NewIssuedInvoice): Promise<StoredInvoice>;
  getInvoice(contractId: string, invoiceId: string): Promise<StoredInvoice | undefined>;
  getInvoiceForMonth(contractId: string, serviceMonth: string): Promise<StoredInvoice | undefined>;
  /** In issue order (by sequence). */
  listInvoices(contractId: string): Promise<StoredInvoice[]>;
  /** Every contract's invoice with this id (a command naming only the invoice looks it up), by contract id. */
  findInvoices(invoiceId: string): Promise<StoredInvoice[]>;
  saveCreditNote(contractId: string, record: NewCreditNote): Promise<StoredCreditNote>;
  /** By issue date, then id; `invoiceId` keeps the notes of one invoice. */
  listCreditNotes(contractId: string, options?: { readonly invoiceId?: string }): Promise<StoredCreditNote[]>;
  /** Throws CONFLICT when the contract already has a payment with this id. */
  savePayment(contractId: string, payment: StoredPayment): Promise<StoredPayment>;
  /** By date received, then id. */
  listPayments(contractId: string): Promise<StoredPayment[]>;
}
