import type { Contract } from '../contract/schema/contract-schema.js';

/** Why a ticket is outside the service levels, or undefined when it is in scope. */
export type OutOfScopeReason = { readonly kind: 'excluded-service'; readonly service: string } | { readonly kind: 'uncovered-technology'; readonly technology: string };

/** Distinct spellings a matcher remembers per field. */
const memoLimit = 1024;

function normalise(text: string): string {
  return text.trim().toLowerCase();
}

/**
 * Matches a ticket's category and technology against the scope. A category that is an
 * excluded service, or a technology not among the listed operating systems (with version),
 * applications and devices, puts the ticket out of scope; a ticket that names neither is in
 * scope. `Windows 11` matches `{ name: Windows, versions: ["11"] }`; `Windows 10` does not.
 */
export function createScopeMatcher(contract: Contract): (category: string | undefined, technology: string | undefined) => OutOfScopeReason | undefined {
  const excluded = new Set((contract.scope?.excluded ?? []).map((s) => normalise(s.id)));
  const tech = contract.scope?.technologies;
  const covered = new Set<string>();
  const osNames = new Set<string>();
  for (const os of tech?.operatingSystems ?? []) {
    osNames.add(normalise(os.name));
    if (!os.versions || os.versions.length === 0) covered.add(normalise(os.name));
    for (const version of os.versions ?? []) covered.add(normalise(`${os.name} ${version}`));
  }
  for (const app of tech?.applications ?? []) covered.add(normalise(app));
  for (const device of tech?.devices ?? []) covered.add(normalise(device));
  const technologiesListed = covered.size > 0;
  // Sources repeat a few spellings ("Windows 11", "troubleshooting") across a million tickets:
  // each spelling is normalised and matched once, up to `memoLimit` spellings (memory stays bounded).
  const excludedBySpelling = new Map<string, boolean>();
  const uncoveredBySpelling = new Map<string, boolean>();
  const isExcluded = (category: string): boolean => {
    let excludedNow = excludedBySpelling.get(category);
    if (excludedNow === undefined) {
      excludedNow = excluded.has(normalise(category));
      if (excludedBySpelling.size < memoLimit) excludedBySpelling.set(category, excludedNow);
    }
    return excludedNow;
  };
  const isUncovered = (technology: string): boolean => {
    let uncovered = uncoveredBySpelling.get(technology);
    if (uncovered === undefined) {
      const t = normalise(technology);
      // "Windows" alone names an operating system whose versions are listed: in scope.
      uncovered = !covered.has(t) && !osNames.has(t);
      if (uncoveredBySpelling.size < memoLimit) uncoveredBySpelling.set(technology, uncovered);
    }
    return uncovered;
  };
  return (category, technology) => {
    if (category !== undefined && isExcluded(category)) return { kind: 'excluded-service', service: category };
    if (technology !== undefined && technologiesListed && isUncovered(technology)) return { kind: 'uncovered-technology', technology };
    return undefined;
  };
}
