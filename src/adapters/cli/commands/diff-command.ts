import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option } from 'commander';
import { diffContracts, diffSectionHeadings, diffSections, type ContractChange } from '../../../domain/contract/diff/index.js';
import { maxContractBytes, parseContract, type LoadedContract } from '../../../domain/contract/parse-contract.js';
import { isSupportPactError } from '../../../domain/errors/index.js';
import { readTextFile } from '../../files/read-text-file.js';
import { renderContractDiffHtml } from '../../render/contract-diff-html.js';
import type { CliIo } from '../cli-io.js';
import { formatError } from '../format-error.js';
import { registerCommand } from '../command-registry.js';

export type DiffFormat = 'text' | 'json' | 'html';

const marks = { added: '+', removed: '-', changed: '~' } as const;

/** The review as text, grouped by section: `~ P2 resolution target: 8 hours -> 6 hours (extended hours)  [favours client]`. */
export function renderDiffText(oldFile: string, newFile: string, changes: readonly ContractChange[]): string {
  if (changes.length === 0) return `No changes: ${oldFile} and ${newFile} state the same terms.\n`;
  const favouring = (party: 'client' | 'vendor'): number => changes.filter((c) => c.favours === party).length;
  const lines = [`Amendment review: ${oldFile} -> ${newFile}`, `${changes.length} change${changes.length === 1 ? '' : 's'}: ${favouring('client')} favour the client, ${favouring('vendor')} favour the vendor, ${changes.length - favouring('client') - favouring('vendor')} unclear or neutral`];
  for (const section of diffSections) {
    const inSection = changes.filter((c) => c.section === section);
    if (inSection.length === 0) continue;
    lines.push('', diffSectionHeadings[section]);
    for (const c of inSection) {
      lines.push(`  ${marks[c.kind]} ${c.summary}${c.favours ? `  [favours ${c.favours}]` : ''}`);
      lines.push(`      ${c.path}`);
    }
  }
  return lines.join('\n') + '\n';
}

/**
 * `supportpact diff <old> <new>`: every term that changed between two versions of a contract.
 * Exit 0 when nothing changed, 1 when something did (like `diff`), 2 when a file cannot be loaded.
 */
export function runDiff(oldFile: string, newFile: string, options: { format: DiffFormat; out?: string }, io: CliIo): number {
  const loaded: LoadedContract[] = [];
  let failed = false;
  for (const file of [oldFile, newFile]) {
    try {
      loaded.push(parseContract(readTextFile(resolve(io.cwd, file), maxContractBytes), file));
    } catch (error) {
      if (!isSupportPactError(error)) throw error;
      io.stderr.write(formatError(error));
      failed = true;
    }
  }
  const [before, after] = loaded;
  if (failed || !before || !after) return 2;
  const changes = diffContracts(before.contract, after.contract);
  const output =
    options.format === 'json'
      ? JSON.stringify({ old: oldFile, new: newFile, changes }, null, 2) + '\n'
      : options.format === 'html'
        ? renderContractDiffHtml({ oldFile, newFile, contractId: after.contract.id, title: after.contract.title, changes })
        : renderDiffText(oldFile, newFile, changes);
  if (options.out) {
    writeFileSync(resolve(io.cwd, options.out), output);
    io.stderr.write(`wrote ${options.out} (${changes.length} change${changes.length === 1 ? '' : 's'})\n`);
  } else io.stdout.write(output);
  return changes.length > 0 ? 1 : 0;
}

registerCommand((program, io, setExit) => {
  program
    .command('diff')
    .description('review an amendment: every term that changed between two versions of a contract (exit 0: no changes, 1: changes, 2: cannot load)')
    .argument('<old>', 'the contract as it was (.contract.yaml)')
    .argument('<new>', 'the amended contract')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'html']).default('text'))
    .option('--out <path>', 'write to this file instead of standard output')
    .action((oldFile: string, newFile: string, options: { format: DiffFormat; out?: string }) => {
      setExit(runDiff(oldFile, newFile, options, io));
    });
});
