import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** `../shared/examples/contracts/` beside the project. */
export const sharedContractsDir = resolve(repoRoot, '..', 'shared', 'examples', 'contracts');

export const exampleContractNames = ['northstar-tiered', 'bayline-per-incident', 'draft-with-gaps'] as const;
export type ExampleContractName = (typeof exampleContractNames)[number];

export function exampleContractPath(name: ExampleContractName): string {
  return join(sharedContractsDir, `${name}.contract.yaml`);
}

export function readExampleContract(name: ExampleContractName): string {
  return readFileSync(exampleContractPath(name), 'utf8');
}
