import { Option } from 'commander';
import { loadStoredContract } from '../../../app/load-stored-contract.js';
import { reconcileSourceSla, type Reconciliation } from '../../../app/reconcile-source-sla.js';
import { registerCommand } from '../command-registry.js';
import { withCliStore, withStoreOptions, type StoreOptions } from '../open-cli-store.js';
import { parseAsOf } from './explain-command.js';

export function renderReconciliationText(r: Reconciliation, contractId: string): string {
  const n = (x: number): string => x.toLocaleString('en-US');
  const lines = [
    `Resolution verdicts of ${contractId}: ours against the source system's own flag`,
    `  compared ${n(r.compared)} tickets: agree on ${n(r.agree)} (${r.agreementPercent})`,
    `  we say met, they say breached: ${n(r.weMetTheyBreached)}; we say breached, they say met: ${n(r.weBreachedTheyMet)}`,
    `  not compared: ${n(r.withoutVerdict.noSourceFlag)} without a source flag, ${n(r.withoutVerdict.noResolutionClock)} without a resolution clock, ${n(r.withoutVerdict.stillRunning)} still running`,
    '',
    '  by priority (compared, agree, met by us, met by them):',
    ...r.byPriority.map((p) => `    ${p.priority.padEnd(9)} ${n(p.compared).padStart(7)} ${`${n(p.agree)} (${((p.agree * 100) / Math.max(1, p.compared)).toFixed(1)}%)`.padStart(16)} ${n(p.oursMet).padStart(7)} ${n(p.theirsMet).padStart(7)}`),
    '',
    '  what the disagreeing tickets have in common:',
    ...r.reasons.slice(0, 14).map((g) => `    ${n(g.count).padStart(6)}  ${g.reason}  (e.g. ${g.examples.slice(0, 3).join(', ')})`),
  ];
  return lines.join('\n') + '\n';
}

registerCommand((program, io, setExit) => {
  withStoreOptions(
    program
      .command('reconcile')
      .description("compare our resolution verdicts with the source system's own SLA flags (never tuned to them)")
      .requiredOption('--contract <id>', 'stored contract id')
      .option('--month <YYYY-MM>', 'only tickets created in this month')
      .option('--as-of <instant>', '"now" for running clocks (default: the current time)')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (options: StoreOptions & { contract: string; month?: string; asOf?: string; format: 'text' | 'json' }) => {
    await withCliStore(options, io, async (store) => {
      const zone = (await loadStoredContract(store, options.contract)).loaded.contract.timezone;
      const result = await reconcileSourceSla(store, options.contract, parseAsOf(options.asOf, zone, Date.now), options.month ? { month: options.month } : {});
      io.stdout.write(options.format === 'json' ? JSON.stringify(result, null, 2) + '\n' : renderReconciliationText(result, options.contract));
    });
    setExit(0);
  });
});
