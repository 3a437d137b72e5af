import type { StoreSession, StoredBreachIncident } from './ports/index.js';
import { SupportPactError } from '../domain/errors/index.js';
import { evaluateBreachIncident, type BreachIncidentResult } from '../domain/risk/index.js';
import { breachAuditPayload, checkBreachIncidentFacts, type BreachIncidentFacts } from './breach-incident-input.js';
import { loadStoredContract } from './load-stored-contract.js';

export interface UpdateBreachIncidentRequest {
  readonly incidentId: string;
  /** Needed only when several contracts hold an incident with this id. */
  readonly contractId?: string;
  /** The facts to change; the others stay as recorded. */
  readonly changes: Partial<BreachIncidentFacts>;
  readonly now: number;
  readonly actor: string;
}

export interface UpdatedBreachIncident {
  readonly contractId: string;
  readonly incident: StoredBreachIncident;
  /** Names of the facts that changed; empty when the update changed nothing. */
  readonly changed: readonly string[];
  readonly evaluation: BreachIncidentResult;
}

async function locate(store: StoreSession, request: UpdateBreachIncidentRequest): Promise<{ contractId: string; incident: StoredBreachIncident }> {
  if (request.contractId !== undefined) {
    const incident = await store.breachIncidents.getBreachIncident(request.contractId, request.incidentId);
    if (incident) return { contractId: request.contractId, incident };
  } else {
    const found = await store.breachIncidents.findBreachIncident(request.incidentId);
    if (found.length === 1) return found[0]!;
    if (found.length > 1) {
      throw new SupportPactError('USAGE', `breach incident ${request.incidentId} exists for ${found.length} contracts`, {
        problems: [{ message: `contracts: ${found.map((f) => f.contractId).join(', ')}`, path: ['contract'], hint: 'name the contract with --contract' }],
      });
    }
  }
  throw new SupportPactError('NOT_FOUND', `no breach incident ${request.incidentId}${request.contractId ? ` for ${request.contractId}` : ''}`, {
    problems: [{ message: `unknown incident "${request.incidentId}"`, hint: 'list the register with `supportpact breach list --contract <id>`' }],
  });
}

/**
 * Changes recorded facts of an incident (typically the notices as they are given) and
 * appends an audit entry naming the changed fields: recording individuals notified on
 * 2027-04-02 turns its `individuals` deadline from pending to met. An update that changes
 * nothing writes nothing.
 */
export async function updateBreachIncident(store: StoreSession, request: UpdateBreachIncidentRequest): Promise<UpdatedBreachIncident> {
  return store.transaction(async (session) => {
    const { contractId, incident } = await locate(session, request);
    const { loaded } = await loadStoredContract(session, contractId);
    const next: StoredBreachIncident = { ...incident, ...request.changes, id: incident.id, recordedAt: incident.recordedAt, updatedAt: request.now };
    checkBreachIncidentFacts(next);
    const changed = (Object.keys(request.changes) as (keyof BreachIncidentFacts)[]).filter((key) => JSON.stringify(incident[key]) !== JSON.stringify(next[key]));
    if (changed.length === 0) return { contractId, incident, changed, evaluation: evaluateBreachIncident(loaded.contract, incident, request.now) };
    const evaluation = evaluateBreachIncident(loaded.contract, next, request.now);
    await session.breachIncidents.saveBreachIncident(contractId, next);
    await session.audit.appendAudit({ contractId, at: request.now, actor: request.actor, action: 'breach.updated', subject: `breach:${contractId}/${incident.id}`, payload: { changed, ...breachAuditPayload(next) } });
    return { contractId, incident: next, changed, evaluation };
  });
}
