/**
 * Reads data-access events from CSV or JSON Lines, streamed row by row: `at` (ISO-8601; local
 * time only with a zone), `account`, `safeguards` (a JSON list, or one cell with names split
 * at `;`, `,` or `|`), `dataCategory`, `action`, optional `ticket`, `id` and `sharedAccount`
 * (true/false, yes/no). A row without an id is named by a digest of its content, so
 * re-importing the file, or an overlapping export, stores nothing twice (two identical
 * accesses in the same second count once). Bad rows come out as skips with their line.
 */
import type { StoredAccessEvent } from '../../app/ports/index.js';
import type { ByteStream, NoticeRecord, SkipRecord } from './import-types.js';
import { InstantReader } from './instant-reader.js';
import { readFlatRows, textField } from './read-flat-rows.js';
import { RecordFactory, digestId } from './record-factory.js';

export type AccessEventReadRecord =
  | { readonly type: 'access-event'; readonly event: StoredAccessEvent; readonly line: number }
  | SkipRecord
  | NoticeRecord
  | { readonly type: 'end'; readonly rowsRead: number };

const spec = {
  what: 'access events',
  fields: ['id', 'at', 'account', 'safeguards', 'dataCategory', 'ticket', 'action', 'sharedAccount'],
  required: ['at', 'account', 'safeguards', 'dataCategory', 'action'],
} as const;

/** `"mfa; access-logging"` and `["mfa","access-logging"]` both give `['mfa', 'access-logging']`; undefined when not a list of text. */
function safeguardList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[;,|]/) : undefined;
  if (!items || items.some((item) => typeof item !== 'string')) return undefined;
  return (items as string[]).map((s) => s.trim()).filter((s) => s !== '');
}

/** `true`/`yes`/`1` or `false`/`no`/`0` (any case); undefined when absent or unreadable. */
function sharedFlag(value: unknown): boolean | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  const text = String(value).trim().toLowerCase();
  if (['true', 'yes', 'y', '1'].includes(text)) return true;
  if (['false', 'no', 'n', '0'].includes(text)) return false;
  return undefined;
}

export async function* readAccessEvents(input: ByteStream, options: { fileName: string; zone?: string }): AsyncGenerator<AccessEventReadRecord> {
  const factory = new RecordFactory();
  const instants = new InstantReader(options.zone, undefined);
  let rowsRead = 0;
  for await (const item of readFlatRows(input, options.fileName, spec, factory)) {
    if (item.line !== undefined) rowsRead++;
    if ('record' in item) {
      if (item.record.type === 'skip' || item.record.type === 'notice') yield item.record;
      continue;
    }
    const { line, row } = item;
    const place = { line };
    const text: Record<string, string | undefined> = {};
    let bad: SkipRecord | undefined;
    for (const name of ['id', 'at', 'account', 'dataCategory', 'ticket', 'action'] as const) {
      const value = textField(row, name);
      if (value === false) bad ??= factory.skip(place, 'not a text value', name, row[name]);
      else text[name] = value;
    }
    const missing = ['at', 'account', 'dataCategory', 'action'].find((name) => text[name] === undefined);
    const safeguards = safeguardList(row.safeguards);
    const shared = sharedFlag(row.sharedAccount);
    const at = text.at === undefined ? undefined : instants.readIso(text.at);
    const skip =
      bad ??
      (missing ? factory.skip(place, `missing ${missing}`, missing) : undefined) ??
      (at?.reason !== undefined ? factory.skip(place, at.reason, 'at', text.at) : undefined) ??
      (safeguards === undefined ? factory.skip(place, 'not a list of safeguard names', 'safeguards', row.safeguards) : undefined) ??
      (row.sharedAccount !== undefined && row.sharedAccount !== '' && shared === undefined ? factory.skip(place, 'not true or false', 'sharedAccount', row.sharedAccount) : undefined);
    if (skip) {
      yield skip;
      continue;
    }
    const list = safeguards!;
    const event: StoredAccessEvent = {
      id: text.id ?? digestId(['access', at!.at, text.account, text.dataCategory, text.action, text.ticket ?? null, [...list].sort()]),
      at: at!.at!,
      account: text.account!,
      safeguards: list,
      dataCategory: text.dataCategory!,
      action: text.action!,
      ...(text.ticket !== undefined ? { ticket: text.ticket } : {}),
      ...(shared !== undefined ? { sharedAccount: shared } : {}),
    };
    yield { type: 'access-event', event, line };
  }
  yield { type: 'end', rowsRead };
}
