/** Option parsers shared by the lifecycle and risk commands: dates, instants, counts, lists, yes/no. */
import { SupportPactError } from '../../domain/errors/index.js';
import { isLocalDate, isMonth, parseInstantText, type LocalDate } from '../../domain/time/index.js';

/** `--on 2027-08-20` as a date; DATE_INVALID naming the option otherwise. */
export function parseDateOption(text: string, option: string): LocalDate {
  if (isLocalDate(text)) return text;
  throw new SupportPactError('DATE_INVALID', `${option} ${text} is not a date`, { problems: [{ message: `"${text}" is not an existing YYYY-MM-DD date`, path: [option], hint: 'write a date like 2027-08-20' }] });
}

/** `--month 2027-03`; USAGE naming the option otherwise. */
export function parseMonthOption(text: string, option: string): string {
  if (isMonth(text)) return text;
  throw new SupportPactError('USAGE', `${option} ${text} is not a month`, { problems: [{ message: `"${text}" is not YYYY-MM`, path: [option], hint: 'write a month like 2027-03' }] });
}

/** An instant: ISO-8601 with an offset, or local wall time (or a bare date, its midnight) in the contract's zone. */
export function parseInstantOption(text: string, zone: string, option: string): number {
  const value = parseInstantText(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00` : text, zone);
  if (value !== undefined) return value;
  throw new SupportPactError('INSTANT_INVALID', `${option} ${text} is not a date-time`, {
    problems: [{ message: `"${text}" is not ISO-8601`, path: [option], hint: `write 2027-03-05T22:00:00-08:00, or local time like 2027-03-05T22:00 in the contract zone (${zone})` }],
  });
}

/** A whole number of 0 or more: `--records 1180`. */
export function parseCountOption(text: string, option: string): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (Number.isSafeInteger(value)) return value;
  throw new SupportPactError('USAGE', `${option} ${text} is not a whole number`, { problems: [{ message: `"${text}" is not a count`, path: [option], hint: 'write a whole number such as 1180' }] });
}

/** `yes`/`no` (also true/false): `--client-data yes`. */
export function parseYesNoOption(text: string, option: string): boolean {
  const value = text.trim().toLowerCase();
  if (['yes', 'y', 'true'].includes(value)) return true;
  if (['no', 'n', 'false'].includes(value)) return false;
  throw new SupportPactError('USAGE', `${option} ${text} is not yes or no`, { problems: [{ message: `"${text}" is not yes or no`, path: [option] }] });
}

/** A comma-separated list without blanks: `--categories contact-details,account-metadata`. */
export function parseListOption(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter((s) => s !== '');
}
