import type { Contract } from '../domain/contract/schema/contract-schema.js';
import type { LocalDate } from '../domain/time/index.js';

/** Words of a company name that say what kind of company it is, not which one. */
const legalForms = new Set(['llc', 'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'ltd', 'limited', 'plc', 'llp', 'lp', 'gmbh', 'ag', 'sa', 'sas', 'sarl', 'bv', 'nv', 'srl', 'spa', 'pty', 'oy', 'ab', 'as']);

/**
 * The invoice number prefix of a contract: the initials of the vendor's name without its legal
 * form, at most four letters ("Northstar Support LLC" gives `NS`, "Bayline Helpdesk Corp."
 * `BH`); `INV` when the name has no letters left.
 */
export function invoiceNumberPrefix(contract: Pick<Contract, 'parties'>): string {
  const words = contract.parties.vendor.name
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && !legalForms.has(word.toLowerCase()));
  const initials = words.map((word) => word[0]!.toUpperCase()).join('').slice(0, 4);
  return /^[A-Z0-9]+$/.test(initials) ? initials : 'INV';
}

/**
 * The number an issued invoice gets: prefix, year of issue, and the contract's invoice sequence
 * (1, 2, 3, ... with no gaps, never reset): the third invoice of Northstar, issued 2027-04-01,
 * is `NS-2027-0003`. The sequence is what makes it unique within the contract.
 */
export function invoiceNumberOf(prefix: string, issueOn: LocalDate, sequence: number): string {
  return `${prefix}-${issueOn.slice(0, 4)}-${String(sequence).padStart(4, '0')}`;
}
