import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { SupportPactError, type FieldPath, type Problem } from '../errors/supportpact-error.js';
import { checkCrossReferences } from './cross-references.js';
import { repairUnquotedCommas } from './repair-unquoted-commas.js';
import { suggestClosest } from './did-you-mean.js';
import { locatePath, type SourcePosition } from './locate.js';
import { knownKeysAt } from './schema-keys.js';
import { contractSchema, type Contract } from './schema/contract-schema.js';

/** A contract with the source it came from, so findings can point at a line and column. */
export interface LoadedContract {
  readonly contract: Contract;
  readonly file: string;
  readonly text: string;
  /** Places where the loader read the file more kindly than plain YAML would (each a located note for `check`). */
  readonly repairs: readonly Problem[];
  /** Line and column of a field path (of the key when present, else of its nearest ancestor). */
  locate(path: FieldPath): SourcePosition | undefined;
}

/** Largest contract file we read: real contracts are a few kilobytes. */
export const maxContractBytes = 1_000_000;

function valueAt(data: unknown, path: FieldPath): { present: boolean; value: unknown } {
  let current: unknown = data;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return { present: false, value: undefined };
    if (!(String(part) in (current as Record<string, unknown>))) return { present: false, value: undefined };
    current = (current as Record<string, unknown>)[String(part)];
  }
  return { present: true, value: current };
}

function typeName(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text "${value.length > 40 ? value.slice(0, 40) + '...' : value}"`;
  return `the ${typeof value} ${String(value)}`;
}

/** Turns zod issues into located problems in plain words. */
function problemsFromIssues(issues: readonly z.core.$ZodIssue[], data: unknown, file: string, locate: (p: FieldPath) => SourcePosition | undefined): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path as (string | number)[];
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(contractSchema, path);
      for (const key of issue.keys) {
        const suggestion = suggestClosest(key, known);
        const keyPath = [...path, key];
        problems.push({
          message: `unknown key "${key}"`,
          path: keyPath,
          file,
          ...locate(keyPath),
          expected: known.length > 0 ? `one of ${known.join(', ')}` : undefined,
          hint: suggestion ? `did you mean "${suggestion}"?` : 'remove it; unknown keys are never ignored',
        } as Problem);
      }
      continue;
    }
    const { present, value } = valueAt(data, path);
    const params = (issue as { params?: { expected?: string } }).params;
    let message = issue.message;
    if (!present || value === undefined) {
      const field = path[path.length - 1];
      message = message.startsWith('missing') ? message : `missing required field "${String(field)}"`;
    } else if (issue.code === 'invalid_type') {
      const expected = issue.expected === 'object' ? 'a mapping of keys' : issue.expected === 'array' ? 'a list' : issue.expected === 'record' ? 'a mapping' : issue.expected;
      message = `found ${typeName(value)}; expected ${expected}`;
    }
    problems.push({ message, path, file, ...locate(path), ...(params?.expected ? { expected: params.expected } : {}) } as Problem);
  }
  return problems;
}

function byPosition(a: Problem, b: Problem): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

function fail(code: 'CONTRACT_SYNTAX' | 'CONTRACT_INVALID', file: string, problems: Problem[]): never {
  const sorted = [...problems].sort(byPosition);
  const count = sorted.length === 1 ? 'a problem' : `${sorted.length} problems`;
  throw new SupportPactError(code, `${file} has ${count}`, { problems: sorted, details: { file } });
}

/**
 * Parses and validates contract YAML text: `parseContract(text, 'acme.contract.yaml')`
 * returns the typed contract, or throws CONTRACT_SYNTAX / CONTRACT_INVALID with one
 * problem per fault, each with file, line, column and field path.
 */
export function parseContract(text: string, file: string): LoadedContract {
  if (text.length > maxContractBytes) {
    fail('CONTRACT_INVALID', file, [{ message: `the file is ${text.length.toLocaleString('en-US')} characters; a contract file is at most ${maxContractBytes.toLocaleString('en-US')}`, file, line: 1, column: 1 }]);
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) fail('CONTRACT_SYNTAX', file, [{ message: 'the file contains binary data (a NUL byte); a contract is a YAML text file', file, line: text.slice(0, nul).split('\n').length, column: 1 }]);
  if (text.trim() === '') fail('CONTRACT_INVALID', file, [{ message: 'the file is empty; start with `supportpact: 1` (run `supportpact init` for a complete example)', file, line: 1, column: 1 }]);

  const lineCounter = new LineCounter();
  let document: Document;
  try {
    document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, version: '1.2' });
  } catch (error) {
    fail('CONTRACT_SYNTAX', file, [{ message: `the YAML parser stopped: ${(error as Error).message}`, file, line: 1, column: 1 }]);
  }
  if (document.errors.length > 0) {
    fail(
      'CONTRACT_SYNTAX',
      file,
      document.errors.map((error) => {
        const pos = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0]);
        const first = error.message.split('\n')[0] ?? error.message;
        const message = first.startsWith('Map keys must be unique') ? 'this key appears twice in the same mapping; keep one' : first.replace(/ at line \d+, column \d+.*$/, '');
        return { message, file, ...(pos ? { line: pos.line, column: pos.col } : {}) };
      }),
    );
  }
  const repairs = repairUnquotedCommas(document, lineCounter, file);
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    fail('CONTRACT_SYNTAX', file, [{ message: (error as Error).message, file, line: 1, column: 1 }]);
  }
  const locate = (path: FieldPath): SourcePosition | undefined => locatePath(document, lineCounter, path);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    fail('CONTRACT_INVALID', file, [{ message: `found ${typeName(data)} at the top of the file; a contract is a mapping that starts with \`supportpact: 1\``, file, line: 1, column: 1 }]);
  }

  const parsed = contractSchema.safeParse(data);
  if (!parsed.success) fail('CONTRACT_INVALID', file, problemsFromIssues(parsed.error.issues, data, file, locate));
  const crossProblems = checkCrossReferences(parsed.data).map((p) => ({ ...p, file, ...locate(p.path ?? []) }));
  if (crossProblems.length > 0) fail('CONTRACT_INVALID', file, crossProblems);
  return { contract: parsed.data, file, text, repairs, locate };
}
