import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { maxContractBytes, parseContract, type LoadedContract } from '../../domain/contract/parse-contract.js';
import { SupportPactError } from '../../domain/errors/index.js';
import { readTextFile } from '../files/read-text-file.js';

/** Whether `--contract` names a file (rather than a stored contract id). */
export function isContractFile(value: string, cwd: string): boolean {
  const path = resolve(cwd, value);
  return existsSync(path) && statSync(path).isFile();
}

/** Loads `--contract <file>`; ids of stored contracts are resolved by the store-backed commands. */
export function loadContractFile(value: string, cwd: string): LoadedContract {
  if (!isContractFile(value, cwd) && !/[/\\]|\.ya?ml$/i.test(value)) {
    throw new SupportPactError('CONTRACT_NOT_FOUND', `${value} is not a contract file`, { problems: [{ message: `no file named "${value}"; pass the path of a .contract.yaml file` }] });
  }
  return parseContract(readTextFile(resolve(cwd, value), maxContractBytes), value);
}
