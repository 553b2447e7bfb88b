/**
 * Price.explanation over HTTP: the engine's steps reach the client as they
 * are, each running amount a Decimal serialised by the scalar alone (plain
 * notation, exact before the final rounding).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { article, condition, createFixtureDb, customer, insertRows } from '../helpers/fixtureErp';
import { startTestServer, type TestServer } from '../helpers/testServer';

let server: TestServer;
let token: string;

before(async () => {
  const db = createFixtureDb();
  insertRows(db, 'ecom_customers', [customer('C1')]);
  insertRows(db, 'ecom_articles', [article('A1')]);
  insertRows(db, 'ecom_price_list_items', [{ price_list_code: 'BASE', sku: 'A1', min_qty: '0', price: '10.0000', valid_from: null, valid_to: null }]);
  insertRows(db, 'ecom_conditions', [condition(1, { sku: 'A1', kind: 'DISCOUNT', discount_1: '12.5', discount_2: '3' })]);
  server = await startTestServer(db);
  token = await server.token({ role: 'customer', customer: 'C1' });
});
after(() => server.close());

test('every step carries its kind and the running amount, the exact value before rounding', async () => {
  const res = await server.gql('{ product(sku: "A1") { price(quantity: 2) { unitPrice source explanation { kind value conditionId priceList } } } }', { token });
  assert.deepEqual(res.body.errors, undefined);
  const price = res.body.data.product.price;
  assert.equal(price.unitPrice, '8.4875');
  assert.equal(price.source, 'PRICE_LIST');
  assert.deepEqual(price.explanation, [
    { kind: 'LIST_PRICE', value: '10', conditionId: null, priceList: 'BASE' },
    { kind: 'DISCOUNT', value: '8.75', conditionId: '1', priceList: null },
    { kind: 'DISCOUNT', value: '8.4875', conditionId: '1', priceList: null },
    { kind: 'ROUNDING', value: '8.4875', conditionId: null, priceList: null },
  ]);
});
