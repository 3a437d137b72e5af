/**
 * Which months of a ticket history to use. Exports and logs often start and end mid-month,
 * so the default leaves out months at either edge with under a tenth of the busiest month's
 * tickets, and says which; a range given explicitly is used as it is.
 */
import { SupportPactError } from '../errors/index.js';
import { addMonthsToMonth, isMonth } from '../time/local-date.js';
import { localDateOf } from '../time/zone.js';

export interface DataMonths {
  readonly months: readonly string[];
  /** Edge months left out by default, with their ticket counts. */
  readonly leftOut: readonly { readonly month: string; readonly tickets: number }[];
  readonly notes: readonly string[];
}

/** Share of the busiest month under which an edge month counts as partial. */
export const thinMonthShare = 0.1;

function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; m <= to && months.length < 1200; m = addMonthsToMonth(m, 1)) months.push(m);
  return months;
}

function checkMonth(text: string, option: string): string {
  if (isMonth(text)) return text;
  throw new SupportPactError('USAGE', `${option} ${text} is not a month`, { problems: [{ message: `"${text}" is not YYYY-MM`, path: [option], hint: 'write a month like 2016-03' }] });
}

/**
 * The UCI log (207 tickets created in 2016-02, then 8,995, 7,934, 7,508 and 5 in 2016-06):
 * by default 2016-03 to 2016-05, leaving out 2016-02 and 2016-06 as partial edge months;
 * with `{ from: '2016-02' }` it starts in February and ends in June.
 */
export function chooseDataMonths(createdByMonth: ReadonlyMap<string, number>, range: { readonly from?: string; readonly to?: string } = {}): DataMonths {
  const from = range.from !== undefined ? checkMonth(range.from, '--from') : undefined;
  const to = range.to !== undefined ? checkMonth(range.to, '--to') : undefined;
  if (from !== undefined && to !== undefined && from > to) {
    throw new SupportPactError('USAGE', `--from ${from} is after --to ${to}`, { problems: [{ message: 'the range is empty', path: ['--from'], hint: 'give the earlier month with --from' }] });
  }
  const seen = [...createdByMonth.entries()].filter(([, n]) => n > 0).map(([m]) => m).sort();
  if (seen.length === 0 && (from === undefined || to === undefined)) {
    throw new SupportPactError('USAGE', 'there are no tickets to backtest', { problems: [{ message: 'no ticket was created in the data read', hint: 'import tickets first, or name a file with tickets' }] });
  }
  let months = monthsBetween(from ?? seen[0]!, to ?? seen[seen.length - 1]!);
  const leftOut: { month: string; tickets: number }[] = [];
  const busiest = Math.max(0, ...months.map((m) => createdByMonth.get(m) ?? 0));
  const thin = (m: string | undefined): boolean => m !== undefined && (createdByMonth.get(m) ?? 0) < thinMonthShare * busiest;
  if (from === undefined) while (months.length > 1 && thin(months[0])) leftOut.push({ month: months[0]!, tickets: createdByMonth.get(months.shift()!) ?? 0 });
  if (to === undefined) while (months.length > 1 && thin(months[months.length - 1])) leftOut.push({ month: months[months.length - 1]!, tickets: createdByMonth.get(months.pop()!) ?? 0 });
  months = [...months];
  leftOut.sort((a, b) => (a.month < b.month ? -1 : 1));
  const notes = leftOut.length === 0 ? [] : [`Left out as partial months at the edges of the data (under ${thinMonthShare * 100}% of the busiest month's ${busiest.toLocaleString('en-US')} tickets): ${leftOut.map((l) => `${l.month} (${l.tickets.toLocaleString('en-US')} tickets)`).join(', ')}; give --from and --to to include them.`];
  return { months, leftOut, notes };
}

/**
 * Tickets created per local month: `countCreatedByMonth([t1, t2], 'America/Sao_Paulo')` maps
 * `'2016-03'` to 2 when both creation instants fall in March in Sao Paulo.
 */
export function countCreatedByMonth(createdAts: Iterable<number>, zone: string): Map<string, number> {
  const counts = new Map<string, number>();
  // One zone lookup per quarter hour: today's offsets are whole quarter hours (Nepal +05:45),
  // so a quarter hour never straddles local midnight, and tickets arrive in runs.
  const monthOfQuarter = new Map<number, string>();
  for (const at of createdAts) {
    const quarter = Math.floor(at / 900);
    let month = monthOfQuarter.get(quarter);
    if (month === undefined) {
      month = localDateOf(at, zone).slice(0, 7);
      monthOfQuarter.set(quarter, month);
    }
    counts.set(month, (counts.get(month) ?? 0) + 1);
  }
  return counts;
}
