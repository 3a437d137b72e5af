/**
 * Long CPU work in turns. A store on another thread (the embedded database's worker) or
 * across a socket (a PostgreSQL server) answers each statement with a message that the event
 * loop handles only between tasks: while an import parses or encodes for 60 ms without a
 * break, the database waits those 60 ms for its next statement. Work that awaits a
 * `TakeTurn` every few items instead lets the loop run once `everyMs` have passed.
 */

/**
 * Resolves after an event-loop turn when one is due; `undefined` otherwise, so a hot loop
 * awaits only then: `const turn = takeTurn(); if (turn) await turn;`.
 */
export type TakeTurn = () => Promise<void> | undefined;

/** Never gives a turn: for callers with nothing else to keep going. */
export const noTurns: TakeTurn = () => undefined;

/** A turn once `everyMs` milliseconds have passed since the last one (2 ms: about 1% of the time spent turning). */
export function turnsEvery(everyMs: number): TakeTurn {
  let last = performance.now();
  return () => {
    if (performance.now() - last < everyMs) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        last = performance.now();
        resolve();
      }),
    );
  };
}
