import type { ContractVersion, StoreSession } from './ports/index.js';
import { repairTicketFacts } from './ticket-facts-materializer.js';
import { countFindings, lintContract } from '../domain/contract/lint/index.js';
import { parseContract } from '../domain/contract/parse-contract.js';
import { SupportPactError } from '../domain/errors/index.js';
import { isLocalDate, todayIn, type LocalDate } from '../domain/time/index.js';

export interface AddContractVersionRequest {
  readonly text: string;
  /** Where the text came from, for error positions: a path or an upload name. */
  readonly file: string;
  /** When the version takes effect; default: the term start (first version) or today. */
  readonly effectiveOn?: LocalDate;
  readonly now: number;
  readonly actor: string;
  /** Progress of recomputing the stored tickets' facts under the new version (tickets done). */
  readonly onFactsProgress?: (tickets: number) => void;
}

export interface AddedContractVersion {
  readonly contractId: string;
  readonly version: ContractVersion;
  /** False when the text is identical to the latest stored version (nothing changed). */
  readonly created: boolean;
  readonly counts: Readonly<Record<'error' | 'warning' | 'info', number>>;
  /** Tickets whose facts were recomputed under the new version. */
  readonly ticketFactsRefreshed: number;
}

/**
 * Stores a contract file: a new contract, or a new version when the id exists (an identical
 * text is not stored twice). Appends an audit entry. Throws the loader's located error for
 * an invalid file. A new version recomputes the stored tickets' facts (a read model: until
 * it is done, month scorecards stream events and give the same numbers).
 */
export async function addContractVersion(store: StoreSession, request: AddContractVersionRequest): Promise<AddedContractVersion> {
  const loaded = parseContract(request.text, request.file);
  const contract = loaded.contract;
  if (request.effectiveOn !== undefined && !isLocalDate(request.effectiveOn)) {
    throw new SupportPactError('DATE_INVALID', `effective date ${request.effectiveOn} is not a date`, { problems: [{ message: `"${request.effectiveOn}" is not YYYY-MM-DD`, path: ['effective'] }] });
  }
  const counts = countFindings(lintContract(loaded));
  const added = await store.transaction(async (session): Promise<Omit<AddedContractVersion, 'ticketFactsRefreshed'>> => {
    const existing = await session.contracts.getContract(contract.id);
    const latest = existing ? await session.contracts.getContractVersion(contract.id) : undefined;
    // The same text again, with no new effective date, is not a new version.
    if (latest && latest.yaml === request.text && (request.effectiveOn === undefined || request.effectiveOn === latest.effectiveOn)) {
      return { contractId: contract.id, version: latest, created: false, counts };
    }
    const effectiveOn = request.effectiveOn ?? (existing ? todayIn(request.now, contract.timezone) : (contract.term?.start ?? contract.signed ?? todayIn(request.now, contract.timezone)));
    const { version, created } = await session.contracts.addContractVersion({
      contractId: contract.id,
      title: contract.title,
      client: contract.parties.client.name,
      vendor: contract.parties.vendor.name,
      yaml: request.text,
      effectiveOn,
      addedAt: request.now,
    });
    if (created) {
      await session.audit.appendAudit({
        contractId: contract.id,
        at: request.now,
        actor: request.actor,
        action: 'contract.version-added',
        subject: `${contract.id}@v${version.version}`,
        payload: { version: version.version, sha256: version.sha256, effectiveOn: version.effectiveOn, file: request.file, errors: counts.error, warnings: counts.warning },
      });
    }
    return { contractId: contract.id, version, created, counts };
  });
  const ticketFactsRefreshed = added.created ? await repairTicketFacts(store, added.contractId, request.onFactsProgress) : 0;
  return { ...added, ticketFactsRefreshed };
}
