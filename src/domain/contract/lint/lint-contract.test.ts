import { describe, expect, it } from 'vitest';
import { parseContract } from '../parse-contract.js';
import { lintContract, lintRules } from './lint-contract.js';
import { readExampleContract } from '../../../../test/support/examples.js';

/** Northstar with its three findings fixed: the base every rule case starts from. */
function cleanNorthstar(): string {
  return readExampleContract('northstar-tiered')
    .replace('description: Platform, reporting and account management', 'description: "Platform, reporting and account management"')
    .replace('interest: { rate: "1.5%", per: 1mo, simple: true }', 'interest: { rate: "10%", per: 12mo, simple: true }')
    .replaceAll(/certificateExpires: 2027-0\d-30/g, 'certificateExpires: 2029-06-30');
}

function rulesFired(text: string): string[] {
  return lintContract(parseContract(text, 'c.yaml')).map((f) => f.rule);
}

function cut(text: string, from: string, to: string): string {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start);
  if (start < 0 || end < 0) throw new Error(`cannot cut ${from}..${to}`);
  return text.slice(0, start) + text.slice(end);
}

function replace(text: string, from: string | RegExp, to: string): string {
  const next = text.replace(from, to);
  if (next === text) throw new Error(`no change replacing ${String(from)}`);
  return next;
}

/** One mutation of the clean contract per rule, each enough to trigger that rule. */
const cases: Record<string, (t: string) => string> = {
  'part-missing': (t) => cut(t, 'risk:\n', '\u0000') ,
  'not-signed': (t) => replace(t, 'signed: 2026-12-01\n', ''),
  'scope-no-services': (t) => cut(t, '  services:\n', '  excluded:'),
  'scope-no-exclusions': (t) => cut(t, '  excluded:\n', '  technologies:'),
  'scope-no-technologies': (t) => cut(t, '  technologies:\n', '  channels:'),
  'scope-no-channels': (t) => cut(t, '  channels:\n', '  dataAccess:'),
  'channel-without-coverage': (t) => replace(t, 'chat: { coverage: extended, languages: [en] }', 'chat: { languages: [en] }'),
  'no-data-access-limits': (t) => cut(t, '  dataAccess:\n', '\nsla:'),
  'data-access-no-mfa': (t) => replace(t, 'named-accounts, mfa, least-privilege', 'named-accounts, least-privilege'),
  'data-access-no-review': (t) => replace(t, '    reviewEvery: 3mo\n', ''),
  'sla-no-targets': (t) => cut(t, '  targets:\n', '  serviceLevels:').replace(/ {4}- \{ id: p[\s\S]*?(?= {2}quality:)/, '').replace(/ {2}serviceLevels:[^\n]*\n/, '  serviceLevels: []\n').replace(/ {2}quality:[\s\S]*?(?= {2}availability:)/, '').replace(/ {2}credits:[\s\S]*?(?= {2}creditCap:)/, '  credits: []\n').replace(/ {2}incentives:[\s\S]*?(?= {2}incentiveCap:)/, '  incentives: []\n'),
  'no-resolution-targets': (t) => cut(t, '    resolution:\n      P1: { within: 4h', '  serviceLevels:').replace(/ {4}- \{ id: p\d?p?\d?-?resolution[^\n]*\n/g, '').replace(/ {4}- \{ when: \{ serviceLevel: p[\w-]*resolution[^\n]*\n/g, '').replace(/ {4}- id: mttr-p1[\s\S]*?(?= {4}- id: reopen-rate)/, ''),
  'priority-without-target': (t) => replace(t, '      P4: { within: 1bd, calendar: business }\n', ''),
  'service-level-priority-without-target': (t) => replace(t, '      P3: { within: 4h, calendar: business }\n', '').replace('priorities: [P2], atLeast: "90%" }\n    - { id: p2-resolution', 'priorities: [P2, P3], atLeast: "90%" }\n    - { id: p2-resolution'),
  'no-service-levels': (t) => cut(t, '  serviceLevels:', '  quality:').replace(/ {4}- \{ when: \{ serviceLevel:[^\n]*\n/g, '').replace(/ {4}- \{ when: \{ allServiceLevelsMet[^\n]*\n/, ''),
  'no-credits': (t) => cut(t, '  credits:', '  creditCap:').replace('  creditCap:', '  credits: []\n  creditCap:'),
  'service-level-without-credit': (t) => replace(t, '    - { when: { serviceLevel: p2-response, missed: true }, credit: "2%" }\n', ''),
  'credits-without-cap': (t) => replace(t, '  creditCap: { monthly: "15%", rolling12Months: "10%" }\n', ''),
  'credit-cap-low': (t) => replace(t, 'creditCap: { monthly: "15%"', 'creditCap: { monthly: "3%"'),
  'no-fcr-measure': (t) => cut(t, '    - id: fcr\n', '    - id: mttr-p1').replace('    - { when: { quality: fcr, missed: true }, credit: "2%" }\n', '').replace('    - { when: { quality: fcr, atLeast: "80%" }, bonus: "2%" }\n', ''),
  'no-mttr-measure': (t) => cut(t, '    - id: mttr-p1\n', '    - id: reopen-rate'),
  'priority-without-mapping': (t) => replace(t, ', mapFrom: [low, "4"] }', ' }'),
  'clock-rules-default': (t) => cut(t, '  clock:\n', '  targets:'),
  'no-vendor-report': (t) => replace(t, '    vendorReport: { every: 1mo, dueWithin: 5bd, calendar: business }\n', '').replace('    - { when: { vendorReport: late }, credit: "1%" }\n', ''),
  'no-audit-right': (t) => replace(t, '    independentAudit: { every: 12mo, noticeWithin: 15bd }\n', ''),
  'service-level-low': (t) => replace(t, 'priorities: [P3, P4], atLeast: "85%"', 'priorities: [P3, P4], atLeast: "80%"'),
  'auto-renewal-without-opt-out': (t) => replace(t, /    optOutNotice: 60d[^\n]*\n/, ''),
  'renewal-period-long': (t) => replace(t, '    period: 12mo\n', '    period: 24mo\n'),
  'notice-period-outside-norm': (t) => replace(t, '{ by: client, notice: 90d, fee: { months: 1 } }', '{ by: client, notice: 120d, fee: { months: 1 } }'),
  'no-client-termination-for-convenience': (t) => replace(t, '      - { by: client, notice: 90d, fee: { months: 1 } }\n', ''),
  'termination-ground-data-breach': (t) => replace(t, '      - { ground: data-breach, by: client, notice: 0d }\n', ''),
  'termination-ground-sustained-performance-failure': (t) => cut(t, '      - { ground: sustained-performance-failure', '      - { ground: material-breach'),
  'termination-ground-insolvency': (t) => replace(t, '      - { ground: insolvency, by: either, notice: 0d }\n', ''),
  'termination-ground-force-majeure': (t) => replace(t, '      - { ground: force-majeure, by: either, notice: 30d, after: 60d }\n', ''),
  'performance-ground-without-trigger': (t) => replace(t, /notice: 30d,\n {10}trigger: \{ serviceLevelsMissed: \{ consecutiveMonths: 3, orMonthsOutOf: \[4, 6\] \} \} \}/, 'notice: 30d }'),
  'no-exit-data-return': (t) => replace(t, /    dataReturn: [^\n]*\n/, ''),
  'no-exit-data-deletion': (t) => replace(t, /    dataDeletion: [^\n]*\n/, ''),
  'no-knowledge-transfer': (t) => cut(t, '    knowledgeTransfer:\n', '\npricing:'),
  'no-transition-assistance': (t) => replace(t, '    transitionAssistance: 90d\n', ''),
  'pricing-model-incomplete': (t) => replace(t, 'model: tiered ', 'model: per-incident '),
  'per-incident-priority-unpriced': (t) => replace(t, 'model: tiered ', 'model: hybrid ').replace('  minimumMonthly:', '  perIncident: { byPriority: { P1: "90.00" } }\n  minimumMonthly:'),
  'no-invoicing-terms': (t) => cut(t, '  invoicing:\n', '  latePayment:'),
  'payment-terms-short': (t) => replace(t, 'paymentTerms: 30d', 'paymentTerms: 14d'),
  'late-interest-above-10': (t) => replace(t, 'rate: "10%", per: 12mo', 'rate: "1%", per: 1mo'),
  'late-interest-compound': (t) => replace(t, 'per: 12mo, simple: true', 'per: 12mo, simple: false'),
  'no-late-payment-terms': (t) => cut(t, '  latePayment:\n', '  taxes:'),
  'no-rounding-rule': (t) => replace(t, /  rounding: half-up[^\n]*\n/, ''),
  'no-tax-terms': (t) => cut(t, '  taxes:\n', '  rounding:'),
  'no-breach-notification': (t) => cut(t, '  breachNotification:\n', '  confidentiality:'),
  'breach-notification-over-72h': (t) => replace(t, 'vendorToClient: 24h', 'vendorToClient: 96h'),
  'breach-individuals-over-30d': (t) => replace(t, 'individuals: { within: 30d }', 'individuals: { within: 45d }'),
  'breach-attorney-general-threshold': (t) => replace(t, 'whenResidentsOver: 500', 'whenResidentsOver: 1000'),
  'no-ccpa-terms': (t) => replace(t, 'ccpaServiceProviderTerms: true', 'ccpaServiceProviderTerms: false'),
  'no-security-standards': (t) => replace(t, '    standards: [SOC 2 Type II, CIS Controls v8]\n', ''),
  'no-insurance': (t) => cut(t, '  insurance:\n', '  intellectualProperty:'),
  'insurance-below-norm': (t) => replace(t, 'minimum: "5000000.00"', 'minimum: "500000.00"'),
  'insurance-expires-before-term-end': (t) => replace(t, 'cyber-liability, minimum: "5000000.00", certificateExpires: 2029-06-30', 'cyber-liability, minimum: "5000000.00", certificateExpires: 2028-06-30'),
  'no-liability-cap': (t) => replace(t, '    cap: { monthsOfFees: 12 }\n', ''),
  'liability-cap-covers-data-breach': (t) => replace(t, 'excluded: [data-breach, confidentiality', 'excluded: [confidentiality'),
  'no-confidentiality': (t) => replace(t, '  confidentiality: { survives: 3y }\n', ''),
  'no-ip-terms': (t) => replace(t, '    workProduct: client\n', ''),
  'no-vendor-indemnity-for-breach': (t) => replace(t, 'vendor: [data-breach, ip-infringement', 'vendor: [ip-infringement'),
};

describe('lintContract', () => {
  it('has at least 25 rules, with unique ids, covering all five parts of an agreement', () => {
    const ids = lintRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(25);
    for (const part of ['scope', 'sla', 'term', 'pricing', 'risk'] as const) {
      expect(lintRules.filter((r) => r.part === part).length).toBeGreaterThanOrEqual(4);
    }
    for (const rule of lintRules) expect(rule.why.length).toBeGreaterThan(40);
  });

  it('finds nothing in a complete contract', () => {
    expect(rulesFired(cleanNorthstar())).toEqual([]);
  });

  it('has a triggering case for every rule', () => {
    expect(Object.keys(cases).sort()).toEqual(lintRules.map((r) => r.id).sort());
  });

  it.each(Object.entries(cases))('fires %s on the contract that lacks it', (rule, mutate) => {
    const text = mutate(cleanNorthstar() + '\u0000').replace('\u0000', '');
    expect(rulesFired(text)).toContain(rule);
  });

  it('passes northstar-tiered and bayline-per-incident with no errors', () => {
    for (const name of ['northstar-tiered', 'bayline-per-incident'] as const) {
      const findings = lintContract(parseContract(readExampleContract(name), name));
      expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    }
  });

  it('reports an error for each gap in draft-with-gaps, located in the file', () => {
    const findings = lintContract(parseContract(readExampleContract('draft-with-gaps'), 'draft.yaml'));
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.rule).sort()).toEqual([
      'auto-renewal-without-opt-out',
      'no-credits',
      'no-data-access-limits',
      'no-exit-data-deletion',
      'no-exit-data-return',
      'part-missing',
      'termination-ground-data-breach',
      'termination-ground-sustained-performance-failure',
    ]);
    expect(errors.find((f) => f.rule === 'part-missing')?.message).toMatch(/"risk" part is missing/);
    expect(errors.find((f) => f.rule === 'auto-renewal-without-opt-out')).toMatchObject({ path: 'term.renewal.optOutNotice', line: 38, column: 3 });
    for (const f of findings) expect(f.line).toBeGreaterThan(0);
    const warnings = findings.filter((f) => f.severity === 'warning').map((f) => f.rule);
    expect(warnings).toEqual(expect.arrayContaining(['no-fcr-measure', 'no-mttr-measure', 'late-interest-above-10', 'late-interest-compound', 'notice-period-outside-norm']));
  });

  it('reports the unquoted comma the loader repaired', () => {
    const findings = lintContract(parseContract(readExampleContract('northstar-tiered'), 'n.yaml'));
    expect(findings.find((f) => f.rule === 'yaml-unquoted-comma')).toMatchObject({ line: 170, path: 'pricing.base.description' });
  });
});
