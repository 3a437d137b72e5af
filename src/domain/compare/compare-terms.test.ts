import { describe, expect, it } from 'vitest';
import { compareTerms } from './compare-terms.js';
import { loadExample } from './test-support/compare-fixtures.js';

const proposals = [loadExample('northstar-tiered'), loadExample('bayline-per-incident'), loadExample('draft-with-gaps')];
const rows = compareTerms(proposals, ['P1', 'P3'], ['phone', 'portal']);
const row = (label: string) => rows.find((r) => r.label === label)?.values;

describe('compareTerms', () => {
  it('puts the targets of each forecast priority side by side, in the words of the contract schedule', () => {
    expect(row('P1 first response')).toEqual(['P1: 15 minutes, around the clock', 'P1: 10 minutes, around the clock', 'P1: 4 hours, counted during business hours']);
    // Bayline's lab-hours calendar is named for its hours: not "lab-hours hours".
    expect(row('P3 first response')?.[1]).toMatch(/, counted during lab-hours$/);
    expect(row('P3 resolution')).toEqual([
      'P3: by the close of the 3rd business day after the ticket arrives (business calendar)',
      'P3: by the close of the 2nd business day after the ticket arrives (lab-hours calendar)',
      'priority not in the contract',
    ]);
  });

  it('shows coverage hours by channel, and says when a proposal does not cover a channel', () => {
    expect(row('phone')).toEqual(['around the clock', 'around the clock', 'not covered']);
    expect(row('portal')?.[1]).toBe('not covered');
    expect(row('email')?.[2]).toBe('Mon–Fri 09:00–17:00 (America/Los_Angeles)');
  });

  it('compares caps, notice periods and exit duties', () => {
    expect(row('Credit cap')).toEqual(['15% a month, 10% over 12 months', '12% a month', 'no cap']);
    expect(row('Client may end for convenience')).toEqual(['90 days notice, fee 1 month of fees', '60 days notice', 'not allowed']);
    expect(row('Renewal')?.[0]).toBe('automatic, 12 months; opt out 60 days before the end');
    expect(row('Data deletion')).toEqual(['within 45 days, certified', 'within 30 days, certified', '—']);
  });

  it("counts each proposal's check findings and lists the errors", () => {
    const findings = row('Findings')!;
    expect(findings[0]).toMatch(/^0 errors/);
    expect(findings[2]).toMatch(/^[1-9]\d* errors?/);
    expect(row('Errors')?.[2]).toContain('"risk" part is missing');
  });
});
