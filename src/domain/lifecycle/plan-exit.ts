/**
 * The exit checklist: each exit duty with its deadline counted from the termination's
 * effective date E (E is day 0; "within 30d" is due by the end of E + 30 days, like a
 * notice period), and its status on asOf given the progress recorded so far.
 * Knowledge-transfer sessions are spread evenly over their window of W days: session i
 * of n is due by E + floor(i × W / n), so the last falls on the window's final day.
 */
import type { Contract } from '../contract/schema/contract-schema.js';
import type { Problem } from '../errors/index.js';
import { addCalendarDuration, describeDuration, type Duration } from '../time/duration.js';
import { addDays, daysBetween, type LocalDate } from '../time/local-date.js';
import { exitEffectiveOn, type TerminationNotice } from './exit-effective-on.js';
import { checkLocalDate, lifecycleInputError } from './lifecycle-input-error.js';
import { joinNotes, weekendNote } from './weekend-note.js';

export type ExitItemKind = 'transition-assistance' | 'data-return' | 'data-deletion' | 'deletion-certificate' | 'knowledge-transfer-session' | 'deliverable';
export type ExitItemStatus = 'open' | 'done' | 'overdue';

/** A record that an exit item was done: `{ item: 'data-return', doneOn: '2027-08-20', evidence: 'export receipt #88' }`. */
export interface ExitProgress {
  readonly item: string;
  readonly doneOn: LocalDate;
  readonly evidence: string;
}

export interface ExitItem {
  /** Stable id for progress records: `data-return`, `knowledge-transfer-session-2`, `deliverable:runbooks`. */
  readonly id: string;
  readonly kind: ExitItemKind;
  readonly label: string;
  /** Last day to do it; absent when the contract gives no period for it. */
  readonly dueOn?: LocalDate;
  readonly reason: string;
  readonly clause: string;
  readonly formats?: readonly string[];
  readonly includes?: readonly string[];
  readonly status: ExitItemStatus;
  readonly doneOn?: LocalDate;
  readonly evidence?: string;
  /** Done after its due date. */
  readonly late?: boolean;
  readonly note?: string;
}

export interface ExitPlan {
  readonly noticeOn: LocalDate;
  readonly ground?: TerminationNotice['ground'];
  readonly effectiveOn: LocalDate;
  readonly lastServiceOn: LocalDate;
  readonly effectiveReading: string;
  readonly items: readonly ExitItem[];
  readonly counts: Readonly<Record<ExitItemStatus, number>>;
}

type Draft = Omit<ExitItem, 'status' | 'doneOn' | 'evidence' | 'late'>;

function withDue(effectiveOn: LocalDate, within: Duration | undefined): { dueOn?: LocalDate; reason: string } {
  if (!within) return { reason: 'the contract gives no period for it' };
  return { dueOn: addCalendarDuration(effectiveOn, within), reason: `${effectiveOn} + ${within.text}` };
}

function draftItems(contract: Contract, effectiveOn: LocalDate): Draft[] {
  const exit = contract.term?.exit;
  if (!exit) return [];
  const items: Draft[] = [];
  if (exit.transitionAssistance) {
    items.push({ id: 'transition-assistance', kind: 'transition-assistance', label: `Transition assistance (${describeDuration(exit.transitionAssistance)})`, ...withDue(effectiveOn, exit.transitionAssistance), clause: 'term.exit.transitionAssistance' });
  }
  const ret = exit.dataReturn;
  if (ret) {
    const detail = [ret.formats && `as ${ret.formats.join(', ')}`, ret.includes && `including ${ret.includes.join(', ')}`].filter(Boolean).join(', ');
    items.push({ id: 'data-return', kind: 'data-return', label: `Return the client's data${detail ? ` ${detail}` : ''}`, ...withDue(effectiveOn, ret.within), clause: 'term.exit.dataReturn', ...(ret.formats ? { formats: ret.formats } : {}), ...(ret.includes ? { includes: ret.includes } : {}) });
  }
  const del = exit.dataDeletion;
  if (del) {
    items.push({ id: 'data-deletion', kind: 'data-deletion', label: "Delete the client's data", ...withDue(effectiveOn, del.within), clause: 'term.exit.dataDeletion.within' });
    if (del.certificate) items.push({ id: 'deletion-certificate', kind: 'deletion-certificate', label: 'Deliver a certificate of deletion', ...withDue(effectiveOn, del.within), clause: 'term.exit.dataDeletion.certificate' });
  }
  const kt = exit.knowledgeTransfer;
  if (kt) {
    const window = kt.within ?? exit.transitionAssistance;
    const windowClause = kt.within ? 'term.exit.knowledgeTransfer.within' : 'term.exit.transitionAssistance';
    const sessions = kt.sessions ?? 0;
    const days = window ? daysBetween(effectiveOn, addCalendarDuration(effectiveOn, window)) : undefined;
    for (let i = 1; i <= sessions; i += 1) {
      const offset = days === undefined ? undefined : Math.floor((i * days) / sessions);
      items.push({
        id: `knowledge-transfer-session-${i}`,
        kind: 'knowledge-transfer-session',
        label: `Knowledge-transfer session ${i} of ${sessions}`,
        ...(offset === undefined ? { reason: 'the contract gives no period for the sessions' } : { dueOn: addDays(effectiveOn, offset), reason: `spread evenly over ${days} days: ${effectiveOn} + floor(${i} × ${days} / ${sessions}) = + ${offset} days` }),
        clause: offset === undefined ? 'term.exit.knowledgeTransfer.sessions' : windowClause,
      });
    }
    for (const deliverable of kt.deliverables ?? []) {
      items.push({ id: `deliverable:${deliverable}`, kind: 'deliverable', label: `Deliver ${deliverable}`, ...withDue(effectiveOn, window), clause: 'term.exit.knowledgeTransfer.deliverables' });
    }
  }
  return items;
}

function settle(item: Draft, records: ReadonlyMap<string, ExitProgress>, asOf: LocalDate): ExitItem {
  const record = records.get(item.id);
  const note = joinNotes([item.note, item.dueOn ? weekendNote(item.dueOn) : undefined]);
  const base = { ...item, ...(note ? { note } : {}) };
  if (record && record.doneOn <= asOf) {
    const late = item.dueOn !== undefined && record.doneOn > item.dueOn;
    return { ...base, status: 'done', doneOn: record.doneOn, evidence: record.evidence, ...(late ? { late } : {}) };
  }
  if (item.dueOn !== undefined && asOf > item.dueOn) {
    // Assistance is a period, not a delivery: once it has run its course it is over, not overdue.
    if (item.kind === 'transition-assistance') return { ...base, status: 'done', doneOn: item.dueOn, evidence: `the assistance period ended on ${item.dueOn}` };
    return { ...base, status: 'overdue' };
  }
  return { ...base, status: 'open' };
}

/**
 * Northstar, client convenience notice on 2027-05-01 (effective 2027-07-30), asOf 2027-09-15,
 * data returned 2027-08-20, session 1 held 2027-08-16: transition assistance open to
 * 2027-10-28; data return done; session 1 done (late: due 2027-08-14); session 2 (due
 * 2027-08-29), session 3, deletion and its certificate (due 2027-09-13) overdue; session 4
 * and the four deliverables due 2027-09-28, open.
 */
export function planExit(contract: Contract, notice: TerminationNotice, asOf: LocalDate, progress: readonly ExitProgress[] = []): ExitPlan {
  const problems: Problem[] = [];
  checkLocalDate(notice.noticeOn, ['noticeOn'], problems);
  if (notice.effectiveOn !== undefined) checkLocalDate(notice.effectiveOn, ['effectiveOn'], problems);
  checkLocalDate(asOf, ['asOf'], problems);
  for (const [i, p] of progress.entries()) checkLocalDate(p.doneOn, ['progress', i, 'doneOn'], problems);
  if (problems.length > 0) throw lifecycleInputError(problems, 'USAGE');
  const { effectiveOn, reading } = exitEffectiveOn(contract, notice);
  const drafts = draftItems(contract, effectiveOn);
  const known = new Set(drafts.map((d) => d.id));
  const unknown = progress.map((p, i) => [p, i] as const).filter(([p]) => !known.has(p.item));
  if (unknown.length > 0) {
    throw lifecycleInputError(unknown.map(([p, i]) => ({ message: `progress names unknown exit item "${p.item}"`, path: ['progress', i, 'item'], expected: `one of ${[...known].join(', ')}` })));
  }
  // The latest record per item counts (a re-delivery replaces the first). Work recorded before
  // this notice was given belongs to another exit (or none): it is named, not counted.
  const records = new Map<string, ExitProgress>();
  const beforeNotice = new Map<string, ExitProgress>();
  for (const p of progress) {
    if (p.doneOn > asOf) continue;
    const into = p.doneOn < notice.noticeOn ? beforeNotice : records;
    if ((into.get(p.item)?.doneOn ?? '') <= p.doneOn) into.set(p.item, p);
  }
  const items = drafts.map((d) => {
    const earlier = records.has(d.id) ? undefined : beforeNotice.get(d.id);
    const draft = earlier ? { ...d, note: joinNotes([d.note, `marked done on ${earlier.doneOn}, before this notice (${notice.noticeOn}): not counted`]) } : d;
    return settle(draft, records, asOf);
  });
  const counts = { open: 0, done: 0, overdue: 0 };
  for (const item of items) counts[item.status] += 1;
  return { noticeOn: notice.noticeOn, ...(notice.ground ? { ground: notice.ground } : {}), effectiveOn, lastServiceOn: addDays(effectiveOn, -1), effectiveReading: reading, items, counts };
}
