import { describeDuration, type Duration } from '../../time/duration.js';
import { addDays } from '../../time/local-date.js';
import { optOutDeadlineOn, termEndOn } from '../../lifecycle/term-dates.js';
import type { Contract } from '../schema/contract-schema.js';
import type { ForCauseTermination, ForConvenienceTermination } from '../schema/term.js';
import { otherParty, type ContractChange, type Favours } from './contract-change.js';
import { recordChanges, type ChangeRecorder } from './change-recorder.js';
import { matchItems } from './match-items.js';
import { amountKind, booleanKind, dateKind, durationKind, integerKind, listKind, monthsKind, textKind } from './value-kinds.js';

/** The dates a term creates, for comparing two versions: `{ termEnd: '2028-12-31', optOutDeadline: '2028-11-02', ... }`. */
export function computedTermDates(contract: Contract): { termEnd?: string; optOutDeadline?: string; firstRenewalEnd?: string } {
  const term = contract.term;
  if (!term) return {};
  const termEnd = termEndOn(term.start, term.initialTerm);
  const renewal = term.renewal?.automatic ? term.renewal : undefined;
  return {
    termEnd,
    ...(renewal?.optOutNotice ? { optOutDeadline: optOutDeadlineOn(termEnd, renewal.optOutNotice) } : {}),
    ...(renewal ? { firstRenewalEnd: termEndOn(addDays(termEnd, 1), renewal.period ?? term.initialTerm) } : {}),
  };
}

/** Who gains when a period that `by` must wait (notice, cure) gets longer: the other side. */
function longerWaitFavours(by: 'client' | 'vendor' | 'either'): Favours | undefined {
  return by === 'either' ? undefined : otherParty(by);
}

function convenienceWords(t: ForConvenienceTermination, currency: string): string {
  const fee = t.fee ? (t.fee.months !== undefined ? `, fee ${monthsKind.format(t.fee.months)} of fees` : `, fee ${amountKind(currency).format(t.fee.amount ?? '0')}`) : '';
  return `${describeDuration(t.notice)} notice${fee}`;
}

function causeWords(t: ForCauseTermination): string {
  return `by ${t.by} on ${describeDuration(t.notice)} notice${t.cure ? `, ${describeDuration(t.cure)} to cure` : ''}`;
}

function diffCause(r: ChangeRecorder, o: ForCauseTermination, n: ForCauseTermination, path: string, label: string): void {
  const wait = n.by === o.by ? longerWaitFavours(n.by) : undefined;
  r.field(`${path}.by`, `${label}: who may terminate`, textKind, o.by, n.by);
  r.field(`${path}.notice`, `${label}: notice`, durationKind, o.notice, n.notice, wait ? { higher: wait } : {});
  r.field(`${path}.cure`, `${label}: cure period`, durationKind, o.cure, n.cure, wait ? { higher: wait, added: wait } : {});
  r.field(`${path}.after`, `${label}: available after`, durationKind, o.after, n.after, wait ? { higher: wait, added: wait } : {});
  const [om, nm] = [o.trigger?.serviceLevelsMissed, n.trigger?.serviceLevelsMissed];
  // A client right that needs more missed months is harder to use: better for the vendor.
  const harder = n.by === 'client' && o.by === 'client' ? { higher: 'vendor' as const } : {};
  r.field(`${path}.trigger.serviceLevelsMissed.consecutiveMonths`, `${label}: consecutive missed months`, integerKind, om?.consecutiveMonths, nm?.consecutiveMonths, harder);
  const window = (w: readonly [number, number] | undefined): string | undefined => w && `${w[0]} of any ${w[1]} months`;
  r.field(`${path}.trigger.serviceLevelsMissed.monthsOutOf`, `${label}: missed months in a window`, textKind, window(om?.monthsOutOf), window(nm?.monthsOutOf));
  r.field(`${path}.trigger.unpaidDays`, `${label}: days unpaid`, integerKind, o.trigger?.unpaidDays, n.trigger?.unpaidDays, wait ? { higher: wait } : {});
  r.field(`${path}.description`, `${label}: description`, textKind, o.description, n.description);
}

/** Term, renewal, termination rights, exit duties, and the key dates they compute: 24mo -> 36mo from 2027-01-01 also reads `Initial term end: 2028-12-31 -> 2029-12-31`. */
export function diffTerm(before: Contract, after: Contract): ContractChange[] {
  const r = recordChanges('term');
  const [o, n] = [before.term, after.term];
  r.field('term.start', 'Start date', dateKind, o?.start, n?.start);
  r.field('term.initialTerm', 'Initial term', durationKind, o?.initialTerm, n?.initialTerm);
  r.field('term.renewal.automatic', 'Automatic renewal', booleanKind, o?.renewal?.automatic, n?.renewal?.automatic);
  r.field('term.renewal.period', 'Renewal period', durationKind, o?.renewal?.period, n?.renewal?.period);
  r.field('term.renewal.optOutNotice', 'Notice to stop the renewal', durationKind, o?.renewal?.optOutNotice, n?.renewal?.optOutNotice);
  r.field('term.renewal.maxRenewals', 'Most renewals', integerKind, o?.renewal?.maxRenewals, n?.renewal?.maxRenewals);

  const [od, nd] = [computedTermDates(before), computedTermDates(after)];
  // Computed, not written: named under term.keyDates so they cannot be mistaken for fields of the file.
  r.field('term.keyDates.termEnd', 'Initial term end', dateKind, od.termEnd, nd.termEnd, { context: 'key date: start + initial term - 1 day' });
  r.field('term.keyDates.optOutDeadline', 'Last day to stop the automatic renewal', dateKind, od.optOutDeadline, nd.optOutDeadline, { context: 'key date: term end + 1 day - opt-out notice' });
  r.field('term.keyDates.firstRenewalEnd', 'First renewal end', dateKind, od.firstRenewalEnd, nd.firstRenewalEnd, { context: 'key date: term end + renewal period' });

  const currency = after.currency;
  for (const m of matchItems(o?.termination?.forConvenience, n?.termination?.forConvenience, (t) => t.by)) {
    const path = `term.termination.forConvenience[${m.key}]`;
    const by = (m.new ?? m.old)?.by ?? 'either';
    const label = `${by === 'either' ? 'Either party' : by === 'client' ? 'Client' : 'Vendor'} termination for convenience`;
    if (!m.old || !m.new) {
      r.item(path, label, m.old && convenienceWords(m.old, currency), m.new && convenienceWords(m.new, currency), by === 'either' ? undefined : by);
      continue;
    }
    // Longer client notice keeps the client longer; longer vendor notice gives the client time to replace it.
    r.field(`${path}.notice`, `${label}: notice`, durationKind, m.old.notice, m.new.notice, by === 'either' ? {} : { higher: otherParty(by) });
    const feeFavours = by === 'either' ? {} : { higher: otherParty(by), added: otherParty(by) };
    r.field(`${path}.fee.months`, `${label}: fee`, monthsKind, m.old.fee?.months, m.new.fee?.months, feeFavours);
    r.field(`${path}.fee.amount`, `${label}: fee`, amountKind(currency), m.old.fee?.amount, m.new.fee?.amount, feeFavours);
  }

  for (const m of matchItems(o?.termination?.forCause, n?.termination?.forCause, (t) => t.ground)) {
    const path = `term.termination.forCause[${m.key}]`;
    const label = `Termination for ${m.key.replace(/#\d+$/, '').replace(/-(?!payment)/g, ' ')}`;
    const by = (m.new ?? m.old)?.by ?? 'either';
    if (!m.old || !m.new) r.item(path, label, m.old && causeWords(m.old), m.new && causeWords(m.new), by === 'either' ? undefined : by);
    else diffCause(r, m.old, m.new, path, label);
  }

  const [oe, ne] = [o?.exit, n?.exit];
  r.field('term.exit.transitionAssistance', 'Transition assistance', durationKind, oe?.transitionAssistance, ne?.transitionAssistance, { higher: 'client', added: 'client' });
  const within = (d: Duration | undefined): string | undefined => d && `within ${describeDuration(d)}`;
  if (!oe?.dataReturn || !ne?.dataReturn) r.item('term.exit.dataReturn', 'Data return on exit', within(oe?.dataReturn?.within), within(ne?.dataReturn?.within), 'client');
  else {
    r.field('term.exit.dataReturn.within', 'Data returned within', durationKind, oe.dataReturn.within, ne.dataReturn.within, { higher: 'vendor' });
    r.field('term.exit.dataReturn.formats', 'Data return formats', listKind, oe.dataReturn.formats ?? [], ne.dataReturn.formats ?? [], { higher: 'client' });
    r.field('term.exit.dataReturn.includes', 'Data returned', listKind, oe.dataReturn.includes ?? [], ne.dataReturn.includes ?? [], { higher: 'client' });
  }
  if (!oe?.dataDeletion || !ne?.dataDeletion) r.item('term.exit.dataDeletion', 'Data deletion on exit', within(oe?.dataDeletion?.within), within(ne?.dataDeletion?.within), 'client');
  else {
    r.field('term.exit.dataDeletion.within', 'Data deleted within', durationKind, oe.dataDeletion.within, ne.dataDeletion.within, { higher: 'vendor' });
    r.field('term.exit.dataDeletion.certificate', 'Deletion certificate', booleanKind, oe.dataDeletion.certificate, ne.dataDeletion.certificate, { higher: 'client', added: 'client' });
  }
  const [ok, nk] = [oe?.knowledgeTransfer, ne?.knowledgeTransfer];
  r.field('term.exit.knowledgeTransfer.sessions', 'Knowledge-transfer sessions', integerKind, ok?.sessions, nk?.sessions, { higher: 'client', added: 'client' });
  r.field('term.exit.knowledgeTransfer.within', 'Knowledge transfer within', durationKind, ok?.within, nk?.within);
  r.field('term.exit.knowledgeTransfer.deliverables', 'Knowledge-transfer deliverables', listKind, ok?.deliverables ?? [], nk?.deliverables ?? [], { higher: 'client' });
  return r.changes;
}
