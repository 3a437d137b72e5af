/**
 * Settlement documents as JSON data: Money becomes a decimal string in the document's
 * currency scale (USD 4,000.00 -> `"4000.00"`), keys keep their order, absent fields are
 * left out, so `JSON.stringify(invoiceToJson(invoice))` is byte-identical for equal invoices.
 */
import type { Statement } from './compute-statement.js';
import type { CreditNote, Invoice } from './invoice-types.js';
import { toJsonValue, type JsonValue } from './settlement-json.js';

/** `invoiceToJson(invoice).totals` is `{ charges: "23500.00", ..., total: "21150.00" }`. */
export function invoiceToJson(invoice: Invoice | CreditNote): JsonValue {
  return toJsonValue(invoice);
}

/** `statementToJson(statement).totals.interest` is `"15.29"`. */
export function statementToJson(statement: Statement): JsonValue {
  return toJsonValue(statement);
}
