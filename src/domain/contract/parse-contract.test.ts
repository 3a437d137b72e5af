import { describe, expect, it } from 'vitest';
import { SupportPactError, type Problem } from '../errors/index.js';
import { parseContract } from './parse-contract.js';
import { exampleContractNames, readExampleContract } from '../../../test/support/examples.js';

function problemsOf(text: string, file = 'c.yaml'): { code: string; problems: readonly Problem[] } {
  try {
    parseContract(text, file);
  } catch (error) {
    if (error instanceof SupportPactError) return { code: error.code, problems: error.problems };
    throw error;
  }
  throw new Error('expected the contract to be rejected');
}

const minimal = `supportpact: 1
id: minimal
title: Minimal
parties:
  client: { name: A }
  vendor: { name: B }
currency: USD
timezone: America/Los_Angeles
`;

describe('parseContract', () => {
  it.each(exampleContractNames)('loads the reference contract %s', (name) => {
    const loaded = parseContract(readExampleContract(name), `${name}.contract.yaml`);
    expect(loaded.contract.supportpact).toBe(1);
    expect(loaded.contract.currency).toBe('USD');
  });

  it('parses durations, amounts, percentages and dates into typed values', () => {
    const { contract } = parseContract(readExampleContract('northstar-tiered'), 'n.yaml');
    expect(contract.sla?.targets?.firstResponse?.P1?.within).toEqual({ amount: 15, unit: 'm', text: '15m' });
    expect(contract.sla?.targets?.resolution?.P3?.within).toEqual({ amount: 3, unit: 'bd', text: '3bd' });
    expect(contract.pricing?.base?.monthly).toBe('4000.00');
    expect(contract.sla?.availability?.[0]?.target).toEqual({ text: '99.9%', fraction: '0.999' });
    expect(contract.sla?.creditCap?.monthly).toEqual({ text: '15%', fraction: '0.15' });
    expect(contract.term?.start).toBe('2027-01-01');
    expect(contract.sla?.credits?.[7]?.when).toEqual({ measure: 'availability', id: 'phone-line', test: 'below', below: { text: '99.0%', fraction: '0.99' } });
  });

  it('needs only the six header fields', () => {
    expect(parseContract(minimal, 'm.yaml').contract.id).toBe('minimal');
  });

  it('joins text that YAML would split at a comma inside { } and reports where', () => {
    const loaded = parseContract(readExampleContract('northstar-tiered'), 'n.yaml');
    expect(loaded.contract.pricing?.base?.description).toBe('Platform, reporting and account management');
    expect(loaded.repairs).toHaveLength(1);
    expect(loaded.repairs[0]).toMatchObject({ line: 170, path: ['pricing', 'base', 'description'] });
  });

  it('rejects an unknown key with its position, path and a did-you-mean', () => {
    const text = readExampleContract('northstar-tiered').replace('optOutNotice: 60d', 'optOutNotic: 60d');
    const { code, problems } = problemsOf(text, 'n.yaml');
    expect(code).toBe('CONTRACT_INVALID');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'n.yaml', line: 146, column: 5, path: ['term', 'renewal', 'optOutNotic'], hint: 'did you mean "optOutNotice"?' });
  });

  it('locates a missing required field at the mapping that lacks it', () => {
    const { problems } = problemsOf(minimal.replace('  vendor: { name: B }\n', '  vendor: { contact: b@x }\n'));
    expect(problems[0]).toMatchObject({ message: 'missing required field "name"', path: ['parties', 'vendor', 'name'], line: 6, column: 3 });
  });

  it.each([
    ['an impossible date', 'signed: 2027-02-30', ['signed'], /not a date on the calendar/],
    ['an unknown zone', 'timezone: Mars/Olympus', ['timezone'], /IANA time zone/],
    ['a lower-case currency', 'currency: usd', ['currency'], /currency code/],
    ['a wrong format version', 'supportpact: 2', ['supportpact'], /reads version 1/],
  ])('rejects %s with a located message', (_label, line, path, message) => {
    const key = line.split(':')[0] as string;
    const text = minimal.includes(`${key}:`) ? minimal.replace(new RegExp(`^${key}:.*$`, 'm'), line) : minimal + line + '\n';
    const { problems } = problemsOf(text);
    expect(problems[0]?.path).toEqual(path);
    expect(problems[0]?.message).toMatch(message);
    expect(problems[0]?.line).toBeGreaterThan(0);
  });

  it.each([
    ['hours past 24', '["08:00-25:00"]', /impossible time/],
    ['minutes past 59', '["08:60-18:00"]', /impossible time/],
    ['an empty range', '["08:00-08:00"]', /empty/],
    ['a range without minutes', '["8-18"]', /not a range/],
  ])('rejects calendar hours with %s', (_label, hours, message) => {
    const text = `${minimal}calendars:\n  business:\n    timezone: America/Los_Angeles\n    hours: { mon-fri: ${hours} }\n`;
    const { problems } = problemsOf(text);
    expect(problems[0]).toMatchObject({ path: ['calendars', 'business', 'hours', 'mon-fri', 0], line: 12 });
    expect(problems[0]?.message).toMatch(message);
  });

  it('rejects what the calendar engine rejects, located in the file: overlaps, a day named twice, unknown holiday regions', () => {
    const text = `${minimal}calendars:\n  business:\n    timezone: America/Los_Angeles\n    hours:\n      mon-fri: ["08:00-12:00", "11:00-18:00"]\n      mon: ["19:00-20:00"]\n    holidays: [XX-YY]\n  night:\n    timezone: America/Los_Angeles\n    hours: { sat: ["22:00-06:00"], sun: ["05:00-07:00"] }\n`;
    const { code, problems } = problemsOf(text);
    expect(code).toBe('CONTRACT_INVALID');
    expect(problems.map((p) => [p.path?.join('.'), p.line])).toEqual([
      ['calendars.business.hours.mon-fri.1', 13],
      ['calendars.business.hours.mon', 14],
      ['calendars.business.holidays.0', 15],
      ['calendars.night.hours.sat.0', 18],
    ]);
    expect(problems[0]?.message).toMatch(/overlaps/);
    expect(problems[3]?.message).toMatch(/past midnight/);
  });

  it('rejects an unknown day key', () => {
    const text = `${minimal}calendars:\n  business:\n    timezone: America/Los_Angeles\n    hours: { funday: ["09:00-17:00"] }\n`;
    expect(problemsOf(text).problems[0]).toMatchObject({ path: ['calendars', 'business', 'hours', 'funday'] });
  });

  it('rejects amounts written as numbers and tells the user to quote them', () => {
    const text = `${minimal}pricing:\n  model: fixed\n  base: { monthly: 4000.00 }\n`;
    const { problems } = problemsOf(text);
    expect(problems[0]).toMatchObject({ path: ['pricing', 'base', 'monthly'], line: 11 });
    expect(problems[0]?.message).toMatch(/quoted decimal strings, e.g. "4000.00"/);
  });

  it.each([
    ['a negative amount', 'monthly: "-5.00"'],
    ['an exponent', 'monthly: "1e9"'],
    ['a comma decimal', 'monthly: "12,50"'],
    ['an empty amount', 'monthly: ""'],
    ['a huge amount', `monthly: "${'9'.repeat(40)}"`],
  ])('rejects %s', (_label, field) => {
    const text = `${minimal}pricing:\n  model: fixed\n  base: { ${field} }\n`;
    expect(problemsOf(text).problems[0]?.path).toEqual(['pricing', 'base', 'monthly']);
  });

  it('rejects a percentage above 100% and a bare number', () => {
    const base = readExampleContract('bayline-per-incident');
    expect(problemsOf(base.replace('atLeast: "95%"', 'atLeast: "195%"')).problems[0]?.message).toMatch(/above 100%/);
    expect(problemsOf(base.replace('atLeast: "95%"', 'atLeast: 95')).problems[0]?.message).toMatch(/write "95%"/);
  });

  it('reports a duplicate key as a syntax error with its line', () => {
    const { code, problems } = problemsOf(`${minimal}id: again\n`);
    expect(code).toBe('CONTRACT_SYNTAX');
    expect(problems[0]).toMatchObject({ line: 9, column: 1 });
    expect(problems[0]?.message).toMatch(/appears twice/);
  });

  it('reports broken YAML with line and column', () => {
    const { code, problems } = problemsOf('supportpact: 1\nparties: [a, b\nid: x\n');
    expect(code).toBe('CONTRACT_SYNTAX');
    expect(problems[0]?.line).toBeGreaterThan(0);
    expect(problems[0]?.column).toBeGreaterThan(0);
  });

  it.each([
    ['an empty file', '', /empty/],
    ['only whitespace', '  \n\n', /empty/],
    ['a list at the top', '- a\n- b\n', /a list at the top/],
    ['a scalar at the top', 'hello\n', /at the top/],
    ['binary data', 'supportpact: 1\n\u0000\u0001', /binary/],
  ])('rejects %s', (_label, text, message) => {
    expect(problemsOf(text).problems[0]?.message).toMatch(message);
  });

  it('checks cross-references: calendars, priorities, service levels, with suggestions', () => {
    let text = readExampleContract('northstar-tiered');
    text = text.replace('P2: { within: 1h, calendar: extended }', 'P2: { within: 1h, calendar: extnded }');
    text = text.replace('{ id: p2-response, metric: firstResponse, priorities: [P2]', '{ id: p2-response, metric: firstResponse, priorities: [P5]');
    text = text.replace('{ when: { serviceLevel: p1-resolution, missed: true }', '{ when: { serviceLevel: p1-resolutoin, missed: true }');
    const { code, problems } = problemsOf(text);
    expect(code).toBe('CONTRACT_INVALID');
    expect(problems.map((p) => [p.path?.join('.'), p.hint])).toEqual([
      ['sla.targets.firstResponse.P2.calendar', 'did you mean "extended"?'],
      ['sla.serviceLevels.2.priorities.0', expect.any(String)],
      ['sla.credits.1.when.serviceLevel', 'did you mean "p1-resolution"?'],
    ]);
    expect(problems.every((p) => (p.line ?? 0) > 0)).toBe(true);
  });

  it('rejects a source priority mapped to two contract priorities', () => {
    const text = readExampleContract('northstar-tiered').replace('mapFrom: [high, "2"]', 'mapFrom: [high, "2", Urgent]');
    expect(problemsOf(text).problems[0]?.message).toMatch(/mapped to both P1 and P2/);
  });

  it('rejects bands that do not ascend or leave the last band closed', () => {
    const text = readExampleContract('northstar-tiered').replace('{ upTo: 1500, unitPrice: "15.00" }', '{ upTo: 400, unitPrice: "15.00" }');
    expect(problemsOf(text).problems[0]).toMatchObject({ path: ['pricing', 'tiers', 'bands', 1, 'upTo'] });
  });

  it('explains a credit rule that names two measures', () => {
    const text = readExampleContract('northstar-tiered').replace('{ when: { vendorReport: late }', '{ when: { vendorReport: late, quality: fcr }');
    expect(problemsOf(text).problems[0]?.message).toMatch(/one measure/);
  });

  it('gives every problem a file, line, column and path', () => {
    const text = readExampleContract('northstar-tiered')
      .replace('currency: USD', 'currency: 12')
      .replace('reopen: resume', 'reopen: rewind')
      .replace('within: 4h, calendar: always', 'within: 4 hours, calendar: always')
      .replace('graceDays: 5', 'graceDays: -5');
    const { problems } = problemsOf(text, 'n.yaml');
    expect(problems.length).toBe(4);
    for (const p of problems) {
      expect(p.file).toBe('n.yaml');
      expect(p.line).toBeGreaterThan(0);
      expect(p.column).toBeGreaterThan(0);
      expect(p.path?.length).toBeGreaterThan(0);
    }
  });
});
