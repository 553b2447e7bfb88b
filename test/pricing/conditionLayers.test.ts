/**
 * Conditions are indexed in layers (global, group, customer) so that what
 * customers share is compiled once: the layers must give exactly the
 * candidates, in exactly the precedence order, of one index over all the
 * rows, and the group layer must be one object for all the group's customers.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { customerFactsOf, groupFactsOf } from '../../src/customers/customerFacts';
import type { ConditionRow, CustomerContextRow } from '../../src/erp/port';
import { Decimal } from '../../src/decimal/decimal';
import { compileConditionIndex, compileGlobalConditions, conditionIndexOf, firstMatching } from '../../src/pricing/conditionIndex';
import { toQuantity } from '../../src/pricing/quantity';
import { condition } from './engineHarness';
import { customerRow } from '../helpers/portRows';

/** A condition with a fixed id (the expected orders name them); a 5 % discount unless said otherwise. */
const row = (id: number, o: Partial<ConditionRow>): ConditionRow => condition({ kind: 'DISCOUNT', discount1: '5', ...o, conditionId: String(id) });

const customer = customerRow;

const globalRows: ConditionRow[] = [row(1, { sku: 'A1', priority: 1 }), row(2, { familyCode: 'F1' }), row(3, { kind: 'PRICE', price: '9', discount1: null })];
const groupRows: ConditionRow[] = [row(10, { customerGroup: 'G1', familyCode: 'F1' }), row(11, { customerGroup: 'G1', sku: 'A1', minQty: '10' })];
const ownRows = (code: string): ConditionRow[] => [row(20, { customerCode: code }), row(21, { customerCode: code, sku: 'A1', kind: 'NET_PRICE', price: '7', discount1: null })];

function facts(code: string, group: string | null, own: ConditionRow[] = ownRows(code)) {
  const context: CustomerContextRow = { customer: customer(code, group), visibilityRules: [], conditions: [...(group ? groupRows : []), ...own] };
  return { context, groupFacts: groupFactsOf(context) };
}

const ids = (list: readonly { id: string }[]) => list.map((c) => c.id);

const globalLayer = compileGlobalConditions(globalRows);

describe('layered condition indexes', () => {
  test('the layers give the candidates of one index over all the rows, in precedence order', () => {
    const { context, groupFacts } = facts('C1', 'G1');
    const layered = conditionIndexOf(globalLayer, customerFactsOf(context, groupFacts));
    const flat = compileConditionIndex({ code: 'C1', group: 'G1' }, compileGlobalConditions(globalRows), context.conditions);
    for (const [sku, family] of [['A1', 'F1'], ['A2', 'F1'], ['A3', null]] as const) {
      const a = layered.candidates(sku, family);
      const b = flat.candidates(sku, family);
      assert.deepEqual(ids(a.all), ids(b.all), `${sku}: all`);
      assert.deepEqual(ids(a.prices), ids(b.prices), `${sku}: prices`);
      assert.deepEqual(ids(a.discounts), ids(b.discounts), `${sku}: discounts`);
    }
    assert.deepEqual(ids(layered.candidates('A1', 'F1').all), ['1', '21', '20', '11', '10', '2', '3']);
  });

  test("customers of one group share the group's compiled conditions", () => {
    const shared = facts('C1', 'G1', []).groupFacts!;
    const i1 = conditionIndexOf(globalLayer, customerFactsOf(facts('C1', 'G1', []).context, shared));
    const i2 = conditionIndexOf(globalLayer, customerFactsOf(facts('C2', 'G1', []).context, shared));
    const q = toQuantity(new Decimal('1'));
    const w1 = i1.discountWinner('A2', 'F1', q, '2026-11-30');
    assert.equal(w1?.id, '10');
    assert.equal(i2.discountWinner('A2', 'F1', q, '2026-11-30'), w1, 'the same compiled condition, not a copy');
  });

  test('conditions are compiled as the facts are made, not per request', () => {
    const { context, groupFacts } = facts('C1', 'G1');
    const held = customerFactsOf(context, groupFacts);
    const q = toQuantity(new Decimal('1'));
    const first = conditionIndexOf(globalLayer, held).priceWinner('A1', 'F1', q, '2026-11-30');
    const second = conditionIndexOf(globalLayer, held).priceWinner('A1', 'F1', q, '2026-11-30');
    assert.equal(first?.id, '21');
    assert.equal(second, first);
  });

  test("a customer's own conditions stay its own", () => {
    const shared = facts('C1', 'G1').groupFacts;
    const c1 = conditionIndexOf(globalLayer, customerFactsOf(facts('C1', 'G1').context, shared));
    const c2 = conditionIndexOf(globalLayer, customerFactsOf(facts('C2', 'G1', []).context, shared));
    assert.ok(ids(c1.candidates('A1', 'F1').all).includes('21'));
    assert.ok(!ids(c2.candidates('A1', 'F1').all).includes('21'));
  });

  test("another group's conditions never reach a customer, even when handed over", () => {
    const { context } = facts('C3', 'G2');
    const foreign = facts('C1', 'G1').groupFacts;
    const index = conditionIndexOf(globalLayer, customerFactsOf(context, foreign));
    assert.ok(!ids(index.candidates('A1', 'F1').all).some((id) => id === '10' || id === '11'));
  });

  test('winners over the layers are the first matches of the merged order', () => {
    const { context, groupFacts } = facts('C1', 'G1');
    const layered = conditionIndexOf(globalLayer, customerFactsOf(context, groupFacts));
    for (const quantity of ['1', '10', '100']) {
      const q = toQuantity(new Decimal(quantity));
      const merged = layered.candidates('A1', 'F1');
      assert.equal(layered.priceWinner('A1', 'F1', q, '2026-11-30'), firstMatching(merged.prices, q, '2026-11-30'), quantity);
      assert.equal(layered.discountWinner('A1', 'F1', q, '2026-11-30'), firstMatching(merged.discounts, q, '2026-11-30'), quantity);
    }
  });

  test('an anonymous caller gets the global conditions only', () => {
    assert.deepEqual(ids(conditionIndexOf(globalLayer, null).candidates('A1', 'F1').all), ['1', '2', '3']);
  });
});
