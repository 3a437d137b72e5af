import { readFileSync } from 'node:fs';
import { parseContract } from '../../contract/parse-contract.js';
import type { Contract } from '../../contract/schema/contract-schema.js';
import { sortTicketEvents, type EventKind, type TicketEvent, type TicketStatus } from '../../tickets/ticket-event.js';
import { exampleContractPath, type ExampleContractName } from '../../../../test/support/examples.js';

/** Epoch seconds of an ISO instant with offset: `at('2027-03-01T09:15:00-08:00')`. */
export function at(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad instant in test: ${iso}`);
  return ms / 1000;
}

export function loadExample(name: ExampleContractName, edit: (text: string) => string = (t) => t): Contract {
  const path = exampleContractPath(name);
  return parseContract(edit(readFileSync(path, 'utf8')), path).contract;
}

type Extra = { priority?: string; status?: TicketStatus; channel?: string; category?: string; technology?: string };

/** Builds one ticket's events compactly: `ticket('T-1', ['2027-03-01T09:15:00-08:00', 'created', { priority: 'high' }], ...)`. */
export function ticket(id: string, ...rows: [string, EventKind, Extra?][]): TicketEvent[] {
  return sortTicketEvents(rows.map(([iso, kind, extra], seq) => ({ ticket: id, at: at(iso), kind, id: `${id}-${seq}`, seq, ...(extra ?? {}) })));
}
