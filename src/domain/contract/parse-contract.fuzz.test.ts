import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import { SupportPactError } from '../errors/index.js';
import { lintContract } from './lint/index.js';
import { parseContract } from './parse-contract.js';
import { exampleContractNames, readExampleContract } from '../../../test/support/examples.js';

/** Loading either succeeds (and check runs) or fails with located problems: never anything else. */
function expectLoadOrLocatedError(text: string): void {
  try {
    const loaded = parseContract(text, 'fuzz.yaml');
    lintContract(loaded);
  } catch (error) {
    if (!(error instanceof SupportPactError)) throw error;
    expect(['CONTRACT_SYNTAX', 'CONTRACT_INVALID']).toContain(error.code);
    expect(error.problems.length).toBeGreaterThan(0);
    for (const problem of error.problems) {
      expect(problem.file).toBe('fuzz.yaml');
      expect(problem.message.length).toBeGreaterThan(0);
      expect(problem.line === undefined || problem.line >= 1).toBe(true);
    }
    // Every schema problem knows its line.
    if (error.code === 'CONTRACT_INVALID') for (const problem of error.problems) expect(problem.line).toBeGreaterThanOrEqual(1);
  }
}

const examples = exampleContractNames.map((name) => readExampleContract(name));

/** Paths to every leaf value of a parsed example. */
function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v, [...prefix, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
  return [prefix];
}

const wildValues = fc.oneof(
  fc.constantFrom(-1, -0.001, 0, 1e9, 1e308, 12.5, Number.MAX_SAFE_INTEGER, null, true, '', '25:00', '08:00-25:00', '2027-02-30', 'Mars/Olympus', '-5%', '1e9', '12,50', '9'.repeat(40), '99.9', '0x10', 'NaN', '∞', '<script>', 'P9'),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string(), { maxKeys: 3 }),
);

describe('parseContract under fuzzing', () => {
  it('never crashes on a truncated example', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: examples.length - 1 }), fc.nat(), (which, cutAt) => {
        const text = examples[which] as string;
        expectLoadOrLocatedError(text.slice(0, cutAt % (text.length + 1)));
      }),
      { numRuns: 300 },
    );
  });

  it('never crashes on random text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => expectLoadOrLocatedError(text)), { numRuns: 300 });
  });

  it('never crashes on random YAML documents', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => expectLoadOrLocatedError(stringify(value))), { numRuns: 300 });
  });

  it('never crashes when any value of an example is replaced by a wrong one', () => {
    const parsed = examples.map((text) => parseDocument(text).toJS() as unknown);
    const paths = parsed.map((value) => leafPaths(value));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: examples.length - 1 }), fc.nat(), wildValues, (which, pick, replacement) => {
        const document = parseDocument(examples[which] as string);
        const options = paths[which] as (string | number)[][];
        const path = options[pick % options.length] as (string | number)[];
        document.setIn(path, replacement);
        expectLoadOrLocatedError(document.toString());
      }),
      { numRuns: 250 },
    );
  });

  it('never crashes when keys are renamed or removed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: examples.length - 1 }), fc.nat(), fc.boolean(), (which, pick, remove) => {
        const lines = (examples[which] as string).split('\n');
        const index = pick % lines.length;
        const line = lines[index] as string;
        lines[index] = remove ? '' : line.replace(/([A-Za-z]+):/, '$1x:');
        expectLoadOrLocatedError(lines.join('\n'));
      }),
      { numRuns: 300 },
    );
  });

  it('rejects a file over the size limit at once', () => {
    const huge = readExampleContract('northstar-tiered') + '#'.repeat(20 * 1024 * 1024);
    let problem = '';
    try {
      parseContract(huge, 'huge.yaml');
    } catch (error) {
      problem = (error as SupportPactError).problems[0]?.message ?? '';
    }
    expect(problem).toMatch(/at most 1,000,000/);
  });

  it('does not expand alias bombs', () => {
    const bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n';
    expectLoadOrLocatedError(bomb);
  });
});
