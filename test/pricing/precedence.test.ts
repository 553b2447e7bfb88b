/**
 * "Pricing rules (normative)", erp-contract.md, one rule per test. Every
 * test runs against the engine and against the reference implementation.
 *
 * Unless a test says otherwise: today is 2026-11-26; customer C1 is in group
 * G1 with its own list LC; the default list is LD; article A1 is in family
 * F1; LD has A1 at 10.0000 for any quantity. Where the condition id could
 * decide a winner by accident, the expected winner has the lower id.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConditionRow, PriceListItemRow } from '../../src/erp/port';
import {
  discount,
  engine,
  item,
  netPrice,
  price,
  reference,
  type PricingImplementation,
  type Scenario,
} from './engineHarness';
import type { ReferenceArticle, ReferenceCustomer, ReferenceInput } from './referencePricing';

const TODAY = '2026-11-26';
const YESTERDAY = '2026-11-25';
const TOMORROW = '2026-11-27';

const C1: ReferenceCustomer = { code: 'C1', group: 'G1', priceListCode: 'LC' };
const A1: ReferenceArticle = { sku: 'A1', familyCode: 'F1' };

interface Facts {
  customer?: ReferenceCustomer | null;
  article?: ReferenceArticle;
  items?: PriceListItemRow[];
  conditions?: ConditionRow[];
}

function scenario(facts: Facts): Scenario {
  return {
    customer: facts.customer === undefined ? C1 : facts.customer,
    article: facts.article ?? A1,
    today: TODAY,
    defaultPriceList: 'LD',
    priceListItems: facts.items ?? [item('LD', 'A1', '0', '10.0000')],
    conditions: facts.conditions ?? [],
  };
}

function at(quantity: string, facts: Facts): ReferenceInput {
  return { ...scenario(facts), quantity };
}

for (const impl of [engine, reference] satisfies PricingImplementation[]) {
  const priceOf = (quantity: string, facts: Facts) => impl.price(at(quantity, facts));
  const winnerOf = (quantity: string, facts: Facts) => priceOf(quantity, facts)?.conditionId;
  const discountWinnerOf = (quantity: string, facts: Facts) => priceOf(quantity, facts)?.discountConditionId;

  describe(`winner precedence (${impl.name})`, () => {
    test('higher priority beats more specific customer and article', () => {
      const conditions = [price('5.0000', { conditionId: '1', priority: 1 }), price('7.0000', { conditionId: '2', customerCode: 'C1', sku: 'A1' })];
      assert.equal(winnerOf('1', { conditions }), '1');
      assert.equal(priceOf('1', { conditions })?.unitPrice, '5.0000');
    });

    test('customer_code beats customer_group', () => {
      const conditions = [price('7.0000', { conditionId: '1', customerCode: 'C1' }), price('6.0000', { conditionId: '2', customerGroup: 'G1' })];
      assert.equal(winnerOf('1', { conditions }), '1');
    });

    test('customer_group beats a condition for any customer', () => {
      const conditions = [price('7.0000', { conditionId: '1', customerGroup: 'G1' }), price('6.0000', { conditionId: '2' })];
      assert.equal(winnerOf('1', { conditions }), '1');
    });

    test('customer specificity beats article specificity', () => {
      const conditions = [price('7.0000', { conditionId: '1', customerCode: 'C1' }), price('6.0000', { conditionId: '2', customerGroup: 'G1', sku: 'A1' })];
      assert.equal(winnerOf('1', { conditions }), '1');
    });

    test('sku beats family_code', () => {
      const conditions = [price('7.0000', { conditionId: '1', sku: 'A1' }), price('6.0000', { conditionId: '2', familyCode: 'F1' })];
      assert.equal(winnerOf('1', { conditions }), '1');
    });

    test('family_code beats a condition for any article', () => {
      const conditions = [price('7.0000', { conditionId: '1', familyCode: 'F1' }), price('6.0000', { conditionId: '2' })];
      assert.equal(winnerOf('1', { conditions }), '1');
    });

    test('article specificity beats min_qty', () => {
      const conditions = [price('7.0000', { conditionId: '1', sku: 'A1' }), price('6.0000', { conditionId: '2', familyCode: 'F1', minQty: '10' })];
      assert.equal(winnerOf('12', { conditions }), '1');
    });

    test('higher min_qty wins', () => {
      const conditions = [price('7.0000', { conditionId: '1', minQty: '10.000' }), price('6.0000', { conditionId: '2', minQty: '5' })];
      assert.equal(winnerOf('12', { conditions }), '1');
    });

    test('min_qty compares as a number (12.5 above 5)', () => {
      const conditions = [price('7.0000', { conditionId: '1', minQty: '12.5' }), price('6.0000', { conditionId: '2', minQty: '5' })];
      assert.equal(winnerOf('13', { conditions }), '1');
    });

    test('min_qty beats valid_from', () => {
      const conditions = [
        price('7.0000', { conditionId: '1', minQty: '10' }),
        price('6.0000', { conditionId: '2', minQty: '5', validFrom: YESTERDAY }),
      ];
      assert.equal(winnerOf('12', { conditions }), '1');
    });

    test('later valid_from wins', () => {
      const conditions = [price('7.0000', { conditionId: '1', validFrom: '2026-11-20' }), price('6.0000', { conditionId: '2', validFrom: '2026-11-01' })];
      assert.equal(winnerOf('1', { conditions }), '1');
    });

    test('NULL valid_from loses to any date', () => {
      const conditions = [price('7.0000', { conditionId: '1', validFrom: '2000-01-01' }), price('6.0000', { conditionId: '2', validFrom: null })];
      assert.equal(winnerOf('1', { conditions }), '1');
    });

    test('valid_from beats condition_id', () => {
      const conditions = [price('7.0000', { conditionId: '1', validFrom: YESTERDAY }), price('6.0000', { conditionId: '2', validFrom: '2026-01-01' })];
      assert.equal(winnerOf('1', { conditions }), '1');
    });

    test('higher condition_id wins, compared as a number (10 above 9)', () => {
      const conditions = [price('6.0000', { conditionId: '9' }), price('7.0000', { conditionId: '10' })];
      assert.equal(winnerOf('1', { conditions }), '10');
    });

    test('PRICE and NET_PRICE compete for the price in the same order', () => {
      const conditions = [price('7.0000', { conditionId: '1', sku: 'A1' }), netPrice('6.0000', { conditionId: '2', familyCode: 'F1' }), discount('10')];
      const result = priceOf('1', { conditions });
      assert.equal(result?.conditionId, '1');
      assert.equal(result?.source, 'CONDITION');
      assert.equal(result?.unitPrice, '6.3000');
    });

    test('the discount winner is chosen by the same order, independently of the price winner', () => {
      const conditions = [
        price('8.0000', { conditionId: '1', customerCode: 'C1' }),
        discount('10', null, null, { conditionId: '2', customerGroup: 'G1' }),
        discount('30', null, null, { conditionId: '3', familyCode: 'F1' }),
        discount('50', null, null, { conditionId: '4', customerCode: 'C2' }),
      ];
      const result = priceOf('1', { conditions });
      assert.equal(result?.conditionId, '1');
      assert.equal(result?.discountConditionId, '2');
      assert.equal(result?.unitPrice, '7.2000');
    });
  });

  describe(`base price and discounts (${impl.name})`, () => {
    test('a NET_PRICE winner drops every discount and has no discount condition', () => {
      const conditions = [netPrice('7.5000', { conditionId: '1' }), discount('20', null, null, { conditionId: '2', customerCode: 'C1', sku: 'A1' })];
      const result = priceOf('1', { conditions });
      assert.equal(result?.unitPrice, '7.5000');
      assert.equal(result?.source, 'NET_CONDITION');
      assert.deepEqual(result?.discounts, []);
      assert.equal(result?.discountConditionId, null);
    });

    test('a PRICE winner keeps the discount winner', () => {
      const conditions = [price('8.0000', { conditionId: '1' }), discount('25', null, null, { conditionId: '2' })];
      const result = priceOf('1', { conditions });
      assert.equal(result?.unitPrice, '6.0000');
      assert.equal(result?.discountConditionId, '2');
    });

    test('a price winner without any list price still gives a price (source CONDITION, listPrice null)', () => {
      const result = priceOf('1', { items: [], conditions: [price('8.0000', { conditionId: '1', sku: 'A1' })] });
      assert.equal(result?.unitPrice, '8.0000');
      assert.equal(result?.basePrice, '8.0000');
      assert.equal(result?.listPrice, null);
      assert.equal(result?.source, 'CONDITION');
      assert.equal(result?.conditionId, '1');
    });

    test('without a price winner the base price is the list price (source PRICE_LIST)', () => {
      const result = priceOf('1', { conditions: [discount('10')] });
      assert.equal(result?.basePrice, '10.0000');
      assert.equal(result?.source, 'PRICE_LIST');
      assert.equal(result?.conditionId, null);
    });

    test('NULL and zero discounts are skipped: only the non-zero ones are listed, in order', () => {
      const result = priceOf('1', { conditions: [discount(null, '0.00', '12.5')] });
      assert.deepEqual(result?.discounts, ['12.5']);
      assert.equal(result?.unitPrice, '8.7500');
    });

    test('a discount winner whose discounts are all NULL or zero still wins, and no discount applies', () => {
      const conditions = [discount(null, '0', null, { conditionId: '1', customerCode: 'C1' }), discount('10', null, null, { conditionId: '2' })];
      const result = priceOf('1', { conditions });
      assert.deepEqual(result?.discounts, []);
      assert.equal(result?.unitPrice, '10.0000');
      assert.equal(result?.discountConditionId, '1');
    });

    test('the three discounts compound: base × (1 − d1/100) × (1 − d2/100) × (1 − d3/100)', () => {
      const result = priceOf('1', { conditions: [discount('50', '10', '10')] });
      assert.deepEqual(result?.discounts, ['50', '10', '10']);
      assert.equal(result?.unitPrice, '4.0500');
    });

    test('a 100% discount gives a unit price of zero', () => {
      assert.equal(priceOf('1', { conditions: [discount('100.00')] })?.unitPrice, '0.0000');
    });

    test('the unit price is rounded half-up to 4 decimals once, at the end', () => {
      // 1.0001 × 0.5 × 0.5 = 0.250025 → 0.2500 if rounded once; 0.2501 if rounded after each step.
      const result = priceOf('1', { items: [item('LD', 'A1', '0', '1.0001')], conditions: [discount('50', '50')] });
      assert.equal(result?.unitPrice, '0.2500');
    });

    test('the line total is unit price × quantity, rounded half-up to 2 decimals', () => {
      // 8.5415 × 2.25 = 19.218375 → 19.22; 0.0005 × 3 = 0.0015 → 0.00 (the rounded unit price is what is multiplied)
      const result = priceOf('2.25', { items: [item('LD', 'A1', '0', '9.9900')], conditions: [discount('10', '5')] });
      assert.equal(result?.lineTotal, '19.22');
      assert.equal(priceOf('3', { items: [item('LD', 'A1', '0', '0.0005')] })?.lineTotal, '0.00');
      assert.equal(priceOf('10', { items: [item('LD', 'A1', '0', '0.0005')] })?.lineTotal, '0.01');
    });
  });

  describe(`list price (${impl.name})`, () => {
    test("the customer's own list is used when it has a valid item, even if the default list is cheaper", () => {
      const result = priceOf('1', { items: [item('LC', 'A1', '0', '12.0000'), item('LD', 'A1', '0', '10.0000')] });
      assert.equal(result?.listPrice, '12.0000');
    });

    test('a customer without a list of its own uses the default list', () => {
      const result = priceOf('1', {
        customer: { code: 'C1', group: 'G1', priceListCode: null },
        items: [item('LC', 'A1', '0', '12.0000'), item('LD', 'A1', '0', '10.0000')],
      });
      assert.equal(result?.listPrice, '10.0000');
    });

    test('an anonymous caller uses the default list', () => {
      const result = priceOf('1', { customer: null, items: [item('LC', 'A1', '0', '12.0000'), item('LD', 'A1', '0', '10.0000')] });
      assert.equal(result?.listPrice, '10.0000');
    });

    test("falls back to the default list when the customer's list has no item for the sku", () => {
      const result = priceOf('1', { items: [item('LC', 'A2', '0', '12.0000'), item('LD', 'A1', '0', '10.0000')] });
      assert.equal(result?.listPrice, '10.0000');
    });

    test("falls back to the default list when the customer's list only has a break above the quantity", () => {
      const items = [item('LC', 'A1', '10', '8.0000'), item('LD', 'A1', '1', '10.0000'), item('LD', 'A1', '5', '9.5000')];
      assert.equal(priceOf('6', { items })?.listPrice, '9.5000');
      assert.equal(priceOf('10', { items })?.listPrice, '8.0000');
    });

    test('the greatest min_qty not above the quantity wins, from exactly its min_qty', () => {
      const items = [item('LD', 'A1', '1', '10.0000'), item('LD', 'A1', '10', '9.0000'), item('LD', 'A1', '12.5', '8.0000')];
      assert.equal(priceOf('9.999', { items })?.listPrice, '10.0000');
      assert.equal(priceOf('10', { items })?.listPrice, '9.0000');
      assert.equal(priceOf('12.125', { items })?.listPrice, '9.0000');
      assert.equal(priceOf('12.5', { items })?.listPrice, '8.0000');
    });

    test('a tie on min_qty goes to the latest valid_from', () => {
      const items = [item('LD', 'A1', '1', '10.0000', { validFrom: '2026-01-01' }), item('LD', 'A1', '1', '11.0000', { validFrom: '2026-11-01' })];
      assert.equal(priceOf('1', { items })?.listPrice, '11.0000');
    });

    test('a tie on min_qty: NULL valid_from counts as the earliest', () => {
      const items = [item('LD', 'A1', '1', '11.0000', { validFrom: '2000-01-01' }), item('LD', 'A1', '1', '10.0000', { validFrom: null })];
      assert.equal(priceOf('1', { items })?.listPrice, '11.0000');
    });

    test('no list item and no price condition: price on request (null)', () => {
      assert.equal(priceOf('1', { items: [item('LD', 'A2', '0', '10.0000')] }), null);
    });

    test('a DISCOUNT alone does not give a price: still price on request', () => {
      assert.equal(priceOf('1', { items: [], conditions: [discount('10', null, null, { sku: 'A1' })] }), null);
    });

    test('only list breaks above the quantity: price on request', () => {
      assert.equal(priceOf('4', { items: [item('LD', 'A1', '5', '10.0000')] }), null);
    });
  });

  describe(`validity windows (${impl.name})`, () => {
    const base = item('LD', 'A1', '0', '10.0000');

    test('a list row with valid_to = today applies', () => {
      assert.equal(priceOf('1', { items: [base, item('LD', 'A1', '1', '9.0000', { validTo: TODAY })] })?.listPrice, '9.0000');
    });

    test('a list row with valid_to = yesterday is ignored', () => {
      assert.equal(priceOf('1', { items: [base, item('LD', 'A1', '1', '9.0000', { validTo: YESTERDAY })] })?.listPrice, '10.0000');
    });

    test('a list row with valid_from = today applies', () => {
      assert.equal(priceOf('1', { items: [base, item('LD', 'A1', '1', '9.0000', { validFrom: TODAY })] })?.listPrice, '9.0000');
    });

    test('a list row with valid_from = tomorrow is ignored', () => {
      assert.equal(priceOf('1', { items: [base, item('LD', 'A1', '1', '9.0000', { validFrom: TOMORROW })] })?.listPrice, '10.0000');
    });

    test("expired rows of the customer's list fall back to the default list", () => {
      const items = [item('LC', 'A1', '0', '12.0000', { validTo: YESTERDAY }), base];
      assert.equal(priceOf('1', { items })?.listPrice, '10.0000');
    });

    test('a condition with valid_to = today applies', () => {
      assert.equal(winnerOf('1', { conditions: [price('8.0000', { conditionId: '1', validTo: TODAY })] }), '1');
    });

    test('a condition with valid_to = yesterday is ignored', () => {
      assert.equal(winnerOf('1', { conditions: [price('8.0000', { conditionId: '1', validTo: YESTERDAY })] }), null);
    });

    test('a condition with valid_from = today applies', () => {
      assert.equal(winnerOf('1', { conditions: [price('8.0000', { conditionId: '1', validFrom: TODAY })] }), '1');
    });

    test('a condition with valid_from = tomorrow is ignored', () => {
      assert.equal(winnerOf('1', { conditions: [price('8.0000', { conditionId: '1', validFrom: TOMORROW })] }), null);
    });

    test('an expired winner hides nothing: the next best condition wins', () => {
      const conditions = [
        discount('20', null, null, { conditionId: '1', customerCode: 'C1', validTo: YESTERDAY }),
        discount('10', null, null, { conditionId: '2' }),
      ];
      assert.equal(discountWinnerOf('1', { conditions }), '2');
    });
  });

  describe(`matching conditions (${impl.name})`, () => {
    const addressed = (): ConditionRow[] => [
      price('7.0000', { conditionId: '1', customerCode: 'C1' }),
      price('6.0000', { conditionId: '2', customerGroup: 'G1' }),
      price('9.0000', { conditionId: '3' }),
    ];

    test('an anonymous caller matches only conditions with neither customer nor group', () => {
      assert.equal(winnerOf('1', { customer: null, conditions: addressed() }), '3');
    });

    test('conditions for another customer or another group do not match', () => {
      assert.equal(winnerOf('1', { customer: { code: 'C2', group: 'G2', priceListCode: null }, conditions: addressed() }), '3');
    });

    test('a customer without a group matches no group condition', () => {
      const conditions = [price('6.0000', { conditionId: '2', customerGroup: 'G1' }), price('9.0000', { conditionId: '1' })];
      assert.equal(winnerOf('1', { customer: { code: 'C2', group: null, priceListCode: null }, conditions }), '1');
    });

    test('a sku condition does not match another sku', () => {
      const conditions = [price('6.0000', { conditionId: '2', sku: 'A2' }), price('9.0000', { conditionId: '1' })];
      assert.equal(winnerOf('1', { conditions }), '1');
    });

    test('a family condition does not match an article of another family', () => {
      const conditions = [price('6.0000', { conditionId: '2', familyCode: 'F2' }), price('9.0000', { conditionId: '1' })];
      assert.equal(winnerOf('1', { conditions }), '1');
    });

    test('a family condition does not match an article without a family', () => {
      const conditions = [price('6.0000', { conditionId: '2', familyCode: 'F1' }), price('9.0000', { conditionId: '1' })];
      assert.equal(winnerOf('1', { article: { sku: 'A1', familyCode: null }, conditions }), '1');
    });

    test('a condition applies from exactly its min_qty, not below', () => {
      const conditions = [price('6.0000', { conditionId: '2', minQty: '5.000' }), price('9.0000', { conditionId: '1' })];
      assert.equal(winnerOf('4.999', { conditions }), '1');
      assert.equal(winnerOf('5', { conditions }), '2');
    });
  });

  describe(`price breaks (${impl.name})`, () => {
    test('list breaks and condition thresholds are price breaks where the unit price changes', () => {
      const items = [item('LD', 'A1', '1', '10.0000'), item('LD', 'A1', '10', '9.0000')];
      const conditions = [
        discount('10', null, null, { conditionId: '1', minQty: '5' }),
        // same discount from 20: a threshold, but not a change of price
        discount('10', null, null, { conditionId: '2', minQty: '20' }),
      ];
      assert.deepEqual(impl.breaks(scenario({ items, conditions })), [
        { minQuantity: '1', unitPrice: '10.0000' },
        { minQuantity: '5', unitPrice: '9.0000' },
        { minQuantity: '10', unitPrice: '8.1000' },
      ]);
    });

    test('price breaks start at the smallest threshold that yields a price', () => {
      const items = [item('LD', 'A1', '2.5', '10.0000')];
      const conditions = [discount('10', null, null, { minQty: '0' }), price('7.0000', { minQty: '50' })];
      assert.deepEqual(impl.breaks(scenario({ items, conditions })), [
        { minQuantity: '2.5', unitPrice: '9.0000' },
        { minQuantity: '50', unitPrice: '6.3000' },
      ]);
    });

    test('rows and conditions out of their validity window make no price breaks', () => {
      const items = [item('LD', 'A1', '1', '10.0000'), item('LD', 'A1', '10', '9.0000', { validTo: YESTERDAY })];
      const conditions = [price('5.0000', { minQty: '5', validFrom: TOMORROW })];
      assert.deepEqual(impl.breaks(scenario({ items, conditions })), [{ minQuantity: '1', unitPrice: '10.0000' }]);
    });

    test('no price at any quantity: no price breaks', () => {
      assert.deepEqual(impl.breaks(scenario({ items: [], conditions: [discount('10')] })), []);
    });
  });
}
