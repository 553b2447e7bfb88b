/**
 * The quantities an article can be ordered in (erp-contract.md: a multiple
 * of pack_qty, at least min_order_qty): one rule for the order check and for
 * the storefront's helpers, so a quantity the helpers propose is accepted.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Decimal } from '../../src/decimal/decimal';
import { checkLine } from '../../src/orders/checkLine';
import { minimumQuantity, orderableQuantity, orderRulesOf, quantityStep } from '../../src/orders/orderableQuantity';
import type { ArticleRow } from '../../src/erp/port';
import type { PriceResult } from '../../src/pricing/computePrice';

const rules = (packQty: string, minOrderQty: string) => orderRulesOf({ packQty, minOrderQty });
const plain = (d: Decimal | null) => (d === null ? null : d.toString());

describe('orderableQuantity(pack, minimum, q): the first orderable quantity ≥ q', () => {
  const table: Array<[pack: string, min: string, q: string, want: string | null]> = [
    ['10', '25', '1', '30'],
    ['10', '25', '30', '30'],
    ['10', '25', '31', '40'],
    ['10', '0', '0', '10'],
    ['0.5', '0', '0', '0.5'],
    ['0.5', '0', '0.6', '1'],
    ['0.500', '0', '2.5', '2.5'],
    ['1', '0', '0', '1'],
    ['1', '0', '2.5', '3'],
    ['6', '0', '7', '12'],
    ['1', '10', '1', '10'],
    ['0.125', '0', '0.2', '0.25'],
    // A pack of 0 sets no multiple (as the order check reads it): any quantity the ERP stores, at least the minimum.
    ['0', '0', '0', '0.001'],
    ['0', '0', '2.5', '2.5'],
    ['0', '0', '2.0001', '2.001'],
    ['0', '3', '1', '3'],
    // A missing pack_qty is the contract's default 1.
    ['', '0', '0.2', '1'],
    ['10', '0', '-5', '10'],
    // Nothing orderable fits decimal(18,3).
    ['10', '0', '999999999999999.5', null],
  ];
  for (const [pack, min, q, want] of table) {
    test(`pack ${pack || 'missing'} / min ${min} / q ${q} → ${want}`, () => {
      assert.equal(plain(orderableQuantity(rules(pack, min), new Decimal(q))), want);
    });
  }
});

describe('quantityStep and minimumQuantity', () => {
  const table: Array<[pack: string, min: string, step: string, minimum: string]> = [
    ['10', '25', '10', '30'],
    ['0.5', '0', '0.5', '0.5'],
    ['1', '0', '1', '1'],
    ['6', '12', '6', '12'],
    ['0', '0', '0.001', '0.001'],
    ['', '', '1', '1'],
  ];
  for (const [pack, min, step, minimum] of table) {
    test(`pack ${pack || 'missing'} / min ${min || 'missing'}: step ${step}, minimum ${minimum}`, () => {
      assert.equal(plain(quantityStep(rules(pack, min))), step);
      assert.equal(plain(minimumQuantity(rules(pack, min))), minimum);
    });
  }
});

describe('the order check accepts what the helpers propose, and refuses the quantities between', () => {
  const article = (packQty: string, minOrderQty: string) => ({ sku: 'A', packQty, minOrderQty }) as ArticleRow;
  const price = { unitPrice: new Decimal('1') } as PriceResult;
  const problems = (a: ArticleRow, q: Decimal) =>
    checkLine({ index: 0, sku: 'A', quantity: q, quantityText: q.toString(), article: a, rules: orderRulesOf(a), price }).map((p) => p.code);

  for (const [pack, min] of [['10', '25'], ['0.5', '0'], ['0', '0'], ['6', '0'], ['0.125', '1'], ['1', '10']] as const) {
    test(`pack ${pack} / min ${min}`, () => {
      const a = article(pack, min);
      const r = orderRulesOf(a);
      for (const q of ['0.001', '0.3', '1', '2.5', '7', '25', '31', '100.25']) {
        const proposed = orderableQuantity(r, new Decimal(q))!;
        assert.deepEqual(problems(a, proposed), [], `${q} → ${proposed.toString()} is accepted`);
        // Every quantity between q and the proposal, on the ERP's 0.001 grid, is refused: the proposal is the first.
        const below = proposed.minus('0.001');
        if (below.gte(q) && below.gt(0)) assert.notDeepEqual(problems(a, below), [], `${below.toString()} is refused`);
      }
    });
  }
});
