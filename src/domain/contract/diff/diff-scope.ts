import type { Contract } from '../schema/contract-schema.js';
import type { ContractChange } from './contract-change.js';
import { recordChanges } from './change-recorder.js';
import { matchItems, matchRecords } from './match-items.js';
import { durationKind, listKind, textKind } from './value-kinds.js';

/** Services, exclusions, technologies, channels and data access; more work in scope favours the client: dropping a service reads `Removed service account-access (was ...)`, for the vendor. */
export function diffScope(before: Contract, after: Contract): ContractChange[] {
  const r = recordChanges('scope');
  const [o, n] = [before.scope, after.scope];

  for (const [list, noun, added] of [['services', 'Service', 'client'], ['excluded', 'Excluded service', 'vendor']] as const) {
    for (const m of matchItems(o?.[list], n?.[list], (s) => s.id)) {
      const path = `scope.${list}[${m.key}]`;
      const label = `${noun} ${m.key}`;
      if (!m.old || !m.new) r.item(path, label, m.old && (m.old.description ?? m.old.id), m.new && (m.new.description ?? m.new.id), added);
      else r.field(`${path}.description`, `${label} description`, textKind, m.old.description, m.new.description);
    }
  }

  const [ot, nt] = [o?.technologies, n?.technologies];
  r.field('scope.technologies.ticketing.system', 'Ticketing system', textKind, ot?.ticketing?.system, nt?.ticketing?.system);
  r.field('scope.technologies.ticketing.owner', 'Owner of the ticketing system', textKind, ot?.ticketing?.owner, nt?.ticketing?.owner);
  for (const m of matchItems(ot?.operatingSystems, nt?.operatingSystems, (os) => os.name)) {
    const path = `scope.technologies.operatingSystems[${m.key}]`;
    const versions = (v: readonly string[] | undefined): string => (v && v.length > 0 ? `versions ${v.join(', ')}` : 'all versions');
    if (!m.old || !m.new) r.item(path, `Operating system ${m.key}`, m.old && versions(m.old.versions), m.new && versions(m.new.versions), 'client');
    else r.field(`${path}.versions`, `${m.key} versions`, listKind, m.old.versions ?? [], m.new.versions ?? [], { higher: 'client' });
  }
  r.field('scope.technologies.applications', 'Supported applications', listKind, ot?.applications ?? [], nt?.applications ?? [], { higher: 'client' });
  r.field('scope.technologies.devices', 'Supported devices', listKind, ot?.devices ?? [], nt?.devices ?? [], { higher: 'client' });

  for (const m of matchRecords(o?.channels, n?.channels)) {
    const path = `scope.channels.${m.key}`;
    const words = (c: { coverage?: string; languages?: string[] }): string => `${c.coverage ? `${c.coverage} hours` : 'no stated hours'}${c.languages ? ` in ${c.languages.join(', ')}` : ''}`;
    if (!m.old || !m.new) {
      r.item(path, `Channel ${m.key}`, m.old && words(m.old), m.new && words(m.new), 'client');
      continue;
    }
    r.field(`${path}.coverage`, `${m.key} channel coverage`, textKind, m.old.coverage, m.new.coverage);
    r.field(`${path}.languages`, `${m.key} channel languages`, listKind, m.old.languages ?? [], m.new.languages ?? [], { higher: 'client' });
  }

  const [oa, na] = [o?.dataAccess, n?.dataAccess];
  r.field('scope.dataAccess.allowedCategories', 'Data the vendor may access', listKind, oa?.allowedCategories ?? [], na?.allowedCategories ?? []);
  r.field('scope.dataAccess.prohibitedCategories', 'Data the vendor must never access', listKind, oa?.prohibitedCategories ?? [], na?.prohibitedCategories ?? [], { higher: 'client' });
  r.field('scope.dataAccess.safeguards', 'Required access safeguards', listKind, oa?.safeguards ?? [], na?.safeguards ?? [], { higher: 'client' });
  // A longer interval between access reviews is a weaker control.
  r.field('scope.dataAccess.reviewEvery', 'Vendor access review interval', durationKind, oa?.reviewEvery, na?.reviewEvery, { higher: 'vendor', added: 'client' });
  return r.changes;
}
