/**
 * The per-request work budget, enforced while the request runs: at most N
 * ERP round trips (checked by the guarded port before each call) and at most
 * M priced lines (charged by the resolvers before they price). It backs up
 * the cost analysis (costLimit.ts), which estimates before execution and can
 * be wrong about data-dependent work such as a catalog page whose articles
 * are mostly hidden from the viewer.
 */
import { PonteError } from '../errors';
import type { RequestErpScope } from '../erp/requestScope';
import { message } from '../messages/catalogue';

export function erpBudgetExceeded(max: number): PonteError {
  return new PonteError('QUERY_TOO_COMPLEX', message('limits.erpRoundTrips', { max }));
}

/** Charges `lines` priced lines to the request; throws QUERY_TOO_COMPLEX past the budget. */
export function chargePricedLines(scope: RequestErpScope | null, lines: number): void {
  if (!scope || scope.maxPricedLines === undefined) return;
  const after = (scope.pricedLines ?? 0) + lines;
  if (after > scope.maxPricedLines) throw new PonteError('QUERY_TOO_COMPLEX', message('limits.pricedLines', { max: scope.maxPricedLines }));
  scope.pricedLines = after;
}

/**
 * Per-article computations (a price, price breaks, an explanation,
 * availability) per event-loop turn before a large request lets others in.
 * 100 (~2 ms of work): a category page (48 articles, price and stock: 96)
 * runs in one turn; the largest requests (200 articles, three priced fields
 * each) give way five times. At 50, every page yielded once, 50 pages in
 * flight interleaved, their garbage outlived the young generation and
 * garbage collection took 40 % of the time (measured: a page that missed
 * the response cache went from 250 to 546 a second once pages ran in one
 * turn).
 */
export const LINES_PER_TURN = 100;

interface Turn {
  used: number;
  next: Promise<void> | null;
}

const turns = new WeakMap<object, Turn>();

/**
 * Waits, when this request has done LINES_PER_TURN per-article computations
 * in the current event-loop turn, for the next turn. Resolvers run in promise
 * continuations, which never give way to I/O: without this, a request pricing 400 articles
 * holds the loop for its whole length (hundreds of ms on a small machine)
 * while every other request waits behind it. Called after the inputs are
 * loaded, so DataLoader batches are untouched.
 */
export async function computeTurn(scope: RequestErpScope | null): Promise<void> {
  if (!scope) return;
  let turn = turns.get(scope);
  if (!turn) turns.set(scope, (turn = { used: 0, next: null }));
  while (turn.used >= LINES_PER_TURN) {
    const current = turn;
    current.next ??= new Promise<void>((resolve) =>
      setImmediate(() => {
        current.used = 0;
        current.next = null;
        resolve();
      }),
    );
    await current.next;
  }
  turn.used += 1;
}
