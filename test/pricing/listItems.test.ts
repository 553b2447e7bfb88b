/**
 * Compiled price-list items (src/pricing/listPrice.ts): held as exact text
 * and integer thousandths, read back as the same decimals.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Decimal } from '../../src/decimal/decimal';
import { compileListItems, selectListItem } from '../../src/pricing/listPrice';
import { toQuantity } from '../../src/pricing/quantity';

const row = (minQty: string, price: string, validFrom: string | null = null) => ({
  priceListCode: 'BASE',
  sku: 'A',
  minQty,
  price,
  validFrom,
  validTo: null,
});
const q = (text: string) => toQuantity(new Decimal(text));

describe('compiled list items', () => {
  test('prices and thresholds read back exactly as the ERP wrote them', () => {
    const [item] = compileListItems([row('12.500', '1234567890123.45678')]);
    assert.equal(item!.price.toFixed(), '1234567890123.45678');
    assert.equal(item!.unitPrice.toFixed(), '1234567890123.4568');
    assert.equal(item!.minQty.toFixed(), '12.5');
  });

  test('the greatest threshold reached wins, compared in thousandths', () => {
    const items = compileListItems([row('0', '10'), row('10', '9'), row('100', '8')]);
    assert.equal(selectListItem(items, q('9.999'), '2026-11-30')!.price.toFixed(), '10');
    assert.equal(selectListItem(items, q('10'), '2026-11-30')!.price.toFixed(), '9');
    assert.equal(selectListItem(items, q('1000'), '2026-11-30')!.price.toFixed(), '8');
  });

  test('a threshold finer than a thousandth is compared as a decimal', () => {
    const items = compileListItems([row('0', '10'), row('1.0005', '9')]);
    assert.equal(selectListItem(items, q('1.0004'), '2026-11-30')!.price.toFixed(), '10');
    assert.equal(selectListItem(items, q('1.0005'), '2026-11-30')!.price.toFixed(), '9');
  });

  test('among equal thresholds the latest valid_from wins, a missing one counting as earliest', () => {
    const items = compileListItems([row('0', '10'), row('0', '11', '2026-01-01'), row('0', '12', '2026-06-01')]);
    assert.equal(selectListItem(items, q('1'), '2026-11-30')!.price.toFixed(), '12');
    assert.equal(selectListItem(items, q('1'), '2026-03-01')!.price.toFixed(), '11');
  });

  test('a malformed price fails when compiled, not when a page reads it', () => {
    assert.throws(() => compileListItems([row('0', '12,50')]), /malformed decimal/);
  });
});
