import type { BusinessCalendar } from './business-calendar.js';
import { epochSecondsOfInstant, type InstantInput } from './instant-input.js';
import { normalisePauses } from './paused-time.js';

/** Options of `addBusinessTime` and `businessTimeBetween`. */
export interface BusinessTimeOptions {
  /** Intervals `[from, to)` whose open time does not count; they may overlap and lie in closed time. */
  readonly pauses?: readonly (readonly [InstantInput, InstantInput])[];
}

/** The options' pauses as a normalised flat list (see `normalisePauses`), or undefined when none. */
export function pausesOf(calendar: BusinessCalendar, options: BusinessTimeOptions | undefined): Float64Array | undefined {
  const pauses = options?.pauses;
  if (!pauses || pauses.length === 0) return undefined;
  return normalisePauses(
    pauses.map(([from, to]) => [epochSecondsOfInstant(from, calendar.zone), epochSecondsOfInstant(to, calendar.zone)] as const),
  );
}
