/** Exact arithmetic of the statistics (src/stats/scaledMath.ts): half-up rounding and plain printing. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Decimal } from '../../src/decimal/decimal';
import { compact, divRoundHalfUp, formatScaled, ratioOf } from '../../src/stats/scaledMath';

describe('scaled arithmetic', () => {
  const cases: Array<[bigint, bigint, bigint]> = [
    [5n, 10n, 1n], [4n, 10n, 0n], [15n, 10n, 2n], [-5n, 10n, -1n], [-4n, 10n, 0n], [-15n, 10n, -2n], [0n, 7n, 0n], [7n, 90n, 0n], [45n, 90n, 1n],
  ];
  for (const [num, den, expected] of cases) {
    test(`${num} / ${den} rounds half away from zero to ${expected}`, () => assert.equal(divRoundHalfUp(num, den), expected));
  }
  test('a divisor that is not positive is refused', () => assert.throws(() => divRoundHalfUp(1n, 0n), RangeError));
  test('printing: plain notation, no trailing zeros, no negative zero', () => {
    assert.deepEqual(
      [formatScaled(12500, 3), formatScaled(-5, 1), formatScaled(0, 3), formatScaled(1000, 3), formatScaled(-1, 3), formatScaled(123456789012345678901n, 3)],
      ['12.5', '-0.5', '0', '1', '-0.001', '123456789012345678.901'],
    );
  });
  test('compact: numbers while safe, bigints beyond', () => {
    assert.equal(compact(9007199254740991n), 9007199254740991);
    assert.equal(compact(9007199254740992n), 9007199254740992n);
  });
  test('a decimal threshold as an exact fraction', () => {
    assert.deepEqual(ratioOf(new Decimal('2.50')), { num: 25n, den: 10n });
    assert.deepEqual(ratioOf(new Decimal('6')), { num: 6n, den: 1n });
  });
});
