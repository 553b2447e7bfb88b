/**
 * Exact arithmetic for the statistics: quantities arrive from the ERP as
 * integer thousandths, every figure is a quotient of such integers, and each
 * is rounded half-up exactly once. bigint keeps every step exact whatever
 * the magnitudes; results go back to numbers when they are safe integers.
 */
import type { Decimal } from '../decimal/decimal';
import type { Scaled } from './statsModel';

/** num / den rounded half away from zero (decimal.js's ROUND_HALF_UP, as for prices); den > 0. */
export function divRoundHalfUp(num: bigint, den: bigint): bigint {
  if (den <= 0n) throw new RangeError('divRoundHalfUp: the divisor must be positive');
  const twice = 2n * (num < 0n ? -num : num) + den;
  const magnitude = twice / (2n * den);
  return num < 0n ? -magnitude : magnitude;
}

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A scaled integer in the compact form figures keep. */
export function compact(value: bigint): Scaled {
  return value >= MIN_SAFE && value <= MAX_SAFE ? Number(value) : value;
}

/** A decimal setting as a fraction of integers (num / den, den > 0): thresholds compare without rounding. */
export interface Ratio {
  num: bigint;
  den: bigint;
}

export function ratioOf(value: Decimal): Ratio {
  const places = Math.max(0, value.decimalPlaces());
  const den = 10n ** BigInt(places);
  // An integer once scaled by 10^places; the project's Decimal prints it in plain notation.
  return { num: BigInt(value.times(den.toString()).toString()), den };
}

/** Plain notation of a scaled integer without trailing zeros: (12500, 3) → "12.5", (-5, 1) → "-0.5". */
export function formatScaled(value: Scaled, decimals: number): string {
  // A number figure is a safe integer (compact): its digits print exactly without a bigint.
  const negative = value < 0;
  const magnitude = typeof value === 'bigint' ? (negative ? -value : value) : Math.abs(value);
  const digits = magnitude.toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  const text = fraction === '' ? whole : `${whole}.${fraction}`;
  return negative && text !== '0' ? `-${text}` : text;
}
