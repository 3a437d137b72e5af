import { Option, type Command } from 'commander';
import { SupportPactError } from '../../../domain/errors/index.js';
import { loadStoredContract } from '../../../app/load-stored-contract.js';
import { planExitForContract } from '../../../app/plan-exit-for-contract.js';
import { recordExitProgress } from '../../../app/record-exit-progress.js';
import { causeGrounds } from '../../../domain/contract/schema/term.js';
import type { Party, TerminationGround } from '../../../domain/lifecycle/index.js';
import { todayIn } from '../../../domain/time/index.js';
import { renderExitPlanText } from '../../render/exit-plan-text.js';
import { registerJsonText } from '../../render/register-json.js';
import { registerCommand } from '../command-registry.js';
import { parseDateOption } from '../lifecycle-options.js';
import { withCliStore, withStoreOptions, type StoreOptions } from '../open-cli-store.js';

const grounds: readonly TerminationGround[] = ['non-renewal', 'convenience', ...causeGrounds];

registerCommand((program, io, setExit) => {
  const exit = withStoreOptions(
    program
      .command('exit')
      .description('the exit checklist after notice of termination: each duty with its deadline and status (open, done with evidence, overdue); `exit done` records progress')
      .option('--contract <id>', 'stored contract id')
      .option('--notice-date <date>', 'the day notice was given')
      .addOption(new Option('--ground <ground>', 'how the contract ends (sets the effective date)').choices([...grounds]))
      .addOption(new Option('--by <party>', 'the party giving notice (picks the convenience clause)').choices(['client', 'vendor']))
      .option('--effective <date>', 'an agreed effective date (wins over the computed one)')
      .option('--as-of <date>', 'the day to judge (default: today in the contract zone)')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (options: StoreOptions & { contract?: string; noticeDate?: string; ground?: TerminationGround; by?: Party; effective?: string; asOf?: string; format: 'text' | 'json' }) => {
    if (options.contract === undefined || options.noticeDate === undefined) {
      throw new SupportPactError('USAGE', 'exit needs --contract <id> and --notice-date <date>', { problems: [{ message: 'to record progress instead, run `supportpact exit done --contract <id> --item <item-id> --on <date> --evidence "..."`' }] });
    }
    const contractId = options.contract;
    const noticeOn = parseDateOption(options.noticeDate, '--notice-date');
    await withCliStore(options, io, async (store) => {
      const zone = (await loadStoredContract(store, contractId)).loaded.contract.timezone;
      const asOf = options.asOf !== undefined ? parseDateOption(options.asOf, '--as-of') : todayIn(Math.floor(Date.now() / 1000), zone);
      const plan = await planExitForContract(store, {
        contractId,
        noticeOn,
        asOf,
        ...(options.ground ? { ground: options.ground } : {}),
        ...(options.by ? { by: options.by } : {}),
        ...(options.effective ? { effectiveOn: parseDateOption(options.effective, '--effective') } : {}),
      });
      io.stdout.write(options.format === 'json' ? registerJsonText({ asOf, ...plan }) : renderExitPlanText(plan, asOf));
    });
    setExit(0);
  });

  // `--contract` and `--data` belong to `exit` (commander hands them to the parent wherever they
  // stand), so `done` reads them through optsWithGlobals().
  exit
    .command('done')
    .description('record that an exit item was done, with its evidence (give --contract too)')
    .requiredOption('--item <item-id>', 'exit item id, as `exit` lists it (data-return, knowledge-transfer-session-2, deliverable:runbooks, ...)')
    .requiredOption('--on <date>', 'the day it was done')
    .requiredOption('--evidence <text>', 'what proves it (a receipt, a certificate number, minutes)')
    .action(async (_options: unknown, command: Command) => {
      const options = command.optsWithGlobals<StoreOptions & { contract?: string; item: string; on: string; evidence: string }>();
      if (options.contract === undefined) throw new SupportPactError('USAGE', 'exit done needs --contract <id>', { problems: [{ message: 'no contract named', path: ['--contract'] }] });
      const contractId = options.contract;
      const doneOn = parseDateOption(options.on, '--on');
      await withCliStore(options, io, async (store) => {
        const { outcome } = await recordExitProgress(store, { contractId, item: options.item, doneOn, evidence: options.evidence, now: Math.floor(Date.now() / 1000), actor: 'cli' });
        const words = { created: 'recorded', updated: 'updated the evidence of', unchanged: 'already recorded:' } as const;
        io.stdout.write(`${words[outcome]} ${options.item} done on ${doneOn} for ${contractId}\n`);
      });
      setExit(0);
    });
});
