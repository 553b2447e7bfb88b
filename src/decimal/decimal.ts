/**
 * Exact decimal arithmetic for money and quantities.
 *
 * One configured decimal.js constructor for the whole code base: enough
 * significant digits that no contract value (decimal(19,4) prices times
 * decimal(18,3) quantities times three discount factors) is ever rounded by
 * precision, half-up rounding as the pricing rules demand, and plain
 * notation in toString() so values never print as "1e-7".
 */
import DecimalJs from 'decimal.js';

export const Decimal = DecimalJs.clone({
  precision: 60,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);
export const HUNDRED = new Decimal(100);

/** Plain-notation decimal literal: optional minus, digits, optional fraction. */
const DECIMAL_TEXT = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * Parses a decimal as stored in the ERP (client input goes through
 * clientDecimal.ts, which bounds it before building it). Returns null
 * for anything that is not a finite plain-notation number (exponents, NaN,
 * Infinity, hex, empty strings), so callers decide how to report it.
 */
export function parseDecimal(text: string | number | bigint): Decimal | null {
  if (typeof text === 'bigint') return new Decimal(text.toString());
  if (typeof text === 'number') {
    if (!Number.isFinite(text)) return null;
    // A Float literal from a GraphQL document: its shortest round-trip
    // representation is what the client wrote ("9.99", not 9.9900000000000002).
    return new Decimal(String(text));
  }
  const trimmed = text.trim();
  if (!DECIMAL_TEXT.test(trimmed)) {
    // Accept the exponent form only as numbers print it (1e-7), never other junk.
    if (/^-?\d+(?:\.\d+)?e[+-]?\d+$/i.test(trimmed)) return new Decimal(trimmed);
    return null;
  }
  return new Decimal(trimmed);
}

/** Parses a decimal the ERP is required to hold; a malformed value is a contract breach. */
export function erpDecimal(text: string | null | undefined, fallback?: Decimal): Decimal {
  if (text === null || text === undefined || text === '') {
    if (fallback) return fallback;
    throw new TypeError('missing decimal value in ERP data');
  }
  const value = parseDecimal(text);
  if (!value) throw new TypeError(`malformed decimal in ERP data: ${JSON.stringify(text)}`);
  return value;
}

/** Rounds half-up (away from zero on ties) to `places` decimals. */
export function roundHalfUp(value: Decimal, places: number): Decimal {
  return value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

/**
 * Formats with exactly `places` decimals ("10" → "10.0000"). The value must
 * already be rounded to at most that many places.
 */
export function formatFixed(value: Decimal, places: number): string {
  const text = roundHalfUp(value, places).toString();
  if (places === 0) return text;
  const dot = text.indexOf('.');
  if (dot < 0) return `${text}.${'0'.repeat(places)}`;
  const have = text.length - dot - 1;
  return have >= places ? text : text + '0'.repeat(places - have);
}

/** Formats without trailing zeros ("10.00" → "10", "0.50" → "0.5"). */
export function formatPlain(value: Decimal): string {
  return value.isZero() ? '0' : value.toString();
}
