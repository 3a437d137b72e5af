/**
 * Kysely row types of the settlement tables (migration 004), added to the store's `Database`
 * with `db.withTables<SettlementTables>()`. Amounts are integer minor units in `bigint`
 * columns, read back as text (`amount_minor::text`) so no amount ever passes through a float.
 */
import type { ColumnType } from 'kysely';
import type { JsonValue } from '../../app/ports/index.js';

type Json = ColumnType<JsonValue, string, string>;
/** Written as a bigint's decimal text; read with an explicit `::text` cast. */
type Minor = ColumnType<string, string, never>;

export type InvoicesTable = {
  contract_id: string;
  invoice_id: string;
  sequence: number;
  service_month: string;
  state: 'issued';
  issue_on: string;
  due_on: string;
  currency: string;
  charges_minor: Minor;
  credits_minor: Minor;
  bonuses_minor: Minor;
  tax_minor: Minor;
  total_minor: Minor;
  contract_version: number;
  contract_sha256: string;
  input_digest: string;
  document: string;
  document_sha256: string;
  credited_scorecard: Json | null;
  issued_at: number;
  issued_by: string;
};

export type CreditNotesTable = {
  contract_id: string;
  credit_note_id: string;
  invoice_id: string;
  issue_on: string;
  currency: string;
  total_minor: Minor;
  reason: string;
  document: string;
  document_sha256: string;
  issued_at: number;
  issued_by: string;
};

export type PaymentsTable = {
  contract_id: string;
  payment_id: string;
  received_on: string;
  amount_minor: Minor;
  currency: string;
  reference: string | null;
  method: string | null;
  recorded_at: number;
  recorded_by: string;
};

export type SettlementTables = {
  invoices: InvoicesTable;
  credit_notes: CreditNotesTable;
  payments: PaymentsTable;
};
