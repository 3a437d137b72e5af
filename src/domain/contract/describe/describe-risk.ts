import { describeDuration } from '../../time/duration.js';
import type { Contract } from '../schema/contract-schema.js';
import { formatAmount, sentenceCase, listWords, section, type ScheduleSection } from './schedule.js';

/** Risk terms in words and tables. */
export function describeRisk(contract: Contract): ScheduleSection {
  const risk = contract.risk;
  if (!risk) return { ...section('risk', 'Risk', []), missing: 'No risk terms: security, breach notification, insurance and liability are not defined.' };
  const breach = risk.breachNotification;
  const ag = breach?.regulator?.californiaAttorneyGeneral;
  const ip = risk.intellectualProperty;
  const cap = risk.liability?.cap;
  return section(
    'risk',
    'Risk',
    [
      risk.dataSecurity?.standards && `The vendor keeps to ${listWords(risk.dataSecurity.standards)}.`,
      risk.dataSecurity?.encryption && `Data is encrypted${risk.dataSecurity.encryption.atRest ? ` at rest with ${risk.dataSecurity.encryption.atRest}` : ''}${risk.dataSecurity.encryption.inTransit ? ` and in transit with ${risk.dataSecurity.encryption.inTransit}` : ''}.`,
      risk.dataSecurity?.backgroundChecks && 'Vendor staff are background-checked.',
      risk.compliance?.regulations && `Applicable regulations: ${listWords(risk.compliance.regulations)}.`,
      risk.compliance?.ccpaServiceProviderTerms === true && 'The CCPA service-provider terms (11 CCR 7051) are part of the agreement.',
      risk.compliance?.subprocessors?.requireApproval && 'Subprocessors need the client\'s approval.',
      breach && `The vendor reports a breach involving client data within ${describeDuration(breach.vendorToClient)} of discovering it${breach.content ? `, stating ${listWords(breach.content)}` : ''}.`,
      breach?.individuals && `Affected individuals are notified within ${describeDuration(breach.individuals.within)} (California Civil Code 1798.82).`,
      ag && `When more than ${ag.whenResidentsOver} California residents are notified, a sample notice goes to the Attorney General within ${ag.within ? describeDuration(ag.within) : '15 days'}.`,
      risk.confidentiality?.survives && `Confidentiality survives ${describeDuration(risk.confidentiality.survives)} after the agreement ends.`,
      ip?.workProduct && `Work product belongs to the ${ip.workProduct}${ip.preExistingTools ? `; pre-existing tools stay with the ${ip.preExistingTools}` : ''}${ip.license ? `; the ${ip.license.to} receives ${ip.license.scope}` : ''}.`,
      risk.indemnification?.vendor && `The vendor indemnifies against ${listWords(risk.indemnification.vendor.map((x) => x.replace(/-/g, ' ')))}.`,
      risk.indemnification?.client && `The client indemnifies against ${listWords(risk.indemnification.client.map((x) => x.replace(/-/g, ' ')))}.`,
      cap && `Liability is capped at ${cap.monthsOfFees !== undefined ? `${cap.monthsOfFees} months of fees` : formatAmount(contract.currency, cap.amount ?? '0')}${risk.liability?.excluded ? `, except for ${listWords(risk.liability.excluded.map((x) => x.replace(/-/g, ' ')))}, which are not capped` : ''}.`,
    ],
    [
      {
        caption: 'Insurance the vendor must carry',
        columns: ['Type', 'Minimum cover', 'Certificate expires'],
        rows: (risk.insurance ?? []).map((i) => [sentenceCase(i.type.replace(/-/g, ' ')), formatAmount(contract.currency, i.minimum), i.certificateExpires ?? '—']),
      },
    ],
  );
}
