import { resolve } from 'node:path';
import { checkContract, type ContractCheck } from '../../../app/check-contract.js';
import { isSupportPactError, type SupportPactError } from '../../../domain/errors/index.js';
import type { Finding } from '../../../domain/contract/lint/index.js';
import { readTextFile } from '../../files/read-text-file.js';
import { maxContractBytes } from '../../../domain/contract/parse-contract.js';
import type { CliIo } from '../cli-io.js';
import { formatError } from '../format-error.js';

type CheckOutcome = { file: string; check: ContractCheck } | { file: string; error: SupportPactError };

function findingJson(f: Finding): Record<string, unknown> {
  return { rule: f.rule, severity: f.severity, message: f.message, path: f.path, line: f.line ?? null, column: f.column ?? null, part: f.part, why: f.why };
}

function renderText(outcome: CheckOutcome, showInfo: boolean): string {
  if ('error' in outcome) return formatError(outcome.error);
  const { check } = outcome;
  const { error, warning, info } = check.counts;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const lines = [`${outcome.file}: ${plural(error, 'error')}, ${plural(warning, 'warning')}, ${info} info`];
  const explained = new Set<string>();
  for (const f of check.findings) {
    if (f.severity === 'info' && !showInfo) continue;
    const where = f.line !== undefined ? `${f.line}:${f.column}` : '';
    lines.push(`  ${where.padEnd(7)} ${f.severity.padEnd(7)} ${f.rule}`);
    lines.push(`          ${f.path}: ${f.message}`);
    if (f.severity !== 'info' && !explained.has(f.rule)) lines.push(`          why: ${f.why}`);
    explained.add(f.rule);
  }
  if (info > 0 && !showInfo) lines.push(`  (${plural(info, 'info finding')} hidden; add --info to see them)`);
  return lines.join('\n') + '\n';
}

/**
 * `supportpact check <file...>`: exit 0 when no file has errors, 1 when any has, 2 when a
 * file cannot be loaded.
 */
export function runCheck(files: readonly string[], options: { format: 'text' | 'json'; info: boolean }, io: CliIo): number {
  const outcomes: CheckOutcome[] = files.map((file) => {
    try {
      return { file, check: checkContract(readTextFile(resolve(io.cwd, file), maxContractBytes), file) };
    } catch (error) {
      if (isSupportPactError(error)) return { file, error };
      throw error;
    }
  });
  if (options.format === 'json') {
    const objects = outcomes.map((o) =>
      'error' in o
        ? { file: o.file, error: { code: o.error.code, message: o.error.message, problems: o.error.problems }, findings: [] }
        : { file: o.file, contract: o.check.contractId, counts: o.check.counts, findings: o.check.findings.map(findingJson) },
    );
    io.stdout.write(JSON.stringify(objects.length === 1 ? objects[0] : objects, null, 2) + '\n');
  } else {
    for (const o of outcomes) ('error' in o ? io.stderr : io.stdout).write(renderText(o, options.info));
  }
  if (outcomes.some((o) => 'error' in o)) return 2;
  return outcomes.some((o) => 'check' in o && o.check.counts.error > 0) ? 1 : 0;
}
