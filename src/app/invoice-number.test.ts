import { describe, expect, it } from 'vitest';
import { invoiceNumberOf, invoiceNumberPrefix } from './invoice-number.js';

const vendor = (name: string) => ({ parties: { client: { name: 'Acme Robotics, Inc.' }, vendor: { name } } });

describe('invoiceNumberPrefix', () => {
  it("takes the initials of the vendor's name without its legal form", () => {
    expect(invoiceNumberPrefix(vendor('Northstar Support LLC'))).toBe('NS');
    expect(invoiceNumberPrefix(vendor('Bayline Helpdesk Corp.'))).toBe('BH');
    expect(invoiceNumberPrefix(vendor('Société Générale de Support S.A.'))).toBe('SGDS');
  });

  it('falls back to INV when no letter or digit is left', () => {
    expect(invoiceNumberPrefix(vendor('LLC'))).toBe('INV');
    expect(invoiceNumberPrefix(vendor('— & —'))).toBe('INV');
  });
});

describe('invoiceNumberOf', () => {
  it('joins prefix, year of issue and the zero-padded sequence', () => {
    expect(invoiceNumberOf('NS', '2027-04-01', 3)).toBe('NS-2027-0003');
    expect(invoiceNumberOf('NS', '2028-01-03', 13)).toBe('NS-2028-0013');
    expect(invoiceNumberOf('BH', '2031-12-31', 12345)).toBe('BH-2031-12345');
  });
});
