import { describe, expect, it } from 'vitest';
import { isSupportPactError } from '../errors/index.js';
import { buildPerformanceModel } from './performance-model.js';
import { loadExample, missing } from './test-support/compare-fixtures.js';

describe('buildPerformanceModel', () => {
  it("gives each of northstar's measures the stated miss chance, a per-measure figure overriding it", () => {
    const model = buildPerformanceModel(loadExample('northstar-tiered').contract, missing('0.05', { 'acme-northstar-2027': { 'phone-line': '0.02' } }));
    expect(model.measures.map((m) => `${m.key} ${m.missFraction}`)).toEqual([
      'serviceLevel:p1-response 0.05',
      'serviceLevel:p1-resolution 0.05',
      'serviceLevel:p2-response 0.05',
      'serviceLevel:p2-resolution 0.05',
      'serviceLevel:p3p4-resolution 0.05',
      'quality:fcr 0.05',
      'availability:phone-line 0.02',
      'outage:phone-line 0.02',
      'vendorReport 0.05',
    ]);
    expect(model.serviceLevelMeasures).toEqual([0, 1, 2, 3, 4]);
    expect(model.creditCap).toEqual({ monthlyFraction: '0.15', rollingFraction: '0.1' });
  });

  it('costs a missed measure at its mildest band and names the deeper bands it leaves out', () => {
    const model = buildPerformanceModel(loadExample('northstar-tiered').contract, missing('0.05'));
    const availability = model.credits.find((c) => model.measures[c.measureIndex]!.key === 'availability:phone-line');
    expect(availability).toMatchObject({ percentText: '5%', clause: 'sla.credits[6]' });
    expect(model.notes.join('\n')).toContain('deeper bands sla.credits[7] (15%) are not costed');
    expect(model.notes[0]).toContain('5% of months');
  });

  it('says so when no assumption was given: no misses, so "all service levels met" bonuses are earned', () => {
    const model = buildPerformanceModel(loadExample('northstar-tiered').contract, undefined);
    expect(model.measures.every((m) => m.missFraction === '0')).toBe(true);
    expect(model.notes[0]).toContain('no performance assumption was given');
    expect(model.bonuses.map((b) => b.kind)).toEqual(['reached', 'allServiceLevelsMet']);
  });

  it('refuses an assumption about a measure the proposal does not have', () => {
    try {
      buildPerformanceModel(loadExample('bayline-per-incident').contract, missing('0.05', { 'bayline-helpdesk-2027': { 'phone-line': '0.1' } }));
      expect.unreachable();
    } catch (error) {
      expect(isSupportPactError(error) && error.problems[0]).toMatchObject({ message: 'bayline-helpdesk-2027 has no measure "phone-line"', path: ['performance', 'proposals', 'bayline-helpdesk-2027', 'phone-line'] });
    }
  });
});
