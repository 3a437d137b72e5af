/** Contracts and forecasts the comparison tests share. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readExampleContract, repoRoot, type ExampleContractName } from '../../../../test/support/examples.js';
import { parseContract, type LoadedContract } from '../../contract/parse-contract.js';
import type { ForecastCell, ForecastModel, PerformanceAssumption } from '../forecast-types.js';

export function loadExample(name: ExampleContractName): LoadedContract {
  return parseContract(readExampleContract(name), `${name}.contract.yaml`);
}

export function readForecastExample(): string {
  return readFileSync(join(repoRoot, 'examples', 'forecast.yaml'), 'utf8');
}

/**
 * A one-priority contract priced only by bands: `bandContract('a-graduated', 'graduated',
 * [[100, '10.00'], [undefined, '8.00']])`. Extra YAML (credits, minimum, taxes) can be appended
 * under `pricing:` or `sla:` with `pricingExtra` and `slaExtra`.
 */
export function bandContract(
  id: string,
  mode: 'graduated' | 'volume',
  bands: readonly (readonly [number | undefined, string])[],
  options: { pricingExtra?: string; slaExtra?: string; rounding?: string } = {},
): LoadedContract {
  const bandText = bands.map(([upTo, price]) => `{ ${upTo !== undefined ? `upTo: ${upTo}, ` : ''}unitPrice: "${price}" }`).join(', ');
  const text = `supportpact: 1
id: ${id}
title: Test proposal ${id}
parties: { client: { name: Client }, vendor: { name: Vendor ${id} } }
currency: USD
timezone: America/Los_Angeles
calendars:
  always: { timezone: America/Los_Angeles, hours: { mon-sun: ["00:00-24:00"] } }
sla:
  priorities: { P3: { name: Normal, mapFrom: [normal] } }
  targets:
    resolution: { P3: { within: 8h, calendar: always } }
${options.slaExtra ?? ''}
pricing:
  model: tiered
  tiers: { mode: ${mode}, bands: [${bandText}] }
  rounding: ${options.rounding ?? 'half-up'}
${options.pricingExtra ?? ''}
`;
  return parseContract(text, `${id}.contract.yaml`);
}

/** A forecast model written out: `months` months of the same counts per cell. */
export function flatForecast(cells: readonly (ForecastCell & { readonly count: number })[], months: readonly string[], options: { performance?: PerformanceAssumption; levelCv?: number; monthlyCv?: number } = {}): ForecastModel {
  return {
    title: 'Test forecast',
    basis: 'test',
    months,
    cells: cells.map(({ priority, channel }) => ({ priority, channel })),
    expected: months.map(() => cells.map((c) => c.count)),
    levelCv: options.levelCv ?? 0,
    monthlyCv: options.monthlyCv ?? 0,
    arrivals: undefined,
    performance: options.performance,
    assumptions: [],
  };
}

/** The performance assumption with one default miss chance (a fraction such as "0.05"). */
export function missing(fraction: string, byProposal: Record<string, Record<string, string>> = {}, bonusFraction = '0'): PerformanceAssumption {
  return { missFraction: fraction, bonusFraction, byProposal, source: 'the test' };
}
