/** Formatting shared by the invoice and statement renderers: amounts, dates, evidence, wrapping. */
import type { Party } from '../../domain/contract/schema/parties.js';
import { formatMoney, type Money } from '../../domain/money/index.js';
import type { Evidence } from '../../domain/settlement/index.js';

/** `amountText(USD -1532.61)` is `"-1,532.61"`: grouped, no currency code (the document names it once). */
export function amountText(amount: Money): string {
  return formatMoney(amount, 'code').slice(amount.currency.length + 1);
}

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `monthName('2027-03')` is `"March 2027"`. */
export function monthName(month: string): string {
  return `${monthNames[Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)}`;
}

/** At most `limit` ids, then how many more: `evidenceText({ kind: 'tickets', ids: [...20 ids] }, 3)` is `"tickets T-1, T-2, T-3 and 17 more"`. */
export function evidenceText(evidence: Evidence, limit = 12): string {
  if (evidence.ids.length === 0) return evidence.note ?? '';
  const shown = evidence.ids.slice(0, limit).join(', ');
  const more = evidence.ids.length > limit ? ` and ${evidence.ids.length - limit} more` : '';
  const label = evidence.kind === 'vendor-report' ? 'report' : evidence.kind;
  return `${label} ${shown}${more}${evidence.note ? ` (${evidence.note})` : ''}`;
}

/** A party on one line: `"Northstar Support LLC, 55 S Market St, San Jose, CA 95113, accounts@northstar.example"`. */
export function partyText(party: Party): string {
  return [party.name, party.address, party.contact].filter((x): x is string => x !== undefined).join(', ');
}

/** Words wrapped to lines of at most `width` characters (a longer word gets a line of its own). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current === '') current = word;
    else if (current.length + 1 + word.length <= width) current += ` ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current !== '' || lines.length === 0) lines.push(current);
  return lines;
}
