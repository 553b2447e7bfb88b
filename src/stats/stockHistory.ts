/**
 * The end-of-day stock of one article over its last days, for a sparkline:
 * reconstructed backwards from the stock now, as averageStock365 is (a
 * movement on day d changes every end of day before d).
 */
import { compact } from './scaledMath';
import { addDays } from './statsWindows';
import type { Scaled } from './statsModel';

export interface StockLevelPoint {
  date: string;
  /** Thousandths. */
  onHand: Scaled;
}

/**
 * `days` points, oldest first, ending on `asOf`. `movements` maps a day to
 * the sum of the article's movements that day (thousandths); days outside
 * the window are ignored.
 */
export function stockHistory(onHand: Scaled, asOf: string, days: number, movements: ReadonlyMap<string, bigint>): StockLevelPoint[] {
  const points: StockLevelPoint[] = [];
  let level = BigInt(onHand);
  for (let back = 0; back < days; back++) {
    const date = addDays(asOf, -back);
    points.push({ date, onHand: compact(level) });
    level -= movements.get(date) ?? 0n;
  }
  return points.reverse();
}
