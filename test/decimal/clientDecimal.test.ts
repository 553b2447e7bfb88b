/**
 * Client decimals (src/decimal/clientDecimal.ts). graphql-api.md: the Decimal
 * scalar accepts a string, Int or Float literal or variable; money is never
 * a Float. erp-contract.md: quantities are decimal(18,3) (15 integer digits,
 * 3 decimals), prices decimal(19,4) (15 integer digits, 4 decimals).
 * README "Orders": client decimals are checked as text (at most 40
 * characters, 15 integer digits, 3 decimals for quantities and 4 for prices)
 * before any arithmetic. Each row names the rule it checks.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Decimal } from '../../src/decimal/decimal';
import {
  CLIENT_DECIMAL_BOUNDS,
  MAX_DECIMAL_TEXT,
  PRICE_BOUNDS,
  QUANTITY_BOUNDS,
  isWithin,
  parseClientDecimal,
  type DecimalBounds,
} from '../../src/decimal/clientDecimal';

interface Row {
  rule: string;
  input: string | number;
  bounds: DecimalBounds;
  /** The value read (plain notation), or null when refused. */
  value: string | null;
}

const Q = QUANTITY_BOUNDS;
const P = PRICE_BOUNDS;

const ROWS: Row[] = [
  // The forms the scalar accepts
  { rule: 'a string literal', input: '12.5', bounds: Q, value: '12.5' },
  { rule: 'an Int literal', input: 12, bounds: Q, value: '12' },
  { rule: 'a Float literal keeps what the client wrote (9.99, not 9.9900000000000002)', input: 9.99, bounds: P, value: '9.99' },
  { rule: 'a string starting with the point (".5")', input: '.5', bounds: Q, value: '0.5' },
  { rule: 'a negative string (the sign is the caller\'s business, e.g. INVALID_QUANTITY)', input: '-3', bounds: Q, value: '-3' },
  { rule: 'surrounding whitespace is ignored', input: ' 7 ', bounds: Q, value: '7' },
  { rule: 'a Float literal below one (0.001)', input: 0.001, bounds: Q, value: '0.001' },
  { rule: 'the exponent form as a string ("1e-3")', input: '1e-3', bounds: Q, value: '0.001' },
  { rule: 'the exponent form as a string ("1.5e2")', input: '1.5e2', bounds: Q, value: '150' },

  // Not a number
  { rule: 'not a number: the empty string', input: '', bounds: Q, value: null },
  { rule: 'not a number: only whitespace', input: '   ', bounds: Q, value: null },
  { rule: 'not a number: letters', input: 'abc', bounds: Q, value: null },
  { rule: 'not a number: "NaN"', input: 'NaN', bounds: Q, value: null },
  { rule: 'not a number: "Infinity"', input: 'Infinity', bounds: Q, value: null },
  { rule: 'not a number: NaN as a Float', input: Number.NaN, bounds: Q, value: null },
  { rule: 'not a number: Infinity as a Float', input: Number.POSITIVE_INFINITY, bounds: Q, value: null },
  { rule: 'not a number: hexadecimal', input: '0x10', bounds: Q, value: null },
  { rule: 'not a number: a decimal comma', input: '1,5', bounds: Q, value: null },
  { rule: 'not a number: an exponent without digits ("1e")', input: '1e', bounds: Q, value: null },
  { rule: 'not a number: a plus sign', input: '+1', bounds: Q, value: null },

  // Quantities: decimal(18,3)
  { rule: 'quantity: 3 decimals fit decimal(18,3)', input: '1.234', bounds: Q, value: '1.234' },
  { rule: 'quantity: 4 decimals do not fit decimal(18,3)', input: '1.2345', bounds: Q, value: null },
  { rule: 'quantity: padding zeros are not digits ("1.2340000" is 1.234)', input: '1.2340000', bounds: Q, value: '1.234' },
  { rule: 'quantity: 15 integer digits fit decimal(18,3)', input: '999999999999999', bounds: Q, value: '999999999999999' },
  { rule: 'quantity: 16 integer digits do not fit decimal(18,3)', input: '1000000000000000', bounds: Q, value: null },
  { rule: 'quantity: leading zeros are not digits ("0000000000000001")', input: '0000000000000001', bounds: Q, value: '1' },
  { rule: 'quantity: full width, 15 integer digits and 3 decimals', input: '999999999999999.999', bounds: Q, value: '999999999999999.999' },
  { rule: 'quantity: an exponent taking it past 15 integer digits ("1e15")', input: '1e15', bounds: Q, value: null },
  { rule: 'quantity: an exponent taking it past 3 decimals ("1e-4")', input: '1e-4', bounds: Q, value: null },
  { rule: 'quantity: a Float with 4 decimals (0.0001)', input: 0.0001, bounds: Q, value: null },

  // Prices: decimal(19,4)
  { rule: 'price: 4 decimals fit decimal(19,4)', input: '8.5415', bounds: P, value: '8.5415' },
  { rule: 'price: 5 decimals do not fit decimal(19,4)', input: '8.54145', bounds: P, value: null },
  { rule: 'price: 15 integer digits and 4 decimals fit', input: '999999999999999.9999', bounds: P, value: '999999999999999.9999' },
  { rule: 'price: 16 integer digits do not fit', input: '9999999999999999', bounds: P, value: null },

  // Bounded work, whatever the input
  { rule: 'a huge exponent is refused before any arithmetic ("1e100000000")', input: '1e100000000', bounds: Q, value: null },
  { rule: 'a huge Float is refused (1e300)', input: 1e300, bounds: Q, value: null },
  { rule: `text longer than ${MAX_DECIMAL_TEXT} characters is refused, even when its value fits`, input: '1.' + '0'.repeat(MAX_DECIMAL_TEXT), bounds: Q, value: null },
  { rule: `text of exactly ${MAX_DECIMAL_TEXT} characters with padding zeros is read`, input: '1.' + '0'.repeat(MAX_DECIMAL_TEXT - 2), bounds: Q, value: '1' },
];

describe('parseClientDecimal', () => {
  for (const row of ROWS) {
    test(row.rule, () => {
      const parsed = parseClientDecimal(row.input, row.bounds);
      assert.equal(parsed === null ? null : parsed.toString(), row.value);
    });
  }
  test('a refusal of a huge exponent is fast (bounded work)', () => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < 1000; i++) parseClientDecimal('9'.repeat(30) + 'e999999', CLIENT_DECIMAL_BOUNDS);
    assert.ok(process.hrtime.bigint() - start < 1_000_000_000n, 'a thousand refusals should take far less than a second');
  });
});

describe('the bounds are the ERP columns', () => {
  test('quantities: decimal(18,3)', () => {
    assert.deepEqual(QUANTITY_BOUNDS, { integerDigits: 15, fractionDigits: 3 });
  });
  test('prices: decimal(19,4)', () => {
    assert.deepEqual(PRICE_BOUNDS, { integerDigits: 15, fractionDigits: 4 });
  });
  test('the scalar admits the widest of them', () => {
    assert.deepEqual(CLIENT_DECIMAL_BOUNDS, { integerDigits: 15, fractionDigits: 4 });
  });
});

describe('isWithin narrows a decimal already admitted', () => {
  const ROWS: Array<{ rule: string; value: string; bounds: DecimalBounds; within: boolean }> = [
    { rule: 'a price with 4 decimals is not a quantity (decimal(18,3))', value: '1.2345', bounds: Q, within: false },
    { rule: 'a price with 4 decimals is a price (decimal(19,4))', value: '1.2345', bounds: P, within: true },
    { rule: '15 integer digits are within', value: '999999999999999', bounds: Q, within: true },
    { rule: '16 integer digits are not', value: '1000000000000000', bounds: Q, within: false },
    { rule: 'zero is within', value: '0', bounds: Q, within: true },
    { rule: 'a negative value is bounded by its digits too', value: '-1000000000000000', bounds: Q, within: false },
  ];
  for (const row of ROWS) {
    test(row.rule, () => {
      assert.equal(isWithin(new Decimal(row.value), row.bounds), row.within);
    });
  }
});
