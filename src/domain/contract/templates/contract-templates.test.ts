import { describe, expect, it } from 'vitest';
import { lintContract } from '../lint/index.js';
import { parseContract } from '../parse-contract.js';
import { computedTermDates } from '../diff/index.js';
import { contractTemplate, contractTemplateNames } from './contract-templates.js';

describe('contractTemplate', () => {
  it.each(contractTemplateNames)('%s loads and passes check with no errors or warnings, only the deliberate not-signed info', (name) => {
    const loaded = parseContract(contractTemplate(name), `${name}.contract.yaml`);
    expect(loaded.repairs).toEqual([]);
    expect(lintContract(loaded).map((f) => `${f.severity} ${f.rule}`)).toEqual(['info not-signed']);
  });

  it.each(contractTemplateNames)('%s is priced with the model it is named after, and has every part of an agreement', (name) => {
    const { contract } = parseContract(contractTemplate(name), 'c.yaml');
    expect(contract.pricing?.model).toBe(name);
    for (const part of ['calendars', 'scope', 'sla', 'term', 'pricing', 'risk'] as const) expect(contract[part]).toBeDefined();
  });

  it.each(contractTemplateNames)('%s uses placeholder parties that are obviously to be replaced', (name) => {
    const { contract } = parseContract(contractTemplate(name), 'c.yaml');
    expect(contract.parties.client.name).toBe('Your Company, Inc.');
    expect(contract.parties.vendor.name).toBe('Vendor Name LLC');
    expect(contract.parties.client.contact).toMatch(/\.example$/);
  });

  it('explains the conventions of the format in comments', () => {
    const text = contractTemplate('tiered');
    for (const convention of ['quoted decimal strings', 'bd         business days', 'd, mo, y', 'YYYY-MM-DD', 'Unknown keys are errors', '"22:00-06:00" runs past midnight', 'holidays names regions']) {
      expect(text).toContain(convention);
    }
    // Every section opens with a comment saying what it is for.
    for (const section of ['calendars:', 'scope:', 'sla:', 'term:', 'pricing:', 'risk:']) {
      const before = text.slice(0, text.indexOf(`\n${section}`)).trimEnd().split('\n').pop() ?? '';
      expect(before.startsWith('#'), `${section} has no comment above it`).toBe(true);
    }
  });

  it('states key dates in its comments that match the dates SupportPact computes', () => {
    const text = contractTemplate('tiered');
    const dates = computedTermDates(parseContract(text, 'c.yaml').contract);
    expect(text).toContain(`initialTerm: 24mo                  # ends ${dates.termEnd}`);
    expect(text).toContain(`last day to stop the first renewal: ${dates.optOutDeadline}`);
  });

  it('gives the per-incident template a price for every priority', () => {
    const { contract } = parseContract(contractTemplate('per-incident'), 'c.yaml');
    expect(Object.keys(contract.pricing?.perIncident?.byPriority ?? {})).toEqual(Object.keys(contract.sla?.priorities ?? {}));
  });
});
