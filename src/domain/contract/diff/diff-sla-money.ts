import { Decimal } from 'decimal.js';
import { describeCreditCondition, describeIncentiveCondition } from '../describe/describe-sla.js';
import type { Contract } from '../schema/contract-schema.js';
import type { CreditCondition, CreditRuleSpecification, IncentiveCondition, IncentiveRuleSpecification } from '../schema/sla.js';
import { secondsOf } from '../../time/duration.js';
import type { ContractChange } from './contract-change.js';
import { recordChanges } from './change-recorder.js';
import { matchItems, pairLeftovers } from './match-items.js';
import { durationKind, integerKind, percentKind, textKind } from './value-kinds.js';

/** The measure a credit tests, without its threshold: `availability:phone-line:below`. */
function creditFamily(when: CreditCondition): string {
  return when.measure === 'vendorReport' ? `vendorReport:${when.test}` : `${when.measure}:${when.id}:${when.test}`;
}

/** The whole condition, thresholds by value: `below: "99.90%"` and `below: "99.9%"` are one condition. */
function creditKey(when: CreditCondition): string {
  if (when.measure === 'vendorReport' || when.test === 'missed') return creditFamily(when);
  if (when.test === 'below') return `${creditFamily(when)}:${new Decimal(when.below.fraction).toString()}`;
  return `${creditFamily(when)}:${secondsOf(when.longestOutageOver)}`;
}

/** As written, for the field path: `availability:phone-line:below:99.9%`. */
function creditPathKey(when: CreditCondition): string {
  if (when.measure === 'vendorReport' || when.test === 'missed') return creditFamily(when);
  return `${creditFamily(when)}:${when.test === 'below' ? when.below.text : when.longestOutageOver.text}`;
}

function incentiveFamily(when: IncentiveCondition): string {
  return when.measure === 'allServiceLevelsMet' ? when.measure : `${when.measure}:${when.id}`;
}

/** As written, for the field path: `quality:fcr:atLeast:80%`, with `:3mo` when months in a row count. */
function incentivePathKey(when: IncentiveCondition): string {
  const months = when.consecutiveMonths > 1 ? `:${when.consecutiveMonths}mo` : '';
  return `${incentiveFamily(when)}${when.measure === 'allServiceLevelsMet' ? '' : `:atLeast:${when.atLeast.text}`}${months}`;
}

function incentiveKey(when: IncentiveCondition): string {
  const level = when.measure === 'allServiceLevelsMet' ? '' : `:${new Decimal(when.atLeast.fraction).toString()}`;
  return `${incentiveFamily(when)}${level}:${when.consecutiveMonths}mo`;
}

/**
 * Credit rules (matched by their condition), credit caps, bonuses and bonus caps. A higher
 * credit or cap favours the client; a higher bonus or bonus cap favours the vendor:
 * `Monthly credit cap: 15% -> 12%` is for the vendor.
 */
export function diffSlaMoney(before: Contract, after: Contract): ContractChange[] {
  const r = recordChanges('sla');
  const [o, n] = [before.sla, after.sla];

  const credits = pairLeftovers(matchItems<CreditRuleSpecification>(o?.credits, n?.credits, (c) => creditKey(c.when)), (c) => creditFamily(c.when));
  for (const m of credits) {
    const rule = (m.new ?? m.old) as CreditRuleSpecification;
    // A rule whose threshold moved is named by its measure alone, the same in both directions.
    const moved = m.old && m.new && creditKey(m.old.when) !== creditKey(m.new.when);
    const path = `sla.credits[${moved ? creditFamily(rule.when) : creditPathKey(rule.when)}]`;
    const label = `Credit when ${describeCreditCondition(rule.when)}`;
    const words = (c: CreditRuleSpecification): string => `${c.credit.text} of the month's fees`;
    if (!m.old || !m.new) {
      r.item(path, label, m.old && words(m.old), m.new && words(m.new), 'client');
      continue;
    }
    const [ow, nw] = [m.old.when, m.new.when];
    if (ow.measure !== 'vendorReport' && nw.measure !== 'vendorReport' && ow.test === 'below' && nw.test === 'below') {
      // A lower "below" threshold is harder to reach: better for the vendor.
      const what = ow.measure === 'availability' ? `${ow.id} availability` : `service level ${ow.id}`;
      r.field(`${path}.below`, `Credit threshold for ${what}`, percentKind, ow.below, nw.below, { higher: 'client' });
    }
    if (ow.measure === 'availability' && nw.measure === 'availability' && ow.test === 'longestOutageOver' && nw.test === 'longestOutageOver') {
      r.field(`${path}.longestOutageOver`, `Credit threshold for a single ${ow.id} outage`, durationKind, ow.longestOutageOver, nw.longestOutageOver, { higher: 'vendor' });
    }
    r.field(`${path}.credit`, label, percentKind, m.old.credit, m.new.credit, { higher: 'client' });
    r.field(`${path}.description`, `${label}, description`, textKind, m.old.description, m.new.description);
  }

  for (const cap of ['monthly', 'rolling12Months'] as const) {
    const words = cap === 'monthly' ? 'Monthly credit cap' : 'Rolling 12-month credit cap';
    // A cap limits what the client can collect: adding one favours the vendor.
    r.field(`sla.creditCap.${cap}`, words, percentKind, o?.creditCap?.[cap], n?.creditCap?.[cap], { higher: 'client', added: 'vendor' });
  }

  const incentives = pairLeftovers(matchItems<IncentiveRuleSpecification>(o?.incentives, n?.incentives, (i) => incentiveKey(i.when)), (i) => incentiveFamily(i.when));
  for (const m of incentives) {
    const rule = (m.new ?? m.old) as IncentiveRuleSpecification;
    const moved = m.old && m.new && incentiveKey(m.old.when) !== incentiveKey(m.new.when);
    const path = `sla.incentives[${moved ? incentiveFamily(rule.when) : incentivePathKey(rule.when)}]`;
    const label = `Bonus when ${describeIncentiveCondition(rule.when)}`;
    if (!m.old || !m.new) {
      r.item(path, label, m.old && `${m.old.bonus.text} of the month's fees`, m.new && `${m.new.bonus.text} of the month's fees`, 'vendor');
      continue;
    }
    const [ow, nw] = [m.old.when, m.new.when];
    const what = ow.measure === 'allServiceLevelsMet' ? 'every service level' : `${ow.measure === 'quality' ? 'quality measure' : 'service level'} ${ow.id}`;
    if (ow.measure !== 'allServiceLevelsMet' && nw.measure !== 'allServiceLevelsMet') {
      r.field(`${path}.atLeast`, `Bonus threshold for ${what}`, percentKind, ow.atLeast, nw.atLeast, { higher: 'client' });
    }
    r.field(`${path}.consecutiveMonths`, `Consecutive months for the bonus on ${what}`, integerKind, ow.consecutiveMonths, nw.consecutiveMonths, { higher: 'client' });
    r.field(`${path}.bonus`, label, percentKind, m.old.bonus, m.new.bonus, { higher: 'vendor' });
    r.field(`${path}.description`, `${label}, description`, textKind, m.old.description, m.new.description);
  }

  for (const cap of ['monthly', 'rolling12Months'] as const) {
    const words = cap === 'monthly' ? 'Monthly bonus cap' : 'Rolling 12-month bonus cap';
    r.field(`sla.incentiveCap.${cap}`, words, percentKind, o?.incentiveCap?.[cap], n?.incentiveCap?.[cap], { higher: 'vendor', added: 'client' });
  }
  return r.changes;
}
