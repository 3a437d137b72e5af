import { createHash } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type {
  NewCreditNote,
  NewIssuedInvoice,
  SettlementStore,
  StoredCreditNote,
  StoredInvoice,
  StoredPayment,
} from '../../app/ports/index.js';
import { SupportPactError } from '../../domain/errors/index.js';
import type { ScorecardSummary } from '../../domain/settlement/index.js';
import { invoiceToJson, toJsonValue } from '../../domain/settlement/index.js';
import { isUniqueViolation } from './bulk-insert.js';
import type { Database } from './database.js';
import { creditNoteOfJson, invoiceOfJson } from './settlement-documents.js';
import type { CreditNotesTable, InvoicesTable, SettlementTables } from './settlement-tables.js';
import type { StoreContext } from './store-context.js';

type Db = Kysely<Database & SettlementTables>;

// The document is the record; the `*_minor` columns are for SQL reports and are not read back here.
const invoiceColumns = ['contract_id', 'invoice_id', 'sequence', 'service_month', 'issue_on', 'document', 'document_sha256', 'credited_scorecard', 'issued_at', 'issued_by'] as const;
const creditNoteColumns = ['contract_id', 'credit_note_id', 'document', 'document_sha256', 'issued_at', 'issued_by'] as const;

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

function conflict(message: string, hint: string, details: Record<string, unknown> = {}): SupportPactError {
  return new SupportPactError('CONFLICT', message, { problems: [{ message, hint }], details });
}

function alreadyIssued(row: Pick<Selectable<InvoicesTable>, 'invoice_id' | 'service_month' | 'issue_on' | 'contract_id'>, asked: string): SupportPactError {
  return conflict(
    `${asked}: invoice ${row.invoice_id} for ${row.service_month} was issued on ${row.issue_on}, and an issued invoice is never changed`,
    `correct it with a credit note: supportpact credit-note --contract ${row.contract_id} --invoice ${row.invoice_id} --amount <amount> --reason "<why>"`,
    { contractId: row.contract_id, invoiceId: row.invoice_id, serviceMonth: row.service_month },
  );
}

export class SettlementRepository implements SettlementStore {
  constructor(private readonly ctx: StoreContext) {}

  private db(): Db {
    return this.ctx.db().withTables<SettlementTables>();
  }

  async lockSettlement(contractId: string): Promise<void> {
    // A row lock on the contract: taken by every issuer of this contract, released at commit.
    const row = await this.db().selectFrom('contracts').select('contract_id').where('contract_id', '=', contractId).forUpdate().executeTakeFirst();
    if (!row) throw new SupportPactError('CONTRACT_NOT_FOUND', `no stored contract ${contractId}`, { problems: [{ message: `no stored contract ${contractId}`, hint: 'add it with `supportpact contract add <file>`' }] });
  }

  async saveIssuedInvoice(contractId: string, record: NewIssuedInvoice): Promise<StoredInvoice> {
    const { invoice } = record;
    if (invoice.state !== 'issued' || invoice.contractId !== contractId) {
      throw new SupportPactError('USAGE', `only an issued invoice of ${contractId} can be stored (got ${invoice.state} invoice ${invoice.id} of ${invoice.contractId})`);
    }
    const documentJson = JSON.stringify(invoiceToJson(invoice));
    const t = invoice.totals;
    // A savepoint: a refused insert must not abort the caller's transaction.
    return this.ctx.withTransaction(async (tx) => {
      const db = tx.db().withTables<SettlementTables>();
      const existing = await db
        .selectFrom('invoices')
        .select(['contract_id', 'invoice_id', 'service_month', 'issue_on'])
        .where('contract_id', '=', contractId)
        .where((eb) => eb.or([eb('invoice_id', '=', invoice.id), eb('service_month', '=', invoice.serviceMonth)]))
        .executeTakeFirst();
      if (existing) throw alreadyIssued(existing, existing.invoice_id === invoice.id ? `cannot store invoice ${invoice.id} again` : `cannot issue a second invoice for ${invoice.serviceMonth}`);
      try {
        await db
          .insertInto('invoices')
          .values({
            contract_id: contractId,
            invoice_id: invoice.id,
            sequence: record.sequence,
            service_month: invoice.serviceMonth,
            state: 'issued',
            issue_on: invoice.issueOn,
            due_on: invoice.dueOn,
            currency: invoice.currency,
            charges_minor: t.charges.minor.toString(),
            credits_minor: t.credits.minor.toString(),
            bonuses_minor: t.bonuses.minor.toString(),
            tax_minor: t.tax.minor.toString(),
            total_minor: t.total.minor.toString(),
            contract_version: invoice.contractVersion.version ?? 0,
            contract_sha256: invoice.contractVersion.sha256,
            input_digest: invoice.inputDigest,
            document: documentJson,
            document_sha256: sha256(documentJson),
            credited_scorecard: record.creditedScorecard ? JSON.stringify(toJsonValue(record.creditedScorecard)) : null,
            issued_at: record.issuedAt,
            issued_by: record.issuedBy,
          })
          .execute();
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(`invoice number ${record.sequence} of ${contractId} was just taken by another issuer`, 'issue again: the next number is assigned then');
        throw error;
      }
      return { contractId, ...record, documentJson, documentSha256: sha256(documentJson) };
    });
  }

  async getInvoice(contractId: string, invoiceId: string): Promise<StoredInvoice | undefined> {
    const row = await this.db().selectFrom('invoices').select(invoiceColumns).where('contract_id', '=', contractId).where('invoice_id', '=', invoiceId).executeTakeFirst();
    return row ? invoiceOfRow(row) : undefined;
  }

  async getInvoiceForMonth(contractId: string, serviceMonth: string): Promise<StoredInvoice | undefined> {
    const row = await this.db().selectFrom('invoices').select(invoiceColumns).where('contract_id', '=', contractId).where('service_month', '=', serviceMonth).executeTakeFirst();
    return row ? invoiceOfRow(row) : undefined;
  }

  async listInvoices(contractId: string): Promise<StoredInvoice[]> {
    const rows = await this.db().selectFrom('invoices').select(invoiceColumns).where('contract_id', '=', contractId).orderBy('sequence').execute();
    return rows.map(invoiceOfRow);
  }

  async findInvoices(invoiceId: string): Promise<StoredInvoice[]> {
    const rows = await this.db().selectFrom('invoices').select(invoiceColumns).where('invoice_id', '=', invoiceId).orderBy('contract_id').execute();
    return rows.map(invoiceOfRow);
  }

  async saveCreditNote(contractId: string, record: NewCreditNote): Promise<StoredCreditNote> {
    const note = record.creditNote;
    if (note.contractId !== contractId) throw new SupportPactError('USAGE', `credit note ${note.id} is for ${note.contractId}, not ${contractId}`);
    const documentJson = JSON.stringify(invoiceToJson(note));
    return this.ctx.withTransaction(async (tx) => {
      const db = tx.db().withTables<SettlementTables>();
      const existing = await db.selectFrom('credit_notes').select(['credit_note_id', 'invoice_id', 'issue_on']).where('contract_id', '=', contractId).where('credit_note_id', '=', note.id).executeTakeFirst();
      if (existing) {
        throw conflict(`credit note ${note.id} was issued on ${existing.issue_on} against ${existing.invoice_id}, and an issued credit note is never changed`, 'issue another credit note for a further correction');
      }
      const original = await db.selectFrom('invoices').select('invoice_id').where('contract_id', '=', contractId).where('invoice_id', '=', note.originalInvoiceId).executeTakeFirst();
      if (!original) throw new SupportPactError('NOT_FOUND', `credit note ${note.id} corrects invoice ${note.originalInvoiceId}, which ${contractId} has not issued`);
      try {
        await db
          .insertInto('credit_notes')
          .values({
            contract_id: contractId,
            credit_note_id: note.id,
            invoice_id: note.originalInvoiceId,
            issue_on: note.issueOn,
            currency: note.currency,
            total_minor: note.total.minor.toString(),
            reason: note.reason,
            document: documentJson,
            document_sha256: sha256(documentJson),
            issued_at: record.issuedAt,
            issued_by: record.issuedBy,
          })
          .execute();
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(`credit note ${note.id} was just issued by another process`, 'issue again: the next number is assigned then');
        throw error;
      }
      return { contractId, ...record, documentJson, documentSha256: sha256(documentJson) };
    });
  }

  async listCreditNotes(contractId: string, options: { readonly invoiceId?: string } = {}): Promise<StoredCreditNote[]> {
    let query = this.db().selectFrom('credit_notes').select(creditNoteColumns).where('contract_id', '=', contractId);
    if (options.invoiceId !== undefined) query = query.where('invoice_id', '=', options.invoiceId);
    const rows = await query.orderBy('issue_on').orderBy('credit_note_id').execute();
    return rows.map(creditNoteOfRow);
  }

  async savePayment(contractId: string, payment: StoredPayment): Promise<StoredPayment> {
    return this.ctx.withTransaction(async (tx) => {
      const db = tx.db().withTables<SettlementTables>();
      const existing = await db.selectFrom('payments').select(['payment_id', 'received_on']).where('contract_id', '=', contractId).where('payment_id', '=', payment.id).executeTakeFirst();
      if (existing) throw conflict(`payment ${payment.id} of ${contractId} is already recorded (received ${existing.received_on})`, 'record a new payment under a new id');
      try {
        await db
          .insertInto('payments')
          .values({
            contract_id: contractId,
            payment_id: payment.id,
            received_on: payment.receivedOn,
            amount_minor: payment.amount.minor.toString(),
            currency: payment.amount.currency,
            reference: payment.reference ?? null,
            method: payment.method ?? null,
            recorded_at: payment.recordedAt,
            recorded_by: payment.recordedBy,
          })
          .execute();
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(`payment ${payment.id} of ${contractId} was just recorded by another process`, 'record it again: a new id is assigned then');
        throw error;
      }
      return payment;
    });
  }

  async listPayments(contractId: string): Promise<StoredPayment[]> {
    const rows = await this.db()
      .selectFrom('payments')
      .select(['payment_id', 'received_on', 'currency', 'reference', 'method', 'recorded_at', 'recorded_by', sql<string>`amount_minor::text`.as('amount_text')])
      .where('contract_id', '=', contractId)
      .orderBy('received_on')
      .orderBy('payment_id')
      .execute();
    return rows.map((row) => ({
      id: row.payment_id,
      receivedOn: row.received_on,
      amount: { minor: BigInt(row.amount_text), currency: row.currency },
      ...(row.reference === null ? {} : { reference: row.reference }),
      ...(row.method === null ? {} : { method: row.method }),
      recordedAt: row.recorded_at,
      recordedBy: row.recorded_by,
    }));
  }
}

function invoiceOfRow(row: Pick<Selectable<InvoicesTable>, (typeof invoiceColumns)[number]>): StoredInvoice {
  return {
    contractId: row.contract_id,
    invoice: invoiceOfJson(row.document),
    sequence: row.sequence,
    documentJson: row.document,
    documentSha256: row.document_sha256,
    ...(row.credited_scorecard === null ? {} : { creditedScorecard: row.credited_scorecard as unknown as ScorecardSummary }),
    issuedAt: row.issued_at,
    issuedBy: row.issued_by,
  };
}

function creditNoteOfRow(row: Pick<Selectable<CreditNotesTable>, (typeof creditNoteColumns)[number]>): StoredCreditNote {
  return {
    contractId: row.contract_id,
    creditNote: creditNoteOfJson(row.document),
    documentJson: row.document,
    documentSha256: row.document_sha256,
    issuedAt: row.issued_at,
    issuedBy: row.issued_by,
  };
}
