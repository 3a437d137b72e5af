import { parseContract } from '../domain/contract/parse-contract.js';
import { countFindings, lintContract, type Finding } from '../domain/contract/lint/index.js';

export interface ContractCheck {
  readonly file: string;
  readonly contractId: string;
  readonly findings: readonly Finding[];
  readonly counts: Readonly<Record<'error' | 'warning' | 'info', number>>;
}

/**
 * Loads contract text and runs every lint rule over it. Throws the loader's located
 * CONTRACT_SYNTAX / CONTRACT_INVALID error when the file cannot be loaded.
 */
export function checkContract(text: string, file: string): ContractCheck {
  const loaded = parseContract(text, file);
  const findings = lintContract(loaded);
  return { file, contractId: loaded.contract.id, findings, counts: countFindings(findings) };
}
