import type { TicketStatus } from '../../domain/tickets/index.js';
import type { ByteStream, ImportOptions, ImportRecord } from './import-types.js';
import { InstantReader } from './instant-reader.js';
import { CsvColumns, cell, rawCell, readCsvRows, requireColumns } from './read-csv-rows.js';
import { RecordFactory } from './record-factory.js';
import { IncidentTrack } from './servicenow-incident.js';
import { createStatusResolver } from './status-transition.js';

/** ServiceNow states: choice values (1..8) and the display labels of current and older instances (the UCI log's). */
export const serviceNowStatuses: Readonly<Record<string, TicketStatus>> = {
  '1': 'new', new: 'new',
  '2': 'open', 'in progress': 'open', active: 'open',
  '3': 'on_hold_third_party', 'on hold': 'on_hold_third_party',
  'awaiting user info': 'pending_customer', 'awaiting caller': 'pending_customer',
  'awaiting vendor': 'on_hold_third_party', 'awaiting problem': 'on_hold_third_party',
  'awaiting evidence': 'on_hold_third_party', 'awaiting change': 'on_hold_third_party',
  '6': 'solved', resolved: 'solved',
  '7': 'closed', closed: 'closed',
  '8': 'canceled', canceled: 'canceled', cancelled: 'canceled',
};

/** The UCI log's invalid state: 5 rows in 2 incidents, each between two valid states. */
const invalidStateValue = '-100';
const invalidStateReason = 'invalid state -100 (not a ServiceNow state): row dropped, the previous state carries on';
const missing = '?';

/**
 * Reads a ServiceNow incident export in which each row is an audit snapshot of one incident
 * (the UCI incident event log is one), streaming it row by row and holding one incident at a
 * time. Rows of an incident must be contiguous. Times carry no offset, so a zone is required.
 */
export async function* readServiceNow(input: ByteStream, options: ImportOptions): AsyncGenerator<ImportRecord> {
  const factory = new RecordFactory();
  const instants = new InstantReader(options.zone, options.dateOrder ?? 'dmy');
  const resolveStatus = createStatusResolver(serviceNowStatuses, options.statusMap);
  let columns: CsvColumns | undefined;
  let col: Record<string, number | undefined> = {};
  let current: IncidentTrack | undefined;
  const finished = new Set<string>();
  let rowsRead = 0;

  const flush = function* (): Generator<ImportRecord> {
    if (!current) return;
    finished.add(current.number);
    if (current.header) {
      const header = current.madeSla === undefined ? current.header : { ...current.header, sourceSla: { resolutionMet: current.madeSla } };
      yield factory.ticket(header, { line: current.headerLine });
    }
    yield* current.records;
    current = undefined;
  };

  for await (const { line, fields } of readCsvRows(input, options.fileName)) {
    if (!columns) {
      columns = new CsvColumns(fields);
      col = {
        number: columns.index('number'),
        state: columns.index('incident_state', 'state'),
        updatedAt: columns.index('sys_updated_at', 'sys_updated_on'),
        openedAt: columns.index('opened_at'),
        priority: columns.index('priority'),
        channel: columns.index('contact_type'),
        category: columns.index('category'),
        technology: columns.index('cmdb_ci'),
        madeSla: columns.index('made_sla'),
        updatedBy: columns.index('sys_updated_by'),
        openedBy: columns.index('opened_by'),
        group: columns.index('assignment_group'),
        assignee: columns.index('assigned_to'),
        holdReason: columns.index('hold_reason'),
      };
      if (col.state === undefined) requireColumns(columns, ['incident_state'], options.fileName, 'ServiceNow incident export');
      if (col.updatedAt === undefined) requireColumns(columns, ['sys_updated_at'], options.fileName, 'ServiceNow incident export');
      requireColumns(columns, ['number', 'opened_at'], options.fileName, 'ServiceNow incident export');
      yield {
        type: 'notice',
        code: 'first-response-proxy',
        message: 'ServiceNow: the export has no comments, so agent_replied is a proxy: the first move of each incident out of New',
      };
      yield { type: 'notice', code: 'source-sla', message: "ServiceNow: made_sla of each incident's last row is kept as the source's own verdict, to reconcile only" };
      continue;
    }
    rowsRead++;
    const place = { line };
    if (fields.length !== columns.header.length) {
      yield factory.skip(place, 'row has a different number of fields than the header', undefined, `${fields.length} fields, header has ${columns.header.length}`);
      continue;
    }
    const get = (index: number | undefined): string | undefined => cell(fields, index, missing);
    const number = get(col.number);
    if (number === undefined) {
      yield factory.skip(place, 'missing number', 'number');
      continue;
    }
    if (current?.number !== number) {
      yield* flush();
      if (finished.has(number)) {
        yield factory.skip(place, 'incident rows are not contiguous (sort the export by number)', 'number', number);
        continue;
      }
      current = new IncidentTrack(number);
    }
    const incident = current!;
    const skip = (field: string, reason: string, value?: string): void => {
      incident.records.push(factory.skip(place, reason, field, value));
    };
    const updatedColumn = columns.header[col.updatedAt!]!.trim();

    const stateText = get(col.state);
    let status = stateText === undefined ? undefined : resolveStatus(stateText);
    if (status === undefined) {
      const reason = stateText === undefined ? 'missing incident_state' : stateText === invalidStateValue ? invalidStateReason : 'unknown incident_state: row dropped (map it with statusMap)';
      skip('incident_state', reason, stateText);
      continue;
    }
    // "On Hold" with reason Awaiting Caller (hold_reason 1) waits on the customer, not a third party.
    const holdReason = get(col.holdReason)?.toLowerCase();
    if (status === 'on_hold_third_party' && (holdReason === '1' || holdReason === 'awaiting caller')) status = 'pending_customer';

    const updatedText = get(col.updatedAt);
    const updated = updatedText === undefined ? { reason: `missing ${updatedColumn}` } : instants.read(updatedText);
    if (updated.reason !== undefined) {
      skip(updatedColumn, updated.reason, updatedText);
      continue;
    }
    let openedAt = incident.header?.createdAt;
    if (openedAt === undefined) {
      const openedText = get(col.openedAt);
      const opened = openedText === undefined ? { reason: 'missing opened_at' } : instants.read(openedText);
      if (opened.reason !== undefined) {
        skip('opened_at', opened.reason, openedText);
        continue;
      }
      openedAt = opened.at;
    }
    const madeSla = get(col.madeSla)?.toLowerCase();
    const reason = incident.apply(
      {
        line,
        fields,
        at: updated.at,
        openedAt,
        status,
        priority: rawCell(fields, col.priority, missing),
        assignment: `${get(col.group) ?? ''}\u0000${get(col.assignee) ?? ''}`,
        actor: get(col.updatedBy),
        openedBy: get(col.openedBy),
        channel: get(col.channel),
        category: get(col.category),
        technology: get(col.technology),
        madeSla: madeSla === 'true' ? true : madeSla === 'false' ? false : undefined,
        source: `servicenow:${options.fileName}:${line}`,
      },
      factory,
    );
    if (reason !== undefined) skip(updatedColumn, reason, updatedText);
  }
  yield* flush();
  yield { type: 'end', rowsRead, instantsWithOffset: instants.instantsWithOffset, instantsInGivenZone: instants.instantsInGivenZone };
}
