/**
 * The API's scalars. `Decimal` is the only place a decimal is serialised:
 * values travel as decimal.js instances or preformatted strings and leave as
 * plain-notation strings; input accepts String, Int and Float literals.
 */
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import {
  CLIENT_DECIMAL_BOUNDS,
  type DecimalBounds,
  type DecimalInput,
  InvalidDecimal,
  isWithin,
  parseClientDecimal,
} from '../decimal/clientDecimal';
import { Decimal, formatPlain } from '../decimal/decimal';
import { badUserInput } from '../errors';
import { message } from '../messages/catalogue';

export { InvalidDecimal, type DecimalInput };

function toDecimal(value: unknown): DecimalInput {
  if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) {
    return parseClientDecimal(value, CLIENT_DECIMAL_BOUNDS) ?? new InvalidDecimal(String(value));
  }
  throw badUserInput(message('input.decimal', { value: String(JSON.stringify(value)?.slice(0, 40)) }));
}

/** The decimal an argument holds within `bounds`, or BAD_USER_INPUT naming the argument. */
export function requireDecimal(value: DecimalInput, argument: string, bounds: DecimalBounds = CLIENT_DECIMAL_BOUNDS): Decimal {
  if (value instanceof Decimal && isWithin(value, bounds)) return value;
  const text = value instanceof InvalidDecimal ? value.text : String(value);
  throw badUserInput(
    message('input.decimalBounds', { argument, integerDigits: bounds.integerDigits, fractionDigits: bounds.fractionDigits, value: JSON.stringify(text.slice(0, 40)) }),
  );
}

/** A decimal argument greater than zero (a quantity), or BAD_USER_INPUT naming the argument. */
export function requirePositive(value: DecimalInput, argument: string, bounds: DecimalBounds = CLIENT_DECIMAL_BOUNDS): Decimal {
  const decimal = requireDecimal(value, argument, bounds);
  if (!decimal.isPositive() || decimal.isZero()) throw badUserInput(message('input.positive', { argument }));
  return decimal;
}

export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description: 'An exact decimal number, serialised as a string in plain notation ("8.5415"). Input accepts a string, Int or Float.',
  serialize(value: unknown): string {
    if (value instanceof Decimal) return formatPlain(value);
    if (typeof value === 'string') return value;
    throw new TypeError('Decimal: internal value is not a decimal');
  },
  parseValue: toDecimal,
  parseLiteral(ast: ValueNode): DecimalInput {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return toDecimal(ast.value);
    throw badUserInput(message('input.decimalLiteral'));
  },
});

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Checks YYYY-MM-DD and that the day exists (no 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function toDate(value: unknown): string {
  if (typeof value === 'string' && isCalendarDate(value)) return value;
  throw badUserInput(message('input.date', { value: String(JSON.stringify(value)?.slice(0, 40)) }));
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize(value: unknown): string {
    if (typeof value === 'string') return value;
    throw new TypeError('Date: internal value is not a date string');
  },
  parseValue: toDate,
  parseLiteral(ast: ValueNode): string {
    if (ast.kind === Kind.STRING) return toDate(ast.value);
    throw badUserInput(message('input.dateLiteral'));
  },
});

/** ISO 8601 with a time and an offset (Z or ±hh:mm): an instant, never a wall-clock time. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

export function isDateTime(text: string): boolean {
  return DATE_TIME.test(text) && isCalendarDate(text.slice(0, 10)) && !Number.isNaN(Date.parse(text));
}

function toDateTime(value: unknown): string {
  if (typeof value === 'string' && isDateTime(value)) return value;
  throw badUserInput(message('input.dateTime', { value: String(JSON.stringify(value)?.slice(0, 40)) }));
}

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description:
    'An instant, ISO 8601 with its offset ("2026-11-30T10:15:00+01:00"), shown in the ERP\'s time zone (ecom_settings.time_zone). Calendar dates without a time are Date.',
  serialize(value: unknown): string {
    // Presenters format instants in the ERP's zone (src/settings/zonedDateTime.ts); a text without an offset is a bug there.
    if (typeof value === 'string' && isDateTime(value)) return value;
    throw new TypeError('DateTime: internal value is not an ISO 8601 instant with an offset');
  },
  parseValue: toDateTime,
  parseLiteral(ast: ValueNode): string {
    if (ast.kind === Kind.STRING) return toDateTime(ast.value);
    throw badUserInput(message('input.dateTimeLiteral'));
  },
});
