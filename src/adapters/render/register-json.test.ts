import { describe, expect, it } from 'vitest';
import { money } from '../../domain/money/index.js';
import { toRegisterJson } from './register-json.js';

describe('toRegisterJson', () => {
  it('writes money as decimal text with its currency and instants as UTC, leaving dates and counts alone', () => {
    const value = { discoveredAt: 1803880800, asOf: 1803880800, at: 0, on: '2027-03-06', recordsAffected: 1180, fee: money(900000n, 'USD'), list: [{ dueAt: 60 }] };
    expect(toRegisterJson(value)).toEqual({
      discoveredAt: '2027-03-01T06:00:00Z',
      asOf: '2027-03-01T06:00:00Z',
      at: '1970-01-01T00:00:00Z',
      on: '2027-03-06',
      recordsAffected: 1180,
      fee: { amount: '9000.00', currency: 'USD' },
      list: [{ dueAt: '1970-01-01T00:01:00Z' }],
    });
  });
});
