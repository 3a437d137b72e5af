import { useEffect, useState } from 'react';
import type { Scorecard } from './api-types.js';
import { ApiError, contractPath } from './api-client.js';
import { fetchCached, type Load } from './use-api.js';
import { addMonths } from '../format/format.js';

function isEmpty(card: Scorecard): boolean {
  return card.volumes.created === 0 && card.volumes.solved === 0 && card.serviceLevels.every((l) => l.settled === 0);
}

/**
 * The scorecards of up to `maxMonths` months ending at `lastMonth`, oldest first. It reads
 * backwards, two months at a time, and stops at the first month with no ticket and no settled
 * clock (before the contract's data starts), so a young contract costs few reads.
 */
export function useScorecardSeries(contractId: string, lastMonth: string, maxMonths = 12): Load<readonly Scorecard[]> {
  const key = `${contractId}|${lastMonth}|${maxMonths}`;
  const [load, setLoad] = useState<{ key: string; value: Load<readonly Scorecard[]> }>({ key: '', value: { status: 'loading' } });
  useEffect(() => {
    let live = true;
    setLoad({ key, value: { status: 'loading' } });
    const read = (month: string): Promise<Scorecard> => fetchCached<Scorecard>(contractPath(contractId, 'scorecards', month)).promise;
    (async () => {
      const cards: Scorecard[] = [];
      for (let offset = 0; offset < maxMonths; offset += 2) {
        const months = [addMonths(lastMonth, -offset), addMonths(lastMonth, -offset - 1)].slice(0, maxMonths - offset);
        const batch = await Promise.all(months.map(read));
        for (const card of batch) {
          if (isEmpty(card) && cards.length > 0) return cards.reverse();
          if (!isEmpty(card)) cards.push(card);
        }
      }
      return cards.reverse();
    })().then(
      (cards) => live && setLoad({ key, value: { status: 'ok', data: cards } }),
      (error: unknown) => live && setLoad({ key, value: { status: 'error', error: error instanceof ApiError ? error : new ApiError(0, 'CLIENT', String(error), {}) } }),
    );
    return () => {
      live = false;
    };
  }, [key, contractId, lastMonth, maxMonths]);
  return load.key === key ? load.value : { status: 'loading' };
}
