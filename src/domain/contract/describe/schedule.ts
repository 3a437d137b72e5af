/** A contract as a readable schedule: sections of plain-English sentences and tables. */
export interface ScheduleTable {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface ScheduleSection {
  readonly id: 'parties' | 'dates' | 'calendars' | 'scope' | 'sla' | 'term' | 'pricing' | 'risk';
  readonly heading: string;
  /** When the contract has no such part: what it should say. */
  readonly missing?: string;
  readonly paragraphs: readonly string[];
  readonly tables: readonly ScheduleTable[];
}

export interface KeyDate {
  readonly on: string;
  readonly label: string;
  /** The clause it comes from, as a field path: `term.renewal.optOutNotice`. */
  readonly clause: string;
  readonly note?: string;
}

export interface ContractSchedule {
  readonly id: string;
  readonly title: string;
  readonly currency: string;
  readonly timezone: string;
  readonly signedOn?: string;
  readonly keyDates: readonly KeyDate[];
  readonly sections: readonly ScheduleSection[];
}

export function section(
  id: ScheduleSection['id'],
  heading: string,
  paragraphs: readonly (string | undefined | false)[],
  tables: readonly (ScheduleTable | undefined | false)[] = [],
): ScheduleSection {
  return {
    id,
    heading,
    paragraphs: paragraphs.filter((p): p is string => typeof p === 'string' && p !== ''),
    tables: tables.filter((t): t is ScheduleTable => !!t && t.rows.length > 0),
  };
}

/** `listWords(['a','b','c'])` is `'a, b and c'`. */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** `humanDate('2027-01-01')` is `'1 January 2027'`. */
export function humanDate(date: string): string {
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${months[(m ?? 1) - 1]} ${y}`;
}

/** An amount with its currency and thousands separators: `formatAmount('USD', '4000.00')` is `'USD 4,000.00'`. */
export function formatAmount(currency: string, amount: string): string {
  const [whole = '0', fraction] = amount.split('.');
  return `${currency} ${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction !== undefined ? `.${fraction}` : ''}`;
}

/** Statuses in words: `pending_customer` -> `waiting on the customer`. */
export function describeStatus(status: string): string {
  return ({ pending_customer: 'waiting on the customer', on_hold_third_party: 'on hold for a third party', new: 'new', open: 'open' } as Record<string, string>)[status] ?? status.replace(/_/g, ' ');
}

/** Capitalises the first letter: `sentenceCase('cyber liability')` is `'Cyber liability'`. */
export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
