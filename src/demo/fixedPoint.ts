/**
 * Prices and quantities while the demo is drawn: integer counts of 10^-4
 * (prices, decimal(19,4)) or 10^-3 (quantities, decimal(18,3)) units.
 *
 * Why integers and not the project's Decimal: a 100k-article demo formats
 * millions of values, and safe integers are exact, so no binary fraction
 * ever reaches a stored value while the drawing stays cheap. Document totals,
 * where the pricing rules' rounding matters, use src/decimal (see
 * documentTotals.ts).
 */

export const PRICE_SCALE = 4;
export const QTY_SCALE = 3;
export const QTY_ONE = 1000;

/** An integer count of 10^-scale units as a plain decimal with exactly `scale` decimals ("9.9900"). */
export function fixed(units: number, scale: number): string {
  if (!Number.isSafeInteger(units)) throw new RangeError(`not a safe integer: ${units}`);
  const digits = String(units < 0 ? -units : units).padStart(scale + 1, '0');
  const body = scale === 0 ? digits : `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  return units < 0 ? `-${body}` : body;
}

/** Like fixed() without trailing zeros ("0.5", "12", "2.75"): how quantities read in the ERP UI. */
export function plain(units: number, scale: number): string {
  const text = fixed(units, scale);
  return scale === 0 ? text : text.replace(/\.?0+$/, '');
}

export const price = (units: number): string => fixed(units, PRICE_SCALE);
export const qty = (units: number): string => plain(units, QTY_SCALE);
/** Percentages are decimal(5,2), counted here in hundredths of a percent. */
export const percent = (hundredths: number): string => fixed(hundredths, 2);

/** Parses a plain decimal literal from the data tables into 10^-scale units. */
export function toUnits(text: string, scale: number): number {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match || (match[2] ?? '').length > scale) throw new RangeError(`bad decimal literal ${text}`);
  return Number(match[1]) * 10 ** scale + Number((match[2] ?? '').padEnd(scale, '0') || '0');
}

/**
 * round_half_up(value × numerator / denominator) for non-negative integers,
 * exactly: the remainder is taken with integer arithmetic, never a float quotient.
 */
export function mulRatio(value: number, numerator: number, denominator: number): number {
  const product = value * numerator;
  if (!Number.isSafeInteger(product) || product < 0) throw new RangeError(`mulRatio overflow: ${value} × ${numerator}`);
  const remainder = product % denominator;
  const quotient = (product - remainder) / denominator;
  return remainder * 2 >= denominator ? quotient + 1 : quotient;
}

/** Rounds 10^-4 units half-up to whole cents, for prices an ERP user would type. */
export const toCents = (units: number): number => mulRatio(units, 1, 100) * 100;
