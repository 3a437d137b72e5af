import { SupportPactError } from '../../domain/errors/index.js';
import type { SourceSlaFlags } from '../../domain/tickets/index.js';
import type { ByteStream, ImportOptions, ImportRecord } from './import-types.js';
import { InstantReader, instantReasons } from './instant-reader.js';
import { CsvColumns, cell, rawCell, readCsvRows, requireColumns } from './read-csv-rows.js';
import { RecordFactory, type PendingEvent } from './record-factory.js';

/** `Resolution status` / `First response status` values (ticket-formats.md 3d). */
const slaVerdicts: Readonly<Record<string, boolean>> = { 'within sla': true, 'sla violated': false };

/**
 * Reads Freshdesk's UI CSV export (Tickets -> Export), one ticket per row, streamed. A snapshot:
 * created, the first response (`Initial response time`), `Resolved time` and `Closed time`;
 * priorities and sources are the names Freshdesk writes (`Urgent`, `Email`). Times follow the
 * account's settings, usually without an offset: the first such time without a zone fails the import.
 */
export async function* readFreshdeskCsv(input: ByteStream, options: ImportOptions): AsyncGenerator<ImportRecord> {
  const factory = new RecordFactory();
  const instants = new InstantReader(options.zone, options.dateOrder);
  let columns: CsvColumns | undefined;
  let rowsRead = 0;
  for await (const { line, fields } of readCsvRows(input, options.fileName)) {
    if (!columns) {
      columns = new CsvColumns(fields);
      requireColumns(columns, ['Ticket ID', 'Created time'], options.fileName, 'Freshdesk CSV export');
      yield { type: 'notice', code: 'snapshot-only', message: 'Freshdesk CSV: a snapshot per ticket; pauses, reopens, priority changes and replies after the first are not in it' };
      continue;
    }
    rowsRead++;
    const c = columns;
    const place = { line };
    const get = (name: string): string | undefined => cell(fields, c.index(name));
    const skips: ImportRecord[] = [];
    const instantOf = (column: string): number | undefined => {
      const text = get(column);
      if (text === undefined) return undefined;
      const result = instants.read(text);
      if (result.reason === instantReasons.noZone) throw missingZone(options.fileName, line, column, text);
      if (result.reason !== undefined) skips.push(factory.skip(place, result.reason, column, text));
      return result.at;
    };
    const id = get('Ticket ID');
    if (id === undefined) {
      yield factory.skip(place, 'missing Ticket ID', 'Ticket ID');
      continue;
    }
    const createdAt = instantOf('Created time');
    if (createdAt === undefined) {
      yield* skips.length > 0 ? skips : [factory.skip(place, 'missing Created time', 'Created time')];
      continue;
    }
    const source = `freshdesk:${options.fileName}:${line}`;
    const header = { ticket: id, createdAt, rawPriority: rawCell(fields, c.index('Priority')), channel: get('Source'), category: get('Type'), technology: get('Product') };
    const pending: PendingEvent[] = [
      { event: { ticket: id, at: createdAt, kind: 'created', id: `freshdesk:${id}:created`, priority: header.rawPriority, channel: header.channel, category: header.category, technology: header.technology, source }, place },
    ];
    const firstResponseAt = instantOf('Initial response time');
    if (firstResponseAt !== undefined) pending.push({ event: { ticket: id, at: firstResponseAt, kind: 'agent_replied', id: `freshdesk:${id}:initial-response`, source: `${source}:Initial response time` }, place });
    const resolvedAt = instantOf('Resolved time');
    if (resolvedAt !== undefined) pending.push({ event: { ticket: id, at: resolvedAt, kind: 'solved', id: `freshdesk:${id}:resolved`, source: `${source}:Resolved time` }, place });
    const closedAt = instantOf('Closed time');
    if (closedAt !== undefined) pending.push({ event: { ticket: id, at: closedAt, kind: 'closed', id: `freshdesk:${id}:closed`, source: `${source}:Closed time` }, place });
    const sourceSla = slaFlags(get('First response status'), get('Resolution status'));
    yield factory.ticket(sourceSla ? { ...header, sourceSla } : header, place);
    yield* factory.eventsInOrder(pending);
    yield* skips;
  }
  yield { type: 'end', rowsRead, instantsWithOffset: instants.instantsWithOffset, instantsInGivenZone: instants.instantsInGivenZone };
}

function slaFlags(firstResponse: string | undefined, resolution: string | undefined): SourceSlaFlags | undefined {
  const firstResponseMet = firstResponse === undefined ? undefined : slaVerdicts[firstResponse.toLowerCase()];
  const resolutionMet = resolution === undefined ? undefined : slaVerdicts[resolution.toLowerCase()];
  if (firstResponseMet === undefined && resolutionMet === undefined) return undefined;
  return { ...(firstResponseMet === undefined ? {} : { firstResponseMet }), ...(resolutionMet === undefined ? {} : { resolutionMet }) };
}

function missingZone(fileName: string, line: number, column: string, value: string): SupportPactError {
  return new SupportPactError('USAGE', `freshdesk CSV times carry no offset (${column} "${value}" on line ${line}): give the zone of the Freshdesk account (--zone)`, {
    problems: [{ message: 'local time without an offset and no zone given', file: fileName, line, path: [column], hint: 'pass --zone with the IANA zone set in the Freshdesk account, e.g. --zone Europe/London; UTC is never assumed' }],
  });
}
