import type { SourceSlaFlags, TicketStatus } from '../../domain/tickets/index.js';
import type { ByteStream, ImportOptions, ImportRecord } from './import-types.js';
import { InstantReader } from './instant-reader.js';
import { CsvColumns, cell, rawCell, readCsvRows, requireColumns } from './read-csv-rows.js';
import { RecordFactory, digestId, type PendingEvent } from './record-factory.js';
import { createStatusResolver } from './status-transition.js';

/** Status names of the JSM IT service templates (ticket-formats.md 2a), lower case. */
export const jiraStatuses: Readonly<Record<string, TicketStatus>> = {
  open: 'open', 'to do': 'open', 'waiting for support': 'open', 'in progress': 'open', 'work in progress': 'open', reopened: 'open',
  'waiting for customer': 'pending_customer', 'waiting for reporter': 'pending_customer', 'pending customer': 'pending_customer',
  pending: 'on_hold_third_party', escalated: 'on_hold_third_party', 'waiting for vendor': 'on_hold_third_party', 'waiting for third party': 'on_hold_third_party',
  resolved: 'solved', done: 'solved', completed: 'solved',
  closed: 'closed',
  canceled: 'canceled', cancelled: 'canceled', declined: 'canceled',
};
/** `Status Category`, used when a workflow status is not in the table. */
const categoryStatuses: Readonly<Record<string, TicketStatus>> = { 'to do': 'open', 'in progress': 'open', done: 'solved' };

const channelColumns = ['Custom field (Source)', 'Custom field (Request channel)', 'Custom field (Channel)', 'Request channel'];
const firstResponseColumn = 'Custom field ([CHART] Date of First Response)';

/**
 * Reads a Jira Service Management CSV export (English headers; repeated `Comment` and
 * `Component/s` columns allowed), one issue per row, streamed. The CSV is a snapshot: it
 * yields created, the first response from `[CHART] Date of First Response`, the reporter's
 * comments, and the resolution; it has no status history, priority changes or comment visibility.
 */
export async function* readJiraCsv(input: ByteStream, options: ImportOptions): AsyncGenerator<ImportRecord> {
  const factory = new RecordFactory();
  const instants = new InstantReader(options.zone, options.dateOrder);
  const resolveStatus = createStatusResolver(jiraStatuses, options.statusMap);
  let columns: CsvColumns | undefined;
  let rowsRead = 0;
  let otherComments = 0;
  let pausedNow = 0;
  const unknownStatuses = new Set<string>();
  for await (const { line, fields } of readCsvRows(input, options.fileName)) {
    if (!columns) {
      columns = new CsvColumns(fields);
      requireColumns(columns, ['Issue key', 'Created'], options.fileName, 'Jira Service Management CSV (English column names)');
      continue;
    }
    rowsRead++;
    const c = columns;
    const place = { line };
    const get = (...names: string[]): string | undefined => cell(fields, c.index(...names));
    const key = get('Issue key');
    if (key === undefined) {
      yield factory.skip(place, 'missing Issue key', 'Issue key');
      continue;
    }
    const createdText = get('Created');
    const created = createdText === undefined ? { reason: 'missing Created' } : instants.read(createdText);
    if (created.reason !== undefined) {
      yield factory.skip(place, created.reason, 'Created', createdText);
      continue;
    }
    const source = `jira:${options.fileName}:${line}`;
    const pending: PendingEvent[] = [];
    const skips: ImportRecord[] = [];
    const priority = rawCell(fields, c.index('Priority'));
    const header = {
      ticket: key,
      createdAt: created.at,
      rawPriority: priority,
      channel: get(...channelColumns),
      category: get('Custom field (Request Type)') ?? get('Issue Type'),
      technology: cell(fields, c.all('Component/s').find((i) => cell(fields, i) !== undefined)),
    };
    pending.push({ event: { ticket: key, at: created.at, kind: 'created', id: `jira:${key}:created`, priority, channel: header.channel, category: header.category, technology: header.technology, source }, place });

    const instantOf = (column: string): number | undefined => {
      const text = get(column);
      if (text === undefined) return undefined;
      const result = instants.read(text);
      if (result.reason !== undefined) skips.push(factory.skip(place, result.reason, column, text));
      return result.at;
    };
    const firstResponseAt = instantOf(firstResponseColumn);
    if (firstResponseAt !== undefined) pending.push({ event: { ticket: key, at: firstResponseAt, kind: 'agent_replied', id: `jira:${key}:first-response`, source: `${source}:[CHART] Date of First Response` }, place });

    const reporters = new Set([get('Reporter Id'), get('Reporter')].filter((x): x is string => x !== undefined));
    for (const index of c.all('Comment')) {
      const text = cell(fields, index);
      if (text === undefined) continue;
      // `date;author;body`; the body may itself hold semicolons.
      const [dateText = '', author = ''] = text.split(';', 2);
      const at = instants.read(dateText);
      if (at.reason !== undefined) {
        skips.push(factory.skip(place, `comment date: ${at.reason}`, 'Comment', text));
        continue;
      }
      if (!reporters.has(author.trim())) {
        otherComments++;
        continue;
      }
      pending.push({ event: { ticket: key, at: at.at, kind: 'customer_replied', id: `jira:${key}:comment:${digestId([text])}`, actor: author.trim(), source: `${source}:Comment` }, place });
    }

    const statusText = get('Status');
    let status = statusText === undefined ? undefined : resolveStatus(statusText);
    if (status === undefined && statusText !== undefined && !unknownStatuses.has(statusText)) {
      unknownStatuses.add(statusText);
      yield { type: 'notice', code: 'unknown-status', message: `Jira: status "${statusText}" is not known; its Status Category is used (map it with statusMap)` };
    }
    status ??= categoryStatuses[(get('Status Category') ?? '').toLowerCase()];
    const resolvedAt = instantOf('Resolved');
    if (status === 'pending_customer' || status === 'on_hold_third_party') pausedNow++;
    if (status === 'solved' || status === 'closed' || status === 'canceled' || (status === undefined && resolvedAt !== undefined)) {
      // The CSV keeps no transition times: Resolved is the resolution date; Status Category Changed the last move into Done.
      const at = resolvedAt ?? instantOf('Status Category Changed');
      if (at === undefined) skips.push(factory.skip(place, 'resolved status without a Resolved date', 'Resolved', statusText));
      else if (status === 'canceled') pending.push({ event: { ticket: key, at, kind: 'status_changed', status: 'canceled', id: `jira:${key}:canceled`, source: `${source}:Resolved` }, place });
      else pending.push({ event: { ticket: key, at, kind: 'solved', id: `jira:${key}:resolved`, source: `${source}:Resolved` }, place });
    }
    const sourceSla = slaFlags(get('Custom field (Time to first response)'), get('Custom field (Time to resolution)'));
    yield factory.ticket(sourceSla ? { ...header, sourceSla } : header, place);
    yield* factory.eventsInOrder(pending);
    yield* skips;
  }
  if (otherComments > 0) {
    yield {
      type: 'notice',
      code: 'comments-not-imported',
      message: `Jira: ${otherComments} comment(s) by someone other than the reporter were not imported: the CSV does not say whether they were public replies or internal notes (first response comes from [CHART] Date of First Response)`,
    };
  }
  if (pausedNow > 0) {
    yield { type: 'notice', code: 'pauses-unknown', message: `Jira: ${pausedNow} issue(s) are in a waiting status now, but the CSV has no status history, so no pause is known` };
  }
  yield { type: 'end', rowsRead, instantsWithOffset: instants.instantsWithOffset, instantsInGivenZone: instants.instantsInGivenZone };
}

/** JSM's flattened SLA fields hold the remaining time of the last cycle: negative means breached. */
function slaFlags(firstResponse: string | undefined, resolution: string | undefined): SourceSlaFlags | undefined {
  const met = (text: string | undefined): boolean | undefined => (text === undefined ? undefined : !text.startsWith('-'));
  const firstResponseMet = met(firstResponse);
  const resolutionMet = met(resolution);
  if (firstResponseMet === undefined && resolutionMet === undefined) return undefined;
  return { ...(firstResponseMet === undefined ? {} : { firstResponseMet }), ...(resolutionMet === undefined ? {} : { resolutionMet }) };
}
