import { Option } from 'commander';
import { endContractEvent } from '../../../app/end-contract-event.js';
import { recordContractEvent, contractEventKinds } from '../../../app/record-contract-event.js';
import type { CauseEventKind, Party } from '../../../domain/lifecycle/index.js';
import { registerJsonText } from '../../render/register-json.js';
import { registerCommand } from '../command-registry.js';
import { parseDateOption } from '../lifecycle-options.js';
import { withCliStore, withStoreOptions, type StoreOptions } from '../open-cli-store.js';

registerCommand((program, io, setExit) => {
  const event = program.command('event').description('events recorded by hand as evidence for termination grounds: insolvency, force majeure, material breach');

  withStoreOptions(
    event
      .command('add')
      .description('record an event')
      .requiredOption('--contract <id>', 'stored contract id')
      .addOption(new Option('--kind <kind>', 'what happened').choices([...contractEventKinds]).makeOptionMandatory())
      .requiredOption('--started <date>', 'first day of the event')
      .option('--ended <date>', 'last day (cured, dismissed, over); leave out while it lasts')
      .requiredOption('--description <text>', 'what happened, in words')
      .addOption(new Option('--party <party>', 'the party it concerns (the insolvent party, the party in breach)').choices(['client', 'vendor'])),
  ).action(async (options: StoreOptions & { contract: string; kind: CauseEventKind; started: string; ended?: string; description: string; party?: Party }) => {
    const startedOn = parseDateOption(options.started, '--started');
    const endedOn = options.ended !== undefined ? parseDateOption(options.ended, '--ended') : undefined;
    await withCliStore(options, io, async (store) => {
      const { event: e, created } = await recordContractEvent(store, {
        contractId: options.contract,
        kind: options.kind,
        startedOn,
        ...(endedOn ? { endedOn } : {}),
        description: options.description,
        ...(options.party ? { party: options.party } : {}),
        now: Math.floor(Date.now() / 1000),
        actor: 'cli',
      });
      io.stdout.write(`${created ? 'recorded' : 'already recorded:'} ${e.id} ${e.kind} from ${e.startedOn}${e.endedOn ? ` to ${e.endedOn}` : ''} for ${options.contract}\n`);
    });
    setExit(0);
  });

  withStoreOptions(
    event
      .command('end')
      .description("record an event's last day")
      .argument('<event-id>', 'event id (EV-1)')
      .requiredOption('--contract <id>', 'stored contract id')
      .requiredOption('--ended <date>', 'last day of the event'),
  ).action(async (eventId: string, options: StoreOptions & { contract: string; ended: string }) => {
    const endedOn = parseDateOption(options.ended, '--ended');
    await withCliStore(options, io, async (store) => {
      const { event: e, changed } = await endContractEvent(store, { contractId: options.contract, eventId, endedOn, now: Math.floor(Date.now() / 1000), actor: 'cli' });
      io.stdout.write(`${changed ? 'ended' : 'already ended:'} ${e.id} ${e.kind} on ${e.endedOn} for ${options.contract}\n`);
    });
    setExit(0);
  });

  withStoreOptions(
    event
      .command('list')
      .description('the recorded events')
      .requiredOption('--contract <id>', 'stored contract id')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (options: StoreOptions & { contract: string; format: 'text' | 'json' }) => {
    await withCliStore(options, io, async (store) => {
      const events = await store.contractEvents.listContractEvents(options.contract);
      if (options.format === 'json') {
        io.stdout.write(registerJsonText({ contractId: options.contract, events }));
        return;
      }
      if (events.length === 0) io.stdout.write(`no events recorded for ${options.contract}\n`);
      for (const e of events) io.stdout.write(`${e.id.padEnd(6)} ${e.kind.padEnd(16)} ${e.startedOn} to ${e.endedOn ?? '(ongoing)'}${e.party ? ` · concerns the ${e.party}` : ''} · ${e.description}\n`);
    });
    setExit(0);
  });
});
