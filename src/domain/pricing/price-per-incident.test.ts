import { describe, expect, it } from 'vitest';
import type { PerIncidentPricing } from './price-per-incident.js';
import { pricePerIncident } from './price-per-incident.js';

/** bayline-per-incident.contract.yaml, pricing.perIncident. */
const bayline: PerIncidentPricing = {
  unit: 'resolved-ticket',
  byPriority: { P1: '95.00', P2: '60.00', P3: '32.00', P4: '21.00' },
  volumeDiscount: { mode: 'volume', bands: [{ upTo: 800, discount: '0%' }, { upTo: 2000, discount: '8%' }, { discount: '12%' }] },
};

describe('pricePerIncident', () => {
  it('applies the 8% band to every line when the month has 1,200 tickets', () => {
    const price = pricePerIncident(bayline, { P1: 10, P2: 100, P3: 600, P4: 490 });
    expect(price.totalCount).toBe(1200);
    expect(price.discountBand).toBe(1);
    expect(price.discount).toBe('8%');
    expect(price.lines.map((l) => [l.priority, l.grossAmount, l.discountAmount, l.amount])).toEqual([
      ['P1', '950.00', '76.00', '874.00'],
      ['P2', '6000.00', '480.00', '5520.00'],
      ['P3', '19200.00', '1536.00', '17664.00'],
      ['P4', '10290.00', '823.20', '9466.80'],
    ]);
    expect(price.grossAmount).toBe('36440.00');
    expect(price.discountAmount).toBe('2915.20');
    expect(price.amount).toBe('33524.80');
  });

  it('picks the band by the whole count: 800 tickets get 0%, 801 get 8%, 2001 get 12%', () => {
    expect(pricePerIncident(bayline, { P3: 800 }).discount).toBe('0%');
    expect(pricePerIncident(bayline, { P3: 800 }).amount).toBe('25600.00');
    expect(pricePerIncident(bayline, { P3: 400, P4: 401 }).discount).toBe('8%');
    const top = pricePerIncident(bayline, { P4: 2001 });
    expect(top.discountBand).toBe(2);
    expect(top.amount).toBe('36978.48'); // 2001 × 21.00 = 42021.00, × 0.88
  });

  it('keeps sub-cent discounts exact for the invoice to round', () => {
    const price = pricePerIncident({ byPriority: { P1: '0.99' }, volumeDiscount: { mode: 'volume', bands: [{ discount: '12.5%' }] } }, { P1: 3 });
    expect(price.lines[0]).toMatchObject({ grossAmount: '2.97', discountAmount: '0.37125', amount: '2.59875' });
  });

  it('prices without a discount when none is written, and skips priorities with no tickets', () => {
    const price = pricePerIncident({ byPriority: bayline.byPriority }, { P1: 2, P2: 0 });
    expect(price.discountBand).toBeNull();
    expect(price.discount).toBe('0%');
    expect(price.lines).toHaveLength(1);
    expect(price.amount).toBe('190.00');
    expect(pricePerIncident(bayline, {}).amount).toBe('0.00');
  });

  it('rejects tickets of a priority with no price, and bad counts', () => {
    expect(() => pricePerIncident(bayline, { P5: 3 })).toThrow('byPriority.P5: priority P5 has tickets but no price; add P5 to byPriority');
    expect(() => pricePerIncident(bayline, { P1: 1.5 })).toThrow('count for P1 is 1.5');
  });

  it('rejects bad prices and discount bands with their paths', () => {
    expect(() => pricePerIncident({ byPriority: { P1: 95 as unknown as string } }, { P1: 1 }, ['pricing', 'perIncident'])).toThrow(
      'pricing.perIncident.byPriority.P1: price is the number 95',
    );
    expect(() => pricePerIncident({ ...bayline, volumeDiscount: { mode: 'volume', bands: [{ upTo: 800, discount: '8' }, { discount: '120%' }] } }, { P1: 1 })).toThrow(
      'volumeDiscount.bands[0].discount: discount "8" has no percent sign',
    );
  });

  it('refuses graduated discounts, which counts by priority cannot settle', () => {
    const graduated = { ...bayline, volumeDiscount: { mode: 'graduated', bands: [{ discount: '5%' }] } } as unknown as PerIncidentPricing;
    expect(() => pricePerIncident(graduated, { P1: 1 })).toThrow('graduated discounts are not supported for per-incident prices; use mode: volume');
  });
});
