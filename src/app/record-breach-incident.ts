import type { StoreSession, StoredBreachIncident } from './ports/index.js';
import { SupportPactError } from '../domain/errors/index.js';
import { evaluateBreachIncident, type BreachIncidentResult } from '../domain/risk/index.js';
import { breachAuditPayload, checkBreachIncidentFacts, sameBreachFacts, type BreachIncidentFacts } from './breach-incident-input.js';
import { loadStoredContract } from './load-stored-contract.js';

export interface RecordBreachIncidentRequest {
  readonly contractId: string;
  /** Default: the next free `BR-<n>` of the contract. */
  readonly id?: string;
  readonly facts: BreachIncidentFacts;
  readonly now: number;
  readonly actor: string;
}

export interface RecordedBreachIncident {
  readonly incident: StoredBreachIncident;
  /** False when the same facts were already recorded (a re-run changes nothing). */
  readonly created: boolean;
  /** Its deadlines as of `now`. */
  readonly evaluation: BreachIncidentResult;
}

/**
 * Adds an incident to the contract's breach register and the audit log, and evaluates its
 * deadlines: a Northstar incident discovered 2027-03-05T22:00-08:00 is stored as `BR-1`, its
 * vendor-to-client notice due 2027-03-06T22:00-08:00. Recording the same facts again returns
 * the stored incident with `created: false`; an id already holding other facts is a CONFLICT
 * (change an incident with `updateBreachIncident`).
 */
export async function recordBreachIncident(store: StoreSession, request: RecordBreachIncidentRequest): Promise<RecordedBreachIncident> {
  checkBreachIncidentFacts(request.facts);
  const { loaded } = await loadStoredContract(store, request.contractId);
  const contract = loaded.contract;
  return store.transaction(async (session) => {
    const existing = await session.breachIncidents.listBreachIncidents(request.contractId);
    const same = existing.find((i) => (request.id === undefined || i.id === request.id) && sameBreachFacts(i, request.facts));
    if (same) return { incident: same, created: false, evaluation: evaluateBreachIncident(contract, same, request.now) };
    if (request.id !== undefined && existing.some((i) => i.id === request.id)) {
      throw new SupportPactError('CONFLICT', `breach incident ${request.id} is already recorded with other facts`, {
        problems: [{ message: `${request.id} exists for ${request.contractId}`, path: ['id'], hint: `change it with \`supportpact breach update ${request.id} ...\`, or record a new incident without --id` }],
      });
    }
    const taken = new Set(existing.map((i) => i.id));
    let id = request.id;
    for (let n = existing.length + 1; id === undefined; n++) if (!taken.has(`BR-${n}`)) id = `BR-${n}`;
    const incident: StoredBreachIncident = { ...request.facts, id, recordedAt: request.now, updatedAt: request.now };
    // Evaluate before saving: malformed instants fail here, with their field paths.
    const evaluation = evaluateBreachIncident(contract, incident, request.now);
    await session.breachIncidents.saveBreachIncident(request.contractId, incident);
    await session.audit.appendAudit({ contractId: request.contractId, at: request.now, actor: request.actor, action: 'breach.recorded', subject: `breach:${request.contractId}/${id}`, payload: breachAuditPayload(incident) });
    return { incident, created: true, evaluation };
  });
}
