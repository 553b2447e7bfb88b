/**
 * Fairness within the event loop: a request pricing hundreds of lines gives
 * way to other work between turns instead of holding the loop throughout.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LINES_PER_TURN, computeTurn } from '../../src/graphql/workBudget';

test('a request does at most LINES_PER_TURN per-article computations per event-loop turn, and every one gets its turn', async () => {
  const log: Array<'turn' | 'line'> = [];
  let ticking = true;
  const tick = () => {
    log.push('turn');
    if (ticking) setImmediate(tick);
  };
  try {
    const scope = { erpCalls: 0 };
    setImmediate(tick);
    await Promise.all(Array.from({ length: 2.5 * LINES_PER_TURN }, () => computeTurn(scope).then(() => log.push('line'))));
  } finally {
    // The ticker must stop whatever happens, or it keeps the test process alive.
    ticking = false;
  }
  const linesPerTurn = log
    .join(' ')
    .split('turn')
    .map((run) => run.split(' ').filter((entry) => entry === 'line').length);
  assert.equal(log.filter((entry) => entry === 'line').length, 2.5 * LINES_PER_TURN);
  assert.ok(Math.max(...linesPerTurn) <= LINES_PER_TURN, `lines per turn: ${linesPerTurn.join(', ')}`);
  assert.ok(linesPerTurn.filter((n) => n > 0).length >= 3);
});
