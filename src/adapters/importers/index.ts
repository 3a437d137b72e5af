/**
 * Importers: the only code that reads source formats. Each maps one export into the canonical
 * event model of `src/domain/tickets` (TicketHeader, TicketEvent, Outage, VendorReportDelivery).
 * They parse and map only: storage, the CLI and contract mapping (`mapFrom`) sit on top.
 *
 * Interface
 *   const input = await openImportFile(path);             // file bytes, gunzipped if they start with 1f 8b
 *   const summary = new ImportSummaryAccumulator(source, options);
 *   for await (const record of readImport(source, input, options)) {
 *     summary.add(record);
 *     // 'ticket' -> upsert the header; 'event' -> upsert by (ticket, event.id); 'outage', 'vendor-report'
 *   }
 *   summary.summary()   // rows, tickets, events by kind, skips by reason with lines, zone basis, raw priorities, notices
 *   readImportBatches(source, input, options)             // the same records as arrays, for bulk consumers
 *
 * Records (ImportRecord), in stream order:
 *   ticket         first sight of a ticket's attributes (priority at creation, channel, category,
 *                  technology) and the source's own SLA verdicts (`sourceSla`, to reconcile only)
 *   event          one TicketEvent; `id` is the source's event id or a content digest, so
 *                  re-importing a file, or an overlapping export, yields the same ids
 *   outage, vendor-report
 *   skip           a bad or deliberately dropped row: line, JSON path, field, fixed reason, value
 *   notice         a fact about the whole import: a proxy used, something the source lacks
 *   end            always last: rows read, instants with an offset vs placed in the given zone
 *
 * Rules
 *   - Streaming: CSV (csv-parse) and JSON Lines are read record by record and memory stays
 *     flat; a JSON source written as one document (a Zendesk page, a Zammad dump) is parsed
 *     per document, up to 256 MiB. ServiceNow holds one incident (at most 58 rows in the UCI log).
 *   - Zones: a time without offset is placed in `options.zone`; UTC is never assumed. Sources that
 *     never carry offsets (servicenow, jira) throw USAGE without a zone; canonical rows without
 *     an offset are skipped when no zone is given; the Freshdesk CSV fails at the first such time.
 *   - `seq` counts events in emission order per import, so same-second events keep source order.
 *   - Priorities stay raw (`"3 - Moderate"`, `"4"`, `"Urgent"`); `mapFrom` is applied later.
 *   - Errors: USAGE for bad options, IMPORT_INVALID for a file that is not of the named kind
 *     (missing column, malformed CSV/JSON), INPUT_NOT_FOUND / INPUT_UNREADABLE for files.
 *
 * docs/import-formats.md describes every format and mapping.
 */
export { importSources } from './import-types.js';
export type {
  ByteStream,
  EndRecord,
  EventRecord,
  ImportOptions,
  ImportRecord,
  ImportSource,
  NoticeRecord,
  OutageRecord,
  RecordPlace,
  SkipRecord,
  TicketRecord,
  VendorReportRecord,
} from './import-types.js';
export { checkImportOptions, readImport, readImportBatches } from './read-import.js';
export { gunzipIfCompressed, openImportFile } from './open-import-file.js';
export { ImportSummaryAccumulator, maxPlacesPerSkipGroup, problemsOfSkips } from './import-summary.js';
export type { ImportSummary, SkipGroup, ZoneUse } from './import-summary.js';
export { canonicalFields } from './map-canonical-row.js';
export { maxJsonDocumentChars } from './read-json-documents.js';
