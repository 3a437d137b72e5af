import { fixedTemplate } from './fixed-template.js';
import { perIncidentTemplate } from './per-incident-template.js';
import { tieredTemplate } from './tiered-template.js';

/** The starting contracts `supportpact init` can write, by pricing model. */
export const contractTemplateNames = ['tiered', 'per-incident', 'fixed'] as const;
export type ContractTemplateName = (typeof contractTemplateNames)[number];

const templates: Record<ContractTemplateName, string> = {
  tiered: tieredTemplate,
  'per-incident': perIncidentTemplate,
  fixed: fixedTemplate,
};

/**
 * The commented YAML text of a starting contract: `contractTemplate('tiered')` is a complete
 * contract with a base fee and graduated bands that loads and passes `check` with no errors
 * or warnings (one info: it is not signed yet).
 */
export function contractTemplate(name: ContractTemplateName): string {
  return templates[name];
}
