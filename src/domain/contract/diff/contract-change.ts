/** The parts of a contract an amendment review groups its changes by, in reading order. */
export const diffSections = ['general', 'parties', 'calendars', 'scope', 'sla', 'term', 'pricing', 'risk'] as const;
export type DiffSection = (typeof diffSections)[number];

export type ChangeKind = 'added' | 'removed' | 'changed';

/** The party a change is clearly better for; absent when it is unclear or two-sided. */
export type Favours = 'client' | 'vendor';

/** Section headings as the rendered contract names them. */
export const diffSectionHeadings: Record<DiffSection, string> = {
  general: 'General',
  parties: 'Parties',
  calendars: 'Calendars',
  scope: 'Scope of work',
  sla: 'Service levels',
  term: 'Duration and termination',
  pricing: 'Cost',
  risk: 'Risk',
};

/**
 * One changed term of an amendment: `{ path: 'sla.targets.resolution.P2.within', section: 'sla',
 * kind: 'changed', label: 'P2 resolution target', old: '8 hours', new: '6 hours',
 * summary: 'P2 resolution target: 8 hours -> 6 hours (extended hours)', favours: 'client' }`.
 */
export interface ContractChange {
  /** Field path; list items matched by id or condition are named in brackets: `sla.serviceLevels[p1-response].atLeast`. */
  readonly path: string;
  readonly section: DiffSection;
  readonly kind: ChangeKind;
  /** What the term is, in words: `P2 resolution target`. */
  readonly label: string;
  /** The old value in words; absent when the term was added. */
  readonly old?: string;
  /** The new value in words; absent when the term was removed. */
  readonly new?: string;
  /** What the two values alone do not say: the calendar a target counts on, a list's added and removed items. */
  readonly detail?: string;
  /** One plain-English line: `P2 resolution target: 8 hours -> 6 hours (extended hours)`. */
  readonly summary: string;
  readonly favours?: Favours;
}

/** The other party: `otherParty('client')` is `'vendor'`. */
export function otherParty(party: Favours): Favours {
  return party === 'client' ? 'vendor' : 'client';
}
