/**
 * ERP decimals (src/decimal/decimal.ts). erp-contract.md: all money and
 * quantity arithmetic is exact decimal arithmetic; in a SQLite ERP decimals
 * are TEXT in plain notation ("9.9900", "22", "0.5"; never REAL); rounding is
 * half-up (pricing rules 6 to 8). graphql-api.md: a Decimal is output as a
 * string in plain notation ("8.5415"). Each row names the rule it checks.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Decimal, erpDecimal, formatFixed, formatPlain, parseDecimal, roundHalfUp } from '../../src/decimal/decimal';

describe('parseDecimal reads the plain notation an ERP stores', () => {
  const ACCEPTED: Array<{ rule: string; text: string | number | bigint; value: string }> = [
    { rule: 'a price with padding zeros ("9.9900")', text: '9.9900', value: '9.99' },
    { rule: 'an integer VAT rate ("22")', text: '22', value: '22' },
    { rule: 'a fraction below one ("0.5")', text: '0.5', value: '0.5' },
    { rule: 'zero ("0")', text: '0', value: '0' },
    { rule: 'a negative quantity (stock movements are signed)', text: '-12.500', value: '-12.5' },
    { rule: 'decimal(19,4) at full width', text: '999999999999999.9999', value: '999999999999999.9999' },
    { rule: 'a bigint id or integer column', text: 12345678901234567890n, value: '12345678901234567890' },
    { rule: 'a driver number keeps the digits it prints (9.99, not 9.9900000000000002)', text: 9.99, value: '9.99' },
  ];
  for (const row of ACCEPTED) {
    test(`accepted: ${row.rule}`, () => {
      assert.equal(parseDecimal(row.text)?.toString(), row.value);
    });
  }

  const REFUSED: Array<{ rule: string; text: string | number }> = [
    { rule: 'the empty string', text: '' },
    { rule: 'letters', text: 'abc' },
    { rule: 'NaN as text', text: 'NaN' },
    { rule: 'Infinity as text', text: 'Infinity' },
    { rule: 'hexadecimal', text: '0x10' },
    { rule: 'a decimal comma (not plain notation)', text: '9,99' },
    { rule: 'two points', text: '1.2.3' },
    { rule: 'NaN as a number', text: Number.NaN },
    { rule: 'Infinity as a number', text: Number.POSITIVE_INFINITY },
  ];
  for (const row of REFUSED) {
    test(`refused: ${row.rule}`, () => {
      assert.equal(parseDecimal(row.text), null);
    });
  }
});

describe('erpDecimal: a value the ERP must hold', () => {
  test('a missing value without a fallback is a contract breach', () => {
    assert.throws(() => erpDecimal(null), TypeError);
  });
  test('a missing value with a fallback is the fallback', () => {
    assert.equal(erpDecimal(null, new Decimal(1)).toString(), '1');
    assert.equal(erpDecimal('', new Decimal(1)).toString(), '1');
  });
  test('a malformed value is a contract breach, even with a fallback', () => {
    assert.throws(() => erpDecimal('abc', new Decimal(1)), TypeError);
  });
  test('a present value is read exactly', () => {
    assert.equal(erpDecimal('0.1').plus(erpDecimal('0.2')).toString(), '0.3');
  });
});

describe('exact arithmetic (never binary floating point)', () => {
  test('0.1 + 0.2 = 0.3', () => {
    assert.equal(new Decimal('0.1').plus('0.2').toString(), '0.3');
  });
  test('a decimal(19,4) price times a decimal(18,3) quantity keeps every digit', () => {
    assert.equal(new Decimal('999999999999999.9999').times('999999999999999.999').toString(), '999999999999999998900000000000.0000001');
  });
});

describe('roundHalfUp (pricing rules 6 to 8: half-up)', () => {
  const ROWS: Array<{ rule: string; value: string; places: number; rounded: string }> = [
    { rule: 'worked example: 8.54145 → 8.5415 at 4 decimals', value: '8.54145', places: 4, rounded: '8.5415' },
    { rule: 'worked example: 8.5415 × 3 = 25.6245 → 25.62 at 2 decimals', value: '25.6245', places: 2, rounded: '25.62' },
    { rule: 'a tie rounds up, not to even (0.125 → 0.13)', value: '0.125', places: 2, rounded: '0.13' },
    { rule: 'below a tie rounds down (0.1249 → 0.12)', value: '0.1249', places: 2, rounded: '0.12' },
    { rule: 'a negative tie rounds away from zero (-0.125 → -0.13)', value: '-0.125', places: 2, rounded: '-0.13' },
    { rule: 'a value already short enough is unchanged', value: '7.5', places: 4, rounded: '7.5' },
  ];
  for (const row of ROWS) {
    test(row.rule, () => {
      assert.equal(roundHalfUp(new Decimal(row.value), row.places).toString(), row.rounded);
    });
  }
});

describe('output in plain notation', () => {
  test('a tiny value prints as digits, never "1e-7"', () => {
    assert.equal(new Decimal('0.0000001').toString(), '0.0000001');
    assert.equal(formatPlain(new Decimal('0.0000001')), '0.0000001');
  });
  test('a large value prints as digits, never "1e+21"', () => {
    assert.equal(new Decimal('1000000000000000000000').toString(), '1000000000000000000000');
  });
  test('formatFixed pads to the places asked ("10" → "10.0000", the unit price format)', () => {
    assert.equal(formatFixed(new Decimal('10'), 4), '10.0000');
    assert.equal(formatFixed(new Decimal('8.5'), 4), '8.5000');
    assert.equal(formatFixed(new Decimal('25.62'), 2), '25.62');
  });
  test('formatFixed with 0 places prints an integer', () => {
    assert.equal(formatFixed(new Decimal('12'), 0), '12');
  });
  test('formatPlain drops trailing zeros ("10.00" → "10", "0.50" → "0.5")', () => {
    assert.equal(formatPlain(new Decimal('10.00')), '10');
    assert.equal(formatPlain(new Decimal('0.50')), '0.5');
  });
  test('formatPlain prints zero as "0", also negative zero', () => {
    assert.equal(formatPlain(new Decimal('-0')), '0');
    assert.equal(formatPlain(new Decimal('0.000')), '0');
  });
});
