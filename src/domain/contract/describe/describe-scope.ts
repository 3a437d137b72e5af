import { describeDuration } from '../../time/duration.js';
import type { Contract } from '../schema/contract-schema.js';
import { describeCalendar } from './describe-calendar.js';
import { listWords, section, type ScheduleSection } from './schedule.js';

/** The scope of work in words and tables. */
export function describeScope(contract: Contract): ScheduleSection {
  const scope = contract.scope;
  if (!scope) return { ...section('scope', 'Scope of work', []), missing: 'No scope: the services, technologies, channels and data access are not defined.' };
  const tech = scope.technologies;
  const access = scope.dataAccess;
  const channelRows = Object.entries(scope.channels ?? {}).map(([name, spec]) => {
    const calendar = spec.coverage ? contract.calendars?.[spec.coverage] : undefined;
    return [name, spec.coverage ? `${spec.coverage}: ${calendar ? describeCalendar(calendar) : 'unknown calendar'}` : 'not stated', (spec.languages ?? []).join(', ')];
  });
  return section(
    'scope',
    'Scope of work',
    [
      tech?.ticketing && `Tickets are kept in ${tech.ticketing.system}${tech.ticketing.owner ? `, owned by the ${tech.ticketing.owner}` : ''}.`,
      tech?.operatingSystems && `Supported operating systems: ${listWords(tech.operatingSystems.map((os) => `${os.name}${os.versions ? ` ${os.versions.join('/')}` : ''}`))}.`,
      tech?.applications && `Supported applications: ${listWords(tech.applications)}.`,
      tech?.devices && `Supported devices: ${listWords(tech.devices)}.`,
      'Tickets about an excluded service or an unlisted technology are outside the service levels and listed separately.',
      access?.allowedCategories && `The vendor may access only these data categories: ${listWords(access.allowedCategories)}.`,
      access?.prohibitedCategories && `The vendor must never access: ${listWords(access.prohibitedCategories)}.`,
      access?.safeguards && `Every access requires: ${listWords(access.safeguards)}.`,
      access?.reviewEvery && `Vendor access is reviewed every ${describeDuration(access.reviewEvery)}.`,
    ],
    [
      { caption: 'Services in scope', columns: ['Service', 'Description'], rows: (scope.services ?? []).map((s) => [s.id, s.description ?? '']) },
      { caption: 'Excluded services', columns: ['Service', 'Description'], rows: (scope.excluded ?? []).map((s) => [s.id, s.description ?? '']) },
      { caption: 'Support channels and coverage', columns: ['Channel', 'Staffed', 'Languages'], rows: channelRows },
    ],
  );
}
