/**
 * Quantities and quantity thresholds in a form the engine can compare in a
 * few nanoseconds. decimal.js comparisons cost hundreds of nanoseconds, and
 * every price compares the ordered quantity with several thresholds, so
 * thresholds (min_qty, decimal(18,3)) are also held as integer thousandths
 * and the quantity as floor(q × 1000):
 *
 *     min_qty <= q  ⇔  min_qty × 1000 <= floor(q × 1000)
 *
 * which is exact because min_qty × 1000 is an integer. Values that are not
 * exact thousandths, or too large for a double to hold exactly, keep
 * milli = null and are compared as decimals.
 */
import { Decimal } from '../decimal/decimal';

export interface Quantity {
  value: Decimal;
  /** floor(value × 1000), or null when it does not fit a double exactly. */
  milli: number | null;
}

export interface Threshold {
  value: Decimal;
  /** value × 1000 when that is an exactly representable integer; else null. */
  milli: number | null;
}

const SAFE = Number.MAX_SAFE_INTEGER;

/** floor(d × 1000) from the decimal's plain text, without decimal arithmetic. */
function floorMilli(d: Decimal): number | null {
  const text = d.toString();
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const dot = body.indexOf('.');
  const whole = dot < 0 ? body : body.slice(0, dot);
  const fraction = dot < 0 ? '' : body.slice(dot + 1);
  let milli = Number(whole + (fraction + '000').slice(0, 3));
  if (!Number.isSafeInteger(milli) || milli > SAFE) return null;
  const truncated = /[1-9]/.test(fraction.slice(3));
  if (negative) milli = -milli - (truncated ? 1 : 0);
  return milli;
}

export function toQuantity(value: Decimal): Quantity {
  return { value, milli: floorMilli(value) };
}

export function toThreshold(value: Decimal): Threshold {
  const milli = floorMilli(value);
  // Exact only when nothing was truncated below the thousandth.
  return { value, milli: milli !== null && value.times(1000).eq(milli) ? milli : null };
}

/** threshold <= quantity. */
export function reaches(threshold: Threshold, quantity: Quantity): boolean {
  if (threshold.milli !== null && quantity.milli !== null) return threshold.milli <= quantity.milli;
  return threshold.value.lte(quantity.value);
}

export function asQuantity(q: Quantity | Decimal): Quantity {
  return q instanceof Decimal ? toQuantity(q) : q;
}
