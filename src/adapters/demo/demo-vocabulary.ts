import type { Contract } from '../../domain/contract/schema/contract-schema.js';

/** A contract priority with the raw source values that map to it (`mapFrom`), most common first. */
export interface DemoPriority {
  readonly id: string;
  readonly raws: readonly string[];
}

/** The words a contract lets tickets use: priorities, channels, services, technologies. */
export interface DemoVocabulary {
  /** In contract order: the first is the most urgent. */
  readonly priorities: readonly DemoPriority[];
  readonly channels: readonly string[];
  readonly services: readonly string[];
  /** An excluded service id, when the contract excludes one. */
  readonly excludedService: string | undefined;
  readonly technologies: readonly string[];
  /** A technology the scope does not cover: an older version of a listed operating system. */
  readonly uncoveredTechnology: string;
}

/**
 * The vocabulary of a contract: northstar gives priorities P1 (`urgent`, `critical`, `"1"`)
 * to P4, channels phone, chat, email and portal, and `Windows 10` as the uncovered technology
 * (only Windows 11 is listed).
 */
export function readDemoVocabulary(contract: Contract): DemoVocabulary {
  const priorities = Object.entries(contract.sla?.priorities ?? {}).map(([id, spec]) => ({ id, raws: spec.mapFrom && spec.mapFrom.length > 0 ? spec.mapFrom : [id] }));
  if (priorities.length === 0) throw new RangeError('the demo needs a contract with sla.priorities');
  const channels = Object.keys(contract.scope?.channels ?? {});
  const services = (contract.scope?.services ?? []).map((s) => s.id);
  const tech = contract.scope?.technologies;
  const technologies: string[] = [];
  let uncoveredTechnology = 'Windows 10';
  let uncoveredFound = false;
  for (const os of tech?.operatingSystems ?? []) {
    const versions = os.versions ?? [];
    if (versions.length === 0) technologies.push(os.name);
    for (const version of versions) technologies.push(`${os.name} ${version}`);
    const numeric = versions.map(Number).filter((v) => Number.isInteger(v) && v > 1);
    if (!uncoveredFound && numeric.length > 0) {
      // Windows 11 listed -> Windows 10, the version a few client laptops still run.
      uncoveredTechnology = `${os.name} ${Math.min(...numeric) - 1}`;
      uncoveredFound = true;
    }
  }
  technologies.push(...(tech?.applications ?? []), ...(tech?.devices ?? []));
  return {
    priorities,
    channels: channels.length > 0 ? channels : ['email'],
    services: services.length > 0 ? services : ['troubleshooting'],
    excludedService: contract.scope?.excluded?.[0]?.id,
    technologies,
    uncoveredTechnology,
  };
}
