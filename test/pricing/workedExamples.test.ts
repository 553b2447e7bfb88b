/**
 * The worked examples of "Pricing rules (normative)" in erp-contract.md,
 * one test per row: list L1 (the customer's own list and the default list),
 * customer C1 in group G1 using L1, article A1 in family F1 (VAT 22).
 * Each row runs through the engine, and through the reference
 * implementation so the reference is held to the same table.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConditionRow, PriceListItemRow } from '../../src/erp/port';
import { discount, engine, item, netPrice, price, reference, type PricingImplementation } from './engineHarness';
import type { ReferenceInput } from './referencePricing';

const C1 = { code: 'C1', group: 'G1', priceListCode: 'L1' };
const A1 = { sku: 'A1', familyCode: 'F1' };

function line(quantity: string, priceListItems: PriceListItemRow[], conditions: ConditionRow[]): ReferenceInput {
  return { customer: C1, article: A1, quantity, today: '2026-11-26', defaultPriceList: 'L1', priceListItems, conditions };
}

/** L1/A1: 10.0000 from qty 1, 9.0000 from qty 10. */
const breaksL1 = (): PriceListItemRow[] => [item('L1', 'A1', '1', '10.0000'), item('L1', 'A1', '10', '9.0000')];
const discountG1F1 = (): ConditionRow => discount('10', '5', null, { conditionId: '1', customerGroup: 'G1', familyCode: 'F1' });
const discountC1All = (): ConditionRow => discount('20', null, null, { conditionId: '2', customerCode: 'C1' });
const priceC1A1 = (): ConditionRow => price('8.0000', { conditionId: '3', customerCode: 'C1', sku: 'A1' });
const netAllA1 = (): ConditionRow => netPrice('7.5000', { conditionId: '4', sku: 'A1', priority: 5 });

for (const impl of [engine, reference] satisfies PricingImplementation[]) {
  describe(`worked examples (${impl.name})`, () => {
    test('L1/A1 10.0000 from qty 1, 9.0000 from qty 10: C1 buying 5 pays 10.0000', () => {
      const result = impl.price(line('5', breaksL1(), []));
      assert.equal(result?.unitPrice, '10.0000');
      assert.equal(result?.source, 'PRICE_LIST');
    });

    test('same list: C1 buying 12 pays the break price 9.0000', () => {
      const result = impl.price(line('12', breaksL1(), []));
      assert.equal(result?.unitPrice, '9.0000');
      assert.equal(result?.listPrice, '9.0000');
    });

    test('+ DISCOUNT G1/F1 10, 5: C1 buying 12 pays 9 × 0.9 × 0.95 = 7.6950', () => {
      const result = impl.price(line('12', breaksL1(), [discountG1F1()]));
      assert.equal(result?.unitPrice, '7.6950');
      assert.deepEqual(result?.discounts, ['10', '5']);
      assert.equal(result?.discountConditionId, '1');
    });

    test('+ DISCOUNT C1/all 20: customer beats group, 9 × 0.8 = 7.2000', () => {
      const result = impl.price(line('12', breaksL1(), [discountG1F1(), discountC1All()]));
      assert.equal(result?.unitPrice, '7.2000');
      assert.deepEqual(result?.discounts, ['20']);
      assert.equal(result?.discountConditionId, '2');
    });

    test('+ PRICE C1/A1 8.0000: base 8 with the discount C1/all 20, 6.4000', () => {
      const result = impl.price(line('12', breaksL1(), [discountG1F1(), discountC1All(), priceC1A1()]));
      assert.equal(result?.unitPrice, '6.4000');
      assert.equal(result?.basePrice, '8.0000');
      assert.equal(result?.listPrice, '9.0000');
      assert.equal(result?.source, 'CONDITION');
      assert.equal(result?.conditionId, '3');
      assert.equal(result?.discountConditionId, '2');
    });

    test('+ NET_PRICE all/A1 priority 5 price 7.5000: priority first, net, 7.5000', () => {
      const result = impl.price(line('12', breaksL1(), [discountG1F1(), discountC1All(), priceC1A1(), netAllA1()]));
      assert.equal(result?.unitPrice, '7.5000');
      assert.equal(result?.source, 'NET_CONDITION');
      assert.equal(result?.conditionId, '4');
      assert.deepEqual(result?.discounts, []);
      assert.equal(result?.discountConditionId, null);
    });

    test('L1/A1 only 9.9900, DISCOUNT C1/all 10, 5: C1 buying 3 pays 8.54145 → 8.5415, line total 25.62', () => {
      const result = impl.price(
        line('3', [item('L1', 'A1', '0', '9.9900')], [discount('10', '5', null, { conditionId: '1', customerCode: 'C1' })]),
      );
      assert.equal(result?.unitPrice, '8.5415');
      assert.equal(result?.lineTotal, '25.62');
    });
  });
}
