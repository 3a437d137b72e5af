import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option } from 'commander';
import { compareProposals, type ForecastSource } from '../../../app/compare-proposals.js';
import { maxForecastBytes } from '../../../domain/compare/index.js';
import { maxContractBytes } from '../../../domain/contract/parse-contract.js';
import { SupportPactError } from '../../../domain/errors/index.js';
import { readTextFile } from '../../files/read-text-file.js';
import { renderComparisonHtml } from '../../render/compare-html.js';
import { comparisonToJson } from '../../render/compare-json.js';
import { renderComparisonText } from '../../render/compare-text.js';
import type { CliIo } from '../cli-io.js';
import { registerCommand } from '../command-registry.js';
import { withCliStore, withStoreOptions, type StoreOptions } from '../open-cli-store.js';

export interface CompareOptions extends StoreOptions {
  readonly forecast?: string;
  readonly fromHistory?: string;
  readonly from?: string;
  readonly to?: string;
  readonly simulate?: string;
  readonly seed: string;
  readonly missProbability?: string;
  readonly format: 'text' | 'json' | 'html';
  readonly out?: string;
}

function wholeNumber(text: string, option: string, hint: string): number {
  if (!/^-?\d+$/.test(text.trim())) throw new SupportPactError('USAGE', `${option} ${text} is not a whole number`, { problems: [{ message: `"${text}" is not a whole number`, path: [option], hint }] });
  return Number(text);
}

/**
 * `supportpact compare a.yaml b.yaml --forecast f.yaml`: the comparison in the chosen format,
 * to standard output or `--out`. Returns the exit code (0; errors throw).
 */
export async function runCompare(files: readonly string[], options: CompareOptions, io: CliIo): Promise<number> {
  if ((options.forecast === undefined) === (options.fromHistory === undefined)) {
    throw new SupportPactError('USAGE', 'give the volumes with --forecast <file> or --from-history <contract id> (one of them)', { problems: [{ message: 'no forecast, or both kinds at once', path: ['--forecast'], hint: 'examples/forecast.yaml is a complete forecast; docs/forecast-format.md describes the format' }] });
  }
  if (options.forecast !== undefined && (options.from !== undefined || options.to !== undefined)) throw new SupportPactError('USAGE', '--from and --to choose months of stored history; a forecast file sets its own months with start and months');
  const proposals = files.map((file) => ({ file, text: readTextFile(resolve(io.cwd, file), maxContractBytes) }));
  const simulate = options.simulate !== undefined ? { paths: wholeNumber(options.simulate, '--simulate', 'try --simulate 10000'), seed: wholeNumber(options.seed, '--seed', 'write --seed 42') } : undefined;
  const input = (forecast: ForecastSource) => ({ proposals, forecast, ...(options.missProbability !== undefined ? { missProbability: options.missProbability } : {}), ...(simulate ? { simulate } : {}) });
  const comparison =
    options.forecast !== undefined
      ? await compareProposals(input({ kind: 'file', file: options.forecast, text: readTextFile(resolve(io.cwd, options.forecast), maxForecastBytes) }))
      : await withCliStore(options, io, (store) => compareProposals(input({ kind: 'history', contractId: options.fromHistory!, ...(options.from ? { from: options.from } : {}), ...(options.to ? { to: options.to } : {}) }), { store }));
  const output =
    options.format === 'json' ? JSON.stringify(comparisonToJson(comparison), null, 2) + '\n' : options.format === 'html' ? renderComparisonHtml(comparison) : renderComparisonText(comparison);
  if (options.out !== undefined) {
    writeFileSync(resolve(io.cwd, options.out), output);
    io.stderr.write(`wrote ${options.out} (${comparison.proposals.length} proposal${comparison.proposals.length === 1 ? '' : 's'}, ${comparison.forecast.months.length} months)\n`);
  } else io.stdout.write(output);
  return 0;
}

registerCommand((program, io, setExit) => {
  withStoreOptions(
    program
      .command('compare')
      .description('compare vendor proposals on cost and terms for a forecast volume (or the volumes of stored tickets)')
      .argument('<proposal...>', 'proposal contract files (.contract.yaml)')
      .option('--forecast <file>', 'forecast of monthly ticket volumes (docs/forecast-format.md)')
      .option('--from-history <contract id>', 'use the volumes of the tickets stored for this contract instead of a forecast')
      .option('--from <YYYY-MM>', 'with --from-history: first month')
      .option('--to <YYYY-MM>', 'with --from-history: last month')
      .option('--simulate <n>', 'draw n futures from the forecast\'s uncertainty: cost percentiles and the chance each is cheapest')
      .option('--seed <n>', 'seed of the simulation (the same seed gives the same figures)', '1')
      .option('--miss-probability <percent>', 'chance each month that each measure misses, for expected credits (replaces the forecast\'s)')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'html']).default('text'))
      .option('--out <path>', 'write to this file instead of standard output'),
  ).action(async (files: string[], options: CompareOptions) => {
    setExit(await runCompare(files, options, io));
  });
});
