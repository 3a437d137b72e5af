import { formatFieldPath } from '../../errors/supportpact-error.js';
import type { LoadedContract } from '../parse-contract.js';
import type { Finding, LintRule, Severity } from './lint-rule.js';
import { generalRules } from './rules-general.js';
import { pricingRules } from './rules-pricing.js';
import { riskRules } from './rules-risk.js';
import { scopeRules } from './rules-scope.js';
import { slaRules } from './rules-sla.js';
import { termRules } from './rules-term.js';

/** Every lint rule, in the order findings are reported. */
export const lintRules: readonly LintRule[] = [...generalRules, ...scopeRules, ...slaRules, ...termRules, ...pricingRules, ...riskRules];

const severityOrder: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The rule behind the loader's repairs of unquoted commas inside `{ }`. */
export const unquotedCommaRule = {
  id: 'yaml-unquoted-comma',
  severity: 'warning' as const,
  part: 'general' as const,
  why: 'Inside { }, YAML splits unquoted text at commas; SupportPact read it as one text, but other tools will not.',
};

/**
 * Runs every lint rule over a loaded contract and locates each finding in the file:
 * `lintContract(loaded)` on the draft example reports errors such as `part-missing` for risk.
 * Sorted by severity, then by line.
 */
export function lintContract(loaded: LoadedContract, rules: readonly LintRule[] = lintRules): Finding[] {
  const findings: Finding[] = [];
  for (const repair of loaded.repairs) {
    findings.push({
      rule: unquotedCommaRule.id,
      severity: unquotedCommaRule.severity,
      part: unquotedCommaRule.part,
      message: `${repair.message}; ${repair.hint ?? ''}`.replace(/; $/, ''),
      path: formatFieldPath(repair.path ?? []),
      ...(repair.line !== undefined ? { line: repair.line, column: repair.column } : {}),
      why: unquotedCommaRule.why,
    });
  }
  for (const rule of rules) {
    for (const result of rule.check(loaded.contract)) {
      const position = loaded.locate(result.path);
      findings.push({
        rule: rule.id,
        severity: rule.severity,
        part: rule.part,
        message: result.message,
        path: formatFieldPath(result.path),
        ...(position ? { line: position.line, column: position.column } : {}),
        why: rule.why,
      });
    }
  }
  return findings.sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity] || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** Counts of findings by severity. */
export function countFindings(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
