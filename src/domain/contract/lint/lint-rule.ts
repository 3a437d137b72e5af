import type { FieldPath } from '../../errors/supportpact-error.js';
import type { Contract } from '../schema/contract-schema.js';

export type Severity = 'error' | 'warning' | 'info';
export type AgreementPart = 'general' | 'scope' | 'sla' | 'term' | 'pricing' | 'risk';

/** One thing a rule found, before it is located in the file. */
export interface RuleHit {
  readonly message: string;
  readonly path: FieldPath;
}

/**
 * A lint rule: an id, a severity, the part of the agreement it protects, and why it
 * matters in words a manager understands.
 */
export interface LintRule {
  readonly id: string;
  readonly severity: Severity;
  readonly part: AgreementPart;
  readonly summary: string;
  readonly why: string;
  check(contract: Contract): readonly RuleHit[];
}

/** A located finding, as `check` reports it. */
export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly part: AgreementPart;
  readonly message: string;
  readonly path: string;
  readonly line?: number;
  readonly column?: number;
  readonly why: string;
}

export function hit(message: string, ...path: (string | number)[]): RuleHit {
  return { message, path };
}
