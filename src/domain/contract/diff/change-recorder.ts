import { otherParty, type ContractChange, type DiffSection, type Favours } from './contract-change.js';
import { textKind, type ValueKind } from './value-kinds.js';

export interface FieldOptions {
  /** Who gains when the value goes up (a longer target, a higher price: the vendor); for lists, when items are added. */
  readonly higher?: Favours;
  /** Who gains when the field appears (a new credit rule: the client); its removal favours the other party. */
  readonly added?: Favours;
  /** Who gains from any change of an unordered value (ownership moving to the client: the client). */
  readonly changed?: Favours;
  /** Said after the values: `extended hours` reads `8 hours -> 6 hours (extended hours)`. */
  readonly context?: string;
}

/** Collects the changes of one section, field by field. */
export interface ChangeRecorder {
  readonly changes: ContractChange[];
  /** Compares one field; records nothing when both values mean the same. */
  field<T>(path: string, label: string, kind: ValueKind<T>, oldValue: T | undefined, newValue: T | undefined, options?: FieldOptions): void;
  /** Records a whole item (a service level, a credit rule) present on one side only; items on both sides are compared field by field. */
  item(path: string, label: string, oldText: string | undefined, newText: string | undefined, added?: Favours): void;
}

/** `Service level p1` -> `service level p1`, but `P2 target` and `CCPA terms` keep their capitals. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/**
 * A recorder for one section: `recordChanges('sla').field('sla.targets.resolution.P2.within',
 * 'P2 resolution target', durationKind, 8h, 6h, { higher: 'vendor', context: 'extended hours' })`
 * records `P2 resolution target: 8 hours -> 6 hours (extended hours)`, favouring the client.
 */
export function recordChanges(section: DiffSection): ChangeRecorder {
  const changes: ContractChange[] = [];
  const push = (change: Omit<ContractChange, 'section'>): void => {
    changes.push({ section, ...change });
  };
  const recorder: ChangeRecorder = {
    changes,
    field(path, label, kind, oldValue, newValue, options = {}) {
      const context = options.context ? ` (${options.context})` : '';
      const detail = options.context ? { detail: options.context } : {};
      if (oldValue === undefined && newValue === undefined) return;
      if (oldValue === undefined) {
        const text = kind.format(newValue as NonNullable<typeof newValue>);
        push({ path, kind: 'added', label, new: text, ...detail, summary: `Added ${lowerFirst(label)}: ${text}${context}`, ...(options.added ? { favours: options.added } : {}) });
        return;
      }
      if (newValue === undefined) {
        const text = kind.format(oldValue);
        push({ path, kind: 'removed', label, old: text, ...detail, summary: `Removed ${lowerFirst(label)} (was ${text})${context}`, ...(options.added ? { favours: otherParty(options.added) } : {}) });
        return;
      }
      const order = kind.compare(oldValue, newValue);
      if (order === 0) return;
      const [before, after] = [kind.format(oldValue), kind.format(newValue)];
      const favours = order !== undefined && options.higher ? (order < 0 ? options.higher : otherParty(options.higher)) : options.changed;
      const delta = kind.describeChange?.(oldValue, newValue);
      const details = [delta, options.context].filter((x): x is string => x !== undefined);
      push({
        path,
        kind: 'changed',
        label,
        old: before,
        new: after,
        ...(details.length > 0 ? { detail: details.join('; ') } : {}),
        summary: `${label}: ${delta ?? `${before} -> ${after}`}${context}`,
        ...(favours ? { favours } : {}),
      });
    },
    item(path, label, oldText, newText, added) {
      if (oldText !== undefined && newText !== undefined) return;
      recorder.field(path, label, textKind, oldText, newText, added ? { added } : {});
    },
  };
  return recorder;
}
