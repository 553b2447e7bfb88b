/**
 * Decimals sent by clients. Unlike ERP data (parseDecimal), client text is
 * hostile until checked: decimal.js builds "1e100000000" digit by digit, so
 * the text's length, digits and exponent are checked first and a value the
 * ERP could not store is refused before decimal.js ever sees it. The work
 * done here is bounded by MAX_DECIMAL_TEXT, whatever the input.
 */
import { Decimal } from './decimal';

/** How many digits a decimal column holds on each side of the point. */
export interface DecimalBounds {
  integerDigits: number;
  fractionDigits: number;
}

/** The ERP's decimal(18,3): order and price quantities. */
export const QUANTITY_BOUNDS: DecimalBounds = { integerDigits: 15, fractionDigits: 3 };
/** The ERP's decimal(19,4): unit prices. */
export const PRICE_BOUNDS: DecimalBounds = { integerDigits: 15, fractionDigits: 4 };
/**
 * The widest column any client decimal is written to or compared with; the
 * Decimal scalar admits only these, and each use narrows further.
 */
export const CLIENT_DECIMAL_BOUNDS: DecimalBounds = { integerDigits: 15, fractionDigits: 4 };

/**
 * Longest client decimal text. Every admissible value fits in 21 characters;
 * the rest is room for padding zeros and whitespace.
 */
export const MAX_DECIMAL_TEXT = 40;

// Plain notation, or the exponent form numbers print as (1e-7, 1.5e+21).
const PLAIN = /^(-?)(\d+)(?:\.(\d*))?$|^(-?)\.(\d+)$/;
const EXPONENT = /^(-?)(\d+)(?:\.(\d+))?[eE]([+-]?\d{1,6})$/;

interface DecimalText {
  integer: string;
  fraction: string;
  exponent: number;
}

function split(text: string): DecimalText | null {
  const plain = PLAIN.exec(text);
  if (plain) return { integer: plain[2] ?? '', fraction: plain[3] ?? plain[5] ?? '', exponent: 0 };
  const exp = EXPONENT.exec(text);
  if (exp) return { integer: exp[2]!, fraction: exp[3] ?? '', exponent: Number(exp[4]) };
  return null;
}

/** True when the value written as `text` has at most the bounds' digits, counted without padding zeros. */
function fits(parts: DecimalText, bounds: DecimalBounds): boolean {
  const digits = parts.integer + parts.fraction;
  const leading = /^0*/.exec(digits)![0].length;
  const significant = digits.slice(leading).replace(/0+$/, '');
  if (significant === '') return true;
  // Position of the decimal point within `significant`.
  const point = parts.integer.length + parts.exponent - leading;
  const integerDigits = Math.max(0, point);
  const fractionDigits = Math.max(0, significant.length - point);
  return integerDigits <= bounds.integerDigits && fractionDigits <= bounds.fractionDigits;
}

/**
 * The decimal a client wrote, or null when it is not a number (exponents
 * other than the printed-number form, NaN, Infinity, hex, empty) or has
 * more digits than `bounds` allow.
 */
export function parseClientDecimal(input: string | number, bounds: DecimalBounds): Decimal | null {
  if (typeof input === 'number' && !Number.isFinite(input)) return null;
  // A Float from a GraphQL document or JSON: its shortest round-trip
  // representation is what the client wrote ("9.99", not 9.9900000000000002).
  const raw = typeof input === 'number' ? String(input) : input;
  if (raw.length > MAX_DECIMAL_TEXT) return null;
  const text = raw.trim();
  const parts = split(text);
  if (!parts || !fits(parts, bounds)) return null;
  return new Decimal(text);
}

/** A decimal within the bounds (for values already admitted by wider bounds). */
export function isWithin(value: Decimal, bounds: DecimalBounds): boolean {
  // |value| < 10^integerDigits ⇔ its leading digit's exponent is below integerDigits (decimal.js keeps it in `e`).
  return value.decimalPlaces() <= bounds.fractionDigits && (value.isZero() || value.e < bounds.integerDigits);
}

/**
 * A string that is not a decimal ("abc", "1e", ""), or a string or number
 * no ERP column could hold ("1e100000000", more than 15 integer or 4
 * fraction digits). The scalar lets it through so that each operation
 * reports it in its own terms: a bad `price(quantity:)` is BAD_USER_INPUT,
 * a bad order line quantity is the order error INVALID_QUANTITY on that
 * line. Any other type is refused by the scalar itself.
 */
export class InvalidDecimal {
  constructor(readonly text: string) {}
}

export type DecimalInput = Decimal | InvalidDecimal;
