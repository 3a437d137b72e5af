/** An in-memory store holding the northstar example, for use-case tests of the lifecycle and risk registers. */
import { readFileSync } from 'node:fs';
import { openStore, type OpenedStore } from '../../src/adapters/store/open-store.js';
import { addContractVersion } from '../../src/app/add-contract-version.js';
import { parseInstantText } from '../../src/domain/time/index.js';
import { exampleContractPath } from './examples.js';

export const northstarId = 'acme-northstar-2027';

/** 2027-01-15T08:00:00Z: when the fixture stores the contract. */
export const storedAt = 1_800_000_000;

export async function openNorthstarStore(): Promise<OpenedStore> {
  const store = await openStore({ dataDir: 'memory://' });
  const path = exampleContractPath('northstar-tiered');
  await addContractVersion(store, { text: readFileSync(path, 'utf8'), file: path, now: storedAt, actor: 'test' });
  return store;
}

/** Epoch seconds of an ISO-8601 instant with its offset: `at('2027-03-05T22:00:00-08:00')`. */
export function at(text: string): number {
  const value = parseInstantText(text);
  if (value === undefined) throw new Error(`not an instant with an offset: ${text}`);
  return value;
}

/** Empties the registers and the audit log between tests that share one store (opening one takes seconds). */
export async function clearRegisters(store: OpenedStore): Promise<void> {
  for (const table of ['breach_incidents', 'insurance_certificates', 'access_events', 'contract_events', 'exit_progress', 'audit_log']) await store.queryRaw(`DELETE FROM ${table}`);
}
