import { describe, expect, it } from 'vitest';
import { noTurns, turnsEvery } from './event-loop-turns.js';

describe('turnsEvery', () => {
  it('gives no turn before its interval, then one that lets a waiting callback run', async () => {
    const takeTurn = turnsEvery(20);
    expect(takeTurn()).toBeUndefined();
    let ran = false;
    setImmediate(() => (ran = true));
    const started = performance.now();
    while (performance.now() - started < 25) {
      // busy, as an encoder is
    }
    const turn = takeTurn();
    expect(turn).toBeInstanceOf(Promise);
    expect(ran).toBe(false);
    await turn;
    expect(ran).toBe(true);
    expect(takeTurn()).toBeUndefined();
  });

  it('noTurns never gives one', () => {
    expect(noTurns()).toBeUndefined();
  });
});
