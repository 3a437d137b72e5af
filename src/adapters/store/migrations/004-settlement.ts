/**
 * Migration 004: settlement. Issued invoices, the credit notes that correct them, and payments
 * received, each per contract and keyed by `contract_id` first. An issued invoice or credit note
 * is kept exactly as issued (its JSON text and that text's SHA-256) and never changes: a trigger
 * refuses UPDATE and DELETE on both tables, so even a hand-written statement cannot edit one.
 * Drafts are never stored (they are recomputed). Frozen once released.
 */
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE TABLE invoices (
    contract_id text COLLATE "C" NOT NULL REFERENCES contracts (contract_id),
    invoice_id text COLLATE "C" NOT NULL CHECK (invoice_id <> ''),
    sequence integer NOT NULL CHECK (sequence >= 1),
    service_month text NOT NULL CHECK (service_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    state text NOT NULL CHECK (state = 'issued'),
    issue_on date NOT NULL,
    due_on date NOT NULL CHECK (due_on >= issue_on),
    currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    charges_minor bigint NOT NULL,
    credits_minor bigint NOT NULL CHECK (credits_minor <= 0),
    bonuses_minor bigint NOT NULL CHECK (bonuses_minor >= 0),
    tax_minor bigint NOT NULL,
    total_minor bigint NOT NULL,
    contract_version integer NOT NULL,
    contract_sha256 text NOT NULL CHECK (contract_sha256 ~ '^[0-9a-f]{64}$'),
    input_digest text NOT NULL CHECK (input_digest ~ '^sha256:[0-9a-f]{64}$'),
    document text NOT NULL,
    document_sha256 text NOT NULL CHECK (document_sha256 ~ '^[0-9a-f]{64}$'),
    credited_scorecard jsonb,
    issued_at bigint NOT NULL,
    issued_by text NOT NULL,
    PRIMARY KEY (contract_id, invoice_id),
    UNIQUE (contract_id, service_month),
    UNIQUE (contract_id, sequence),
    FOREIGN KEY (contract_id, contract_version) REFERENCES contract_versions (contract_id, version)
  )`,
  `CREATE TABLE credit_notes (
    contract_id text COLLATE "C" NOT NULL,
    credit_note_id text COLLATE "C" NOT NULL CHECK (credit_note_id <> ''),
    invoice_id text COLLATE "C" NOT NULL,
    issue_on date NOT NULL,
    currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    total_minor bigint NOT NULL CHECK (total_minor < 0),
    reason text NOT NULL CHECK (reason <> ''),
    document text NOT NULL,
    document_sha256 text NOT NULL CHECK (document_sha256 ~ '^[0-9a-f]{64}$'),
    issued_at bigint NOT NULL,
    issued_by text NOT NULL,
    PRIMARY KEY (contract_id, credit_note_id),
    FOREIGN KEY (contract_id, invoice_id) REFERENCES invoices (contract_id, invoice_id)
  )`,
  `CREATE TABLE payments (
    contract_id text COLLATE "C" NOT NULL REFERENCES contracts (contract_id),
    payment_id text COLLATE "C" NOT NULL CHECK (payment_id <> ''),
    received_on date NOT NULL,
    amount_minor bigint NOT NULL CHECK (amount_minor > 0),
    currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    reference text,
    method text,
    recorded_at bigint NOT NULL,
    recorded_by text NOT NULL,
    PRIMARY KEY (contract_id, payment_id)
  )`,
  `CREATE INDEX payments_received_on ON payments (contract_id, received_on)`,
  // Citus runs triggers on distributed tables only with citus.enable_unsafe_triggers; the
  // repositories never update these rows either, so the trigger is a second line of defence.
  `CREATE FUNCTION refuse_issued_document_change() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'issued documents are never changed (% on %): correct an invoice with a credit note', TG_OP, TG_TABLE_NAME
      USING ERRCODE = 'raise_exception';
  END
  $$`,
  `CREATE TRIGGER invoices_never_change BEFORE UPDATE OR DELETE ON invoices FOR EACH ROW EXECUTE FUNCTION refuse_issued_document_change()`,
  `CREATE TRIGGER credit_notes_never_change BEFORE UPDATE OR DELETE ON credit_notes FOR EACH ROW EXECUTE FUNCTION refuse_issued_document_change()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
