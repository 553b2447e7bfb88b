/**
 * The shared argument checks (src/graphql/arguments.ts, cursor.ts,
 * scalars.ts): every refusal is BAD_USER_INPUT naming the argument.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Decimal } from '../../src/decimal/decimal';
import { InvalidDecimal, QUANTITY_BOUNDS } from '../../src/decimal/clientDecimal';
import { PonteError } from '../../src/errors';
import { atMost, optionalFilter } from '../../src/graphql/arguments';
import { decodeCursor, encodeCursor } from '../../src/graphql/cursor';
import { requireDecimal, requirePositive } from '../../src/graphql/scalars';

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof PonteError);
    assert.equal(error.code, 'BAD_USER_INPUT');
    return error.message;
  }
  assert.fail('not refused');
}

describe('optionalFilter', () => {
  const cases: Array<[string | null | undefined, string | null]> = [
    [undefined, null],
    [null, null],
    ['', null],
    ['   ', null],
    ['  vite ', 'vite'],
    ['x'.repeat(100), 'x'.repeat(100)],
    [` ${'x'.repeat(100)} `, 'x'.repeat(100)],
  ];
  for (const [value, expected] of cases) {
    test(`${JSON.stringify(value)?.slice(0, 20)} → ${JSON.stringify(expected)?.slice(0, 20)}`, () => {
      assert.equal(optionalFilter(value, 'search'), expected);
    });
  }

  test('more than 100 characters is refused, naming the argument', () => {
    assert.equal(refusal(() => optionalFilter('x'.repeat(101), 'family')), 'family: at most 100 characters.');
  });
});

describe('atMost', () => {
  test('up to the limit passes, one more is refused', () => {
    assert.deepEqual(atMost(['a', 'b'], 2, 'skus'), ['a', 'b']);
    assert.equal(refusal(() => atMost(['a', 'b', 'c'], 2, 'skus')), 'skus: at most 2 per request.');
  });
});

describe('decodeCursor', () => {
  test('round trip, and null for no cursor', () => {
    assert.equal(decodeCursor('order', encodeCursor('order', '42')), '42');
    assert.equal(decodeCursor('order', null), null);
    assert.equal(decodeCursor('order', undefined), null);
  });

  const refused: Array<[string, string]> = [
    ['not base64url', '***'],
    ['another prefix', encodeCursor('sku', '42')],
    ['an empty key', encodeCursor('order', '')],
    ['a key isKey refuses', encodeCursor('order', '42; DROP TABLE')],
  ];
  for (const [name, cursor] of refused) {
    test(`${name}: after is not a valid cursor`, () => {
      assert.equal(refusal(() => decodeCursor('order', cursor, (key) => /^\d+$/.test(key))), 'after: not a valid cursor.');
    });
  }
});

describe('requireDecimal and requirePositive', () => {
  test('a decimal within bounds is returned as it is', () => {
    const value = new Decimal('2.5');
    assert.equal(requireDecimal(value, 'quantity', QUANTITY_BOUNDS), value);
    assert.equal(requirePositive(value, 'quantity', QUANTITY_BOUNDS), value);
  });

  test('what the scalar let through as not a number is refused, quoting it briefly', () => {
    assert.match(refusal(() => requireDecimal(new InvalidDecimal('abc'), 'quantity')), /^quantity: expected a decimal number .* got "abc"\.$/);
  });

  test('more decimals than the bounds allow is refused', () => {
    assert.match(refusal(() => requireDecimal(new Decimal('1.0001'), 'quantity', QUANTITY_BOUNDS)), /at most 15 integer digits and 3 decimals/);
  });

  for (const text of ['0', '-1', '-0.001']) {
    test(`requirePositive refuses ${text}`, () => {
      assert.equal(refusal(() => requirePositive(new Decimal(text), 'quantity', QUANTITY_BOUNDS)), 'quantity: must be greater than 0.');
    });
  }
});
