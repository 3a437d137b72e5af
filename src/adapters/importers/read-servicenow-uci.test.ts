import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportSummaryAccumulator } from './import-summary.js';
import { openImportFile } from './open-import-file.js';
import { readImport } from './read-import.js';
import { fixturesDir } from './test-support/import-fixture.js';

/** The real UCI incident event log, in `shared/datasets/` beside the checkout (shared/README.md). */
const logPath = resolve(fixturesDir, '../../../../shared/datasets/incident_event_log.csv.gz');

describe('readServiceNow on the whole UCI incident event log', () => {
  it('imports every incident and row, and drops only the rows it reports', async () => {
    expect(existsSync(logPath), `${logPath} is part of the shared material every checkout has`).toBe(true);
    const options = { fileName: 'incident_event_log.csv.gz', zone: 'America/Sao_Paulo' };
    const summary = new ImportSummaryAccumulator('servicenow', options);
    const ticketIds = new Set<string>();
    const eventIds = new Set<string>();
    for await (const record of readImport('servicenow', await openImportFile(logPath), options)) {
      summary.add(record);
      if (record.type === 'ticket') ticketIds.add(record.header.ticket);
      if (record.type === 'event') eventIds.add(record.event.id);
    }
    const result = summary.summary();
    // 141,712 rows and 24,918 incidents: datasets/README.md and the UCI page.
    expect(result).toMatchObject({ rowsRead: 141_712, tickets: 24_918, complete: true });
    expect(ticketIds.size).toBe(24_918);
    expect(eventIds.size).toBe(result.events);
    // Counts checked against an independent Python reading of the same file.
    expect(result.events).toBe(156_327);
    expect(result.eventsByKind).toEqual({
      created: 24_918,
      agent_replied: 24_918,
      solved: 25_236,
      closed: 24_930,
      reopened: 331,
      status_changed: 22_037,
      priority_changed: 436,
      assigned: 33_521,
    });
    expect(result.skips.map((s) => [s.field, s.reason, s.count, s.places.map((p) => p.line)])).toEqual([
      ['sys_updated_at', "update earlier than opened_at, the incident's creation: row dropped", 2, [336, 351]],
      ['incident_state', 'invalid state -100 (not a ServiceNow state): row dropped, the previous state carries on', 5, [115643, 115644, 124509, 124510, 124511]],
    ]);
    expect(result.rawPriorities.map((p) => p.value).sort()).toEqual(['1 - Critical', '2 - High', '3 - Moderate', '4 - Low']);
    expect(result.zone).toMatchObject({ given: 'America/Sao_Paulo', basis: 'assumed', instantsWithOffset: 0 });
  });
});
