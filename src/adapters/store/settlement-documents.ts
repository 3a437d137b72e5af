/**
 * Issued invoices and credit notes are stored as the JSON they were issued as
 * (`invoiceToJson`: Money as decimal strings in the document's currency). These read them
 * back into the domain's types, turning exactly the Money fields into Money again; the key
 * order is kept, so `JSON.stringify(invoiceToJson(invoiceOfJson(text))) === text`.
 */
import type { AdjustmentSet, CreditNote, Invoice, MonthAdjustments } from '../../domain/settlement/index.js';
import { parseMoney, type Money } from '../../domain/money/index.js';
import { SupportPactError } from '../../domain/errors/index.js';

type Record_ = Record<string, unknown>;

function damaged(what: string, why: string): SupportPactError {
  return new SupportPactError('INTERNAL', `The stored ${what} cannot be read back: ${why}. The database was changed outside SupportPact.`);
}

function recordOf(value: unknown, what: string): Record_ {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw damaged(what, 'it is not a JSON object');
  return value as Record_;
}

function listOf(value: unknown, what: string): Record_[] {
  if (!Array.isArray(value)) throw damaged(what, 'a list is missing');
  return value.map((item) => recordOf(item, what));
}

/** The named members of `record` as Money, in place of their decimal strings (key order kept). */
function withMoney(record: Record_, keys: readonly string[], currency: string): Record_ {
  const out: Record_ = { ...record };
  for (const key of keys) if (key in record) out[key] = parseMoney(record[key], currency, { sign: 'any', label: key });
  return out;
}

function adjustmentSetOf(value: unknown, currency: string): AdjustmentSet {
  const set = withMoney(recordOf(value, 'adjustments'), ['fees', 'uncapped', 'total', 'cut'], currency);
  set['lines'] = listOf(set['lines'], 'adjustment lines').map((line) => withMoney(line, ['uncappedAmount', 'amount'], currency));
  set['caps'] = listOf(set['caps'], 'credit caps').map((cap) => withMoney(cap, ['limit', 'cutBy'], currency));
  return set as unknown as AdjustmentSet;
}

function adjustmentsOf(value: unknown, currency: string): MonthAdjustments {
  const adjustments = withMoney(recordOf(value, 'adjustments'), ['fees'], currency);
  adjustments['credits'] = adjustmentSetOf(adjustments['credits'], currency);
  adjustments['bonuses'] = adjustmentSetOf(adjustments['bonuses'], currency);
  return adjustments as unknown as MonthAdjustments;
}

function linesOf(value: unknown, currency: string): Record_[] {
  return listOf(value, 'invoice lines').map((line) => withMoney(line, ['amount'], currency));
}

function currencyOf(document: Record_, what: string): string {
  const currency = document['currency'];
  if (typeof currency !== 'string') throw damaged(what, 'it names no currency');
  return currency;
}

/** `invoiceOfJson('{"kind":"invoice",...,"totals":{"charges":"23500.00",...}}').totals.charges` is USD 23,500.00 as Money. */
export function invoiceOfJson(text: string): Invoice {
  const document = recordOf(JSON.parse(text), 'invoice');
  if (document['kind'] !== 'invoice') throw damaged('invoice', `its kind is ${String(document['kind'])}`);
  const currency = currencyOf(document, 'invoice');
  const invoice: Record_ = { ...document };
  invoice['lines'] = linesOf(document['lines'], currency);
  invoice['totals'] = withMoney(recordOf(document['totals'], 'invoice totals'), Object.keys(recordOf(document['totals'], 'invoice totals')), currency);
  if (document['adjustments'] !== undefined) invoice['adjustments'] = adjustmentsOf(document['adjustments'], currency);
  return invoice as unknown as Invoice;
}

/** A credit note read back: its lines' amounts and its total as Money. */
export function creditNoteOfJson(text: string): CreditNote {
  const document = recordOf(JSON.parse(text), 'credit note');
  if (document['kind'] !== 'credit-note') throw damaged('credit note', `its kind is ${String(document['kind'])}`);
  const currency = currencyOf(document, 'credit note');
  const note: Record_ = { ...document };
  note['lines'] = linesOf(document['lines'], currency);
  note['total'] = parseMoney(document['total'], currency, { sign: 'any', label: 'total' }) satisfies Money;
  return note as unknown as CreditNote;
}
