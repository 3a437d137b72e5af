import { Option, type Command } from 'commander';
import type { BreachIncidentFacts } from '../../../app/breach-incident-input.js';
import { breachRegister } from '../../../app/breach-register.js';
import { loadStoredContract } from '../../../app/load-stored-contract.js';
import { recordBreachIncident } from '../../../app/record-breach-incident.js';
import { updateBreachIncident } from '../../../app/update-breach-incident.js';
import { SupportPactError } from '../../../domain/errors/index.js';
import type { BreachIncidentResult } from '../../../domain/risk/index.js';
import { formatInZone } from '../../../domain/time/index.js';
import { renderBreachRegisterText } from '../../render/breach-register-text.js';
import { registerJsonText } from '../../render/register-json.js';
import { registerCommand } from '../command-registry.js';
import { parseCountOption, parseInstantOption, parseListOption, parseYesNoOption } from '../lifecycle-options.js';
import { withCliStore, withStoreOptions, type StoreOptions } from '../open-cli-store.js';
import { parseAsOf } from './explain-command.js';

interface FactOptions {
  discovered?: string;
  clientData?: string;
  records?: string;
  caResidents?: string;
  categories?: string;
  vendorNotified?: string;
  individualsNotified?: string;
  agNotified?: string;
  lawEnforcementDelay?: string;
  description?: string;
}

function factOptions(command: Command, required: boolean): Command {
  const add = (flags: string, text: string) => (required ? command.requiredOption(flags, text) : command.option(flags, text));
  add('--discovered <instant>', 'when the breach was discovered (ISO-8601; local time in the contract zone without an offset)');
  add('--client-data <yes|no>', 'whether client data is involved');
  add('--records <n>', 'records affected');
  add('--ca-residents <n>', 'California residents affected');
  add('--categories <list>', 'data categories, comma separated (contact-details,account-metadata)');
  return command
    .option('--vendor-notified <instant>', 'when the vendor notified the client')
    .option('--individuals-notified <instant>', 'when affected individuals were notified')
    .option('--ag-notified <instant>', 'when the California Attorney General was sent the sample notice')
    .option('--law-enforcement-delay <yes|no>', 'law enforcement asked for notice to be delayed (Civil Code 1798.82(c))')
    .option('--description <text>', 'what happened');
}

/** The facts given on the command line (only those given), instants read in the contract's zone. */
function factsOf(options: FactOptions, zone: string): Partial<BreachIncidentFacts> {
  const instant = (text: string | undefined, option: string) => (text === undefined ? undefined : parseInstantOption(text, zone, option));
  const facts: Record<string, unknown> = {
    discoveredAt: instant(options.discovered, '--discovered'),
    clientDataInvolved: options.clientData === undefined ? undefined : parseYesNoOption(options.clientData, '--client-data'),
    recordsAffected: options.records === undefined ? undefined : parseCountOption(options.records, '--records'),
    californiaResidentsAffected: options.caResidents === undefined ? undefined : parseCountOption(options.caResidents, '--ca-residents'),
    dataCategories: options.categories === undefined ? undefined : parseListOption(options.categories),
    vendorNotifiedClientAt: instant(options.vendorNotified, '--vendor-notified'),
    individualsNotifiedAt: instant(options.individualsNotified, '--individuals-notified'),
    attorneyGeneralNotifiedAt: instant(options.agNotified, '--ag-notified'),
    lawEnforcementDelay: options.lawEnforcementDelay === undefined ? undefined : parseYesNoOption(options.lawEnforcementDelay, '--law-enforcement-delay'),
    description: options.description,
  };
  return Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)) as Partial<BreachIncidentFacts>;
}

function deadlineSummary(result: BreachIncidentResult, zone: string): string {
  return '  deadlines as of now:\n' + result.deadlines
    .filter((d) => d.required)
    .map((d) => `    ${d.kind}: ${d.status}${d.dueAt !== undefined ? `, due ${formatInZone(d.dueAt, zone).replace('T', ' ').slice(0, 16)}` : ''}${d.note ? ` (${d.note})` : ''}`)
    .join('\n');
}

registerCommand((program, io, setExit) => {
  const breach = program.command('breach').description('the data-breach register: incidents and their notification deadlines (vendor to client, individuals, California Attorney General)');

  withStoreOptions(factOptions(breach.command('add').description('record a breach incident').requiredOption('--contract <id>', 'stored contract id').option('--id <id>', 'incident id (default: the next BR-<n>)'), true)).action(
    async (options: StoreOptions & FactOptions & { contract: string; id?: string }) => {
      await withCliStore(options, io, async (store) => {
        const zone = (await loadStoredContract(store, options.contract)).loaded.contract.timezone;
        const facts = factsOf(options, zone) as BreachIncidentFacts;
        const now = Math.floor(Date.now() / 1000);
        const recorded = await recordBreachIncident(store, { contractId: options.contract, ...(options.id ? { id: options.id } : {}), facts, now, actor: 'cli' });
        io.stdout.write(`${recorded.created ? 'recorded' : 'already recorded:'} breach incident ${recorded.incident.id} for ${options.contract}\n${deadlineSummary(recorded.evaluation, zone)}\n`);
      });
      setExit(0);
    },
  );

  withStoreOptions(factOptions(breach.command('update').description('change recorded facts of an incident (typically the notices, as they are given)').argument('<incident-id>', 'incident id (BR-1)').option('--contract <id>', 'stored contract id (needed only when several contracts have this incident id)'), false)).action(
    async (incidentId: string, options: StoreOptions & FactOptions & { contract?: string }) => {
      await withCliStore(options, io, async (store) => {
        const found = options.contract === undefined ? await store.breachIncidents.findBreachIncident(incidentId) : [];
        const contractId = options.contract ?? (found.length === 1 ? found[0]!.contractId : undefined);
        const zone = contractId ? (await loadStoredContract(store, contractId)).loaded.contract.timezone : undefined;
        const changes = zone ? factsOf(options, zone) : {};
        if (zone && Object.keys(changes).length === 0) throw new SupportPactError('USAGE', `nothing to change for ${incidentId}`, { problems: [{ message: 'give at least one fact to change, e.g. --vendor-notified 2027-03-06T20:00' }] });
        const updated = await updateBreachIncident(store, { incidentId, ...(contractId ? { contractId } : {}), changes, now: Math.floor(Date.now() / 1000), actor: 'cli' });
        io.stdout.write(`${updated.changed.length > 0 ? `updated ${updated.changed.join(', ')} of` : 'nothing changed in'} breach incident ${incidentId} for ${updated.contractId}\n${deadlineSummary(updated.evaluation, zone ?? 'UTC')}\n`);
      });
      setExit(0);
    },
  );

  withStoreOptions(
    breach
      .command('list')
      .description('the register with each deadline and overdue flags')
      .requiredOption('--contract <id>', 'stored contract id')
      .option('--as-of <instant>', '"now" for the deadlines (default: the current time)')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (options: StoreOptions & { contract: string; asOf?: string; format: 'text' | 'json' }) => {
    await withCliStore(options, io, async (store) => {
      const zone = (await loadStoredContract(store, options.contract)).loaded.contract.timezone;
      const register = await breachRegister(store, options.contract, parseAsOf(options.asOf, zone, Date.now));
      io.stdout.write(options.format === 'json' ? registerJsonText(register) : renderBreachRegisterText(register));
    });
    setExit(0);
  });
});
