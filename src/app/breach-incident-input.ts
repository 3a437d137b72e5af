import type { Problem } from '../domain/errors/index.js';
import { SupportPactError } from '../domain/errors/index.js';
import type { BreachIncident } from '../domain/risk/index.js';

/** The facts of an incident as a user records them (the id and bookkeeping are the register's). */
export type BreachIncidentFacts = Omit<BreachIncident, 'id'> & { readonly description?: string };

const notices = [
  ['vendorNotifiedClientAt', 'the vendor notified the client'],
  ['individualsNotifiedAt', 'individuals were notified'],
  ['attorneyGeneralNotifiedAt', 'the Attorney General was notified'],
] as const;

/**
 * Checks what the domain rules cannot: counts are whole and not negative, no notice precedes
 * the discovery, and the residents affected are not more than the records affected.
 * Throws USAGE naming each field at fault.
 */
export function checkBreachIncidentFacts(facts: BreachIncidentFacts): void {
  const problems: Problem[] = [];
  for (const key of ['recordsAffected', 'californiaResidentsAffected'] as const) {
    if (!Number.isSafeInteger(facts[key]) || facts[key] < 0) problems.push({ message: `${key} ${String(facts[key])} is not a whole number of 0 or more`, path: [key], hint: 'give a count such as 1180' });
  }
  if (problems.length === 0 && facts.californiaResidentsAffected > facts.recordsAffected) {
    problems.push({ message: `${facts.californiaResidentsAffected} California residents affected is more than the ${facts.recordsAffected} records affected`, path: ['californiaResidentsAffected'], hint: 'each affected resident has at least one record' });
  }
  for (const [key, words] of notices) {
    const at = facts[key];
    if (at !== undefined && at < facts.discoveredAt) problems.push({ message: `${words} before the breach was discovered`, path: [key], hint: 'check the instant and its UTC offset' });
  }
  if (facts.dataCategories.some((c) => c.trim() === '')) problems.push({ message: 'a data category is empty', path: ['dataCategories'], hint: 'list categories like contact-details,account-metadata' });
  if (problems.length > 0) throw new SupportPactError('USAGE', problems[0]!.message, { problems });
}

/** Whether two incidents record the same facts (for re-runs that change nothing). */
export function sameBreachFacts(a: BreachIncidentFacts, b: BreachIncidentFacts): boolean {
  return (
    a.discoveredAt === b.discoveredAt &&
    a.clientDataInvolved === b.clientDataInvolved &&
    a.recordsAffected === b.recordsAffected &&
    a.californiaResidentsAffected === b.californiaResidentsAffected &&
    a.dataCategories.join('\n') === b.dataCategories.join('\n') &&
    a.vendorNotifiedClientAt === b.vendorNotifiedClientAt &&
    a.individualsNotifiedAt === b.individualsNotifiedAt &&
    a.attorneyGeneralNotifiedAt === b.attorneyGeneralNotifiedAt &&
    (a.lawEnforcementDelay === true) === (b.lawEnforcementDelay === true) &&
    a.description === b.description
  );
}

/** The incident as an audit payload (instants stay epoch seconds). */
export function breachAuditPayload(incident: BreachIncident & { readonly description?: string }): { [key: string]: string | number | boolean | string[] | null } {
  return {
    discoveredAt: incident.discoveredAt,
    clientDataInvolved: incident.clientDataInvolved,
    recordsAffected: incident.recordsAffected,
    californiaResidentsAffected: incident.californiaResidentsAffected,
    dataCategories: [...incident.dataCategories],
    vendorNotifiedClientAt: incident.vendorNotifiedClientAt ?? null,
    individualsNotifiedAt: incident.individualsNotifiedAt ?? null,
    attorneyGeneralNotifiedAt: incident.attorneyGeneralNotifiedAt ?? null,
    lawEnforcementDelay: incident.lawEnforcementDelay === true,
    description: incident.description ?? null,
  };
}
