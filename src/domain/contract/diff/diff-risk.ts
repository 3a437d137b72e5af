import type { Contract } from '../schema/contract-schema.js';
import type { ContractChange, Favours } from './contract-change.js';
import { recordChanges } from './change-recorder.js';
import { matchItems } from './match-items.js';
import { amountKind, booleanKind, dateKind, durationKind, integerKind, listKind, monthsKind, textKind } from './value-kinds.js';

/**
 * Ownership moving from one party to the other favours the new owner; a move to or from
 * `joint` is left unclear. Adding `workProduct: client` favours the client; removing it, the vendor.
 */
function ownerFavours(before: string | undefined, after: string | undefined): { added?: Favours; changed?: Favours } {
  const party = (v: string | undefined): Favours | undefined => (v === 'client' || v === 'vendor' ? v : undefined);
  if (before !== undefined && after !== undefined) return party(before) && party(after) ? { changed: party(after) as Favours } : {};
  const named = party(after ?? before);
  return named ? { added: named } : {};
}

/** Security, compliance, breach notice, confidentiality, insurance, IP, indemnities and liability: `Vendor reports a breach within: 24 hours -> 48 hours` is for the vendor. */
export function diffRisk(before: Contract, after: Contract): ContractChange[] {
  const r = recordChanges('risk');
  const [o, n] = [before.risk, after.risk];
  const client = { higher: 'client', added: 'client' } as const;

  r.field('risk.dataSecurity.standards', 'Security standards', listKind, o?.dataSecurity?.standards ?? [], n?.dataSecurity?.standards ?? [], { higher: 'client' });
  r.field('risk.dataSecurity.encryption.atRest', 'Encryption at rest', textKind, o?.dataSecurity?.encryption?.atRest, n?.dataSecurity?.encryption?.atRest);
  r.field('risk.dataSecurity.encryption.inTransit', 'Encryption in transit', textKind, o?.dataSecurity?.encryption?.inTransit, n?.dataSecurity?.encryption?.inTransit);
  r.field('risk.dataSecurity.backgroundChecks', 'Background checks of vendor staff', booleanKind, o?.dataSecurity?.backgroundChecks, n?.dataSecurity?.backgroundChecks, client);

  r.field('risk.compliance.regulations', 'Applicable regulations', listKind, o?.compliance?.regulations ?? [], n?.compliance?.regulations ?? []);
  r.field('risk.compliance.ccpaServiceProviderTerms', 'CCPA service-provider terms', booleanKind, o?.compliance?.ccpaServiceProviderTerms, n?.compliance?.ccpaServiceProviderTerms, client);
  r.field('risk.compliance.subprocessors.requireApproval', 'Client approval of subprocessors', booleanKind, o?.compliance?.subprocessors?.requireApproval, n?.compliance?.subprocessors?.requireApproval, client);

  const [ob, nb] = [o?.breachNotification, n?.breachNotification];
  r.field('risk.breachNotification.vendorToClient', 'Vendor reports a breach within', durationKind, ob?.vendorToClient, nb?.vendorToClient, { higher: 'vendor', added: 'client' });
  r.field('risk.breachNotification.content', 'Breach report content', listKind, ob?.content ?? [], nb?.content ?? [], { higher: 'client' });
  const [oag, nag] = [ob?.regulator?.californiaAttorneyGeneral, nb?.regulator?.californiaAttorneyGeneral];
  r.field('risk.breachNotification.regulator.californiaAttorneyGeneral.whenResidentsOver', 'Attorney General notice above residents', integerKind, oag?.whenResidentsOver, nag?.whenResidentsOver);
  r.field('risk.breachNotification.regulator.californiaAttorneyGeneral.within', 'Attorney General notice within', durationKind, oag?.within, nag?.within);
  r.field('risk.breachNotification.individuals.within', 'Affected individuals notified within', durationKind, ob?.individuals?.within, nb?.individuals?.within);
  r.field('risk.confidentiality.survives', 'Confidentiality survives', durationKind, o?.confidentiality?.survives, n?.confidentiality?.survives, client);

  const money = amountKind(after.currency);
  for (const m of matchItems(o?.insurance, n?.insurance, (i) => i.type)) {
    const path = `risk.insurance[${m.key}]`;
    const label = `${m.key.replace(/-/g, ' ')} insurance`.replace(/^./, (c) => c.toUpperCase());
    if (!m.old || !m.new) {
      r.item(path, label, m.old && `at least ${money.format(m.old.minimum)}`, m.new && `at least ${money.format(m.new.minimum)}`, 'client');
      continue;
    }
    r.field(`${path}.minimum`, `${label} minimum`, money, m.old.minimum, m.new.minimum, { higher: 'client' });
    r.field(`${path}.certificateExpires`, `${label} certificate expires`, dateKind, m.old.certificateExpires, m.new.certificateExpires);
  }

  const [oip, nip] = [o?.intellectualProperty, n?.intellectualProperty];
  r.field('risk.intellectualProperty.workProduct', 'Work product belongs to', textKind, oip?.workProduct, nip?.workProduct, ownerFavours(oip?.workProduct, nip?.workProduct));
  r.field('risk.intellectualProperty.preExistingTools', 'Pre-existing tools belong to', textKind, oip?.preExistingTools, nip?.preExistingTools, ownerFavours(oip?.preExistingTools, nip?.preExistingTools));
  r.field('risk.intellectualProperty.license.to', 'Licence granted to', textKind, oip?.license?.to, nip?.license?.to);
  r.field('risk.intellectualProperty.license.scope', 'Licence scope', textKind, oip?.license?.scope, nip?.license?.scope);

  r.field('risk.indemnification.vendor', 'Vendor indemnifies against', listKind, o?.indemnification?.vendor ?? [], n?.indemnification?.vendor ?? [], { higher: 'client' });
  r.field('risk.indemnification.client', 'Client indemnifies against', listKind, o?.indemnification?.client ?? [], n?.indemnification?.client ?? [], { higher: 'vendor' });
  r.field('risk.liability.cap.monthsOfFees', 'Liability cap', monthsKind, o?.liability?.cap?.monthsOfFees, n?.liability?.cap?.monthsOfFees, { higher: 'client', context: 'of fees' });
  r.field('risk.liability.cap.amount', 'Liability cap', money, o?.liability?.cap?.amount, n?.liability?.cap?.amount, { higher: 'client' });
  r.field('risk.liability.excluded', 'Excluded from the liability cap', listKind, o?.liability?.excluded ?? [], n?.liability?.excluded ?? [], { higher: 'client' });
  return r.changes;
}
