/**
 * ERP round trips per request (x-ponte-erp-calls): a catalog page costs a
 * small, fixed number of batched ERP calls however many products it shows,
 * and a warm page costs none.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type Database from 'better-sqlite3';
import { article, condition, createFixtureDb, customer, insertRows, type Row } from '../helpers/fixtureErp';
import { startTestServer, type GqlOptions, type TestServer } from '../helpers/testServer';

const sku = (i: number) => `A${String(i).padStart(3, '0')}`;
const ARTICLES = 120;

/** ~120 articles: every 7th restricted (family FR, allowed to group G1), stock on every 3rd, incoming on every 5th. */
function buildDb(): Database.Database {
  const db = createFixtureDb();
  insertRows(db, 'ecom_price_lists', [{ price_list_code: 'L1', description: 'Listino rivenditori', currency: 'EUR' }]);
  insertRows(db, 'ecom_customers', [
    customer('C1', { customer_group: 'G1', price_list_code: 'L1' }),
    customer('C2', { customer_group: 'G2' }),
    customer('C3', { customer_group: 'G1' }),
  ]);
  const articles: Row[] = [];
  const stock: Row[] = [];
  const incoming: Row[] = [];
  const items: Row[] = [];
  for (let i = 1; i <= ARTICLES; i++) {
    const restricted = i % 7 === 0;
    articles.push(article(sku(i), { family_code: restricted ? 'FR' : `F${i % 4}`, restricted: restricted ? 1 : 0 }));
    if (i % 3 === 0) {
      stock.push({ sku: sku(i), warehouse_code: 'MAG1', on_hand: `${i}.5`, committed: '1' });
      stock.push({ sku: sku(i), warehouse_code: 'MAG3', on_hand: '99', committed: '0' });
    }
    if (i % 5 === 0) incoming.push({ sku: sku(i), warehouse_code: 'MAG2', expected_date: '2026-05-01', quantity: '12' });
    items.push({ price_list_code: 'BASE', sku: sku(i), min_qty: '0', price: `${10 + i}.0000`, valid_from: null, valid_to: null });
    items.push({ price_list_code: 'BASE', sku: sku(i), min_qty: '10', price: `${9 + i}.0000`, valid_from: null, valid_to: null });
    if (i % 2 === 0) items.push({ price_list_code: 'L1', sku: sku(i), min_qty: '0', price: `${8 + i}.5000`, valid_from: null, valid_to: null });
  }
  insertRows(db, 'ecom_articles', articles);
  insertRows(db, 'ecom_stock', stock);
  insertRows(db, 'ecom_incoming', incoming);
  insertRows(db, 'ecom_price_list_items', items);
  insertRows(db, 'ecom_visibility', [
    { rule_id: 1, mode: 'ALLOW', sku: null, family_code: 'FR', customer_code: null, customer_group: 'G1' },
    { rule_id: 2, mode: 'DENY', sku: sku(5), family_code: null, customer_code: 'C1', customer_group: null },
  ]);
  insertRows(db, 'ecom_conditions', [
    condition(1, { family_code: 'F1', discount_1: '10' }),
    condition(2, { customer_group: 'G1', family_code: 'F2', discount_1: '5', discount_2: '2' }),
    condition(3, { customer_code: 'C1', sku: sku(10), kind: 'PRICE', price: '8.0000' }),
    condition(4, { sku: sku(20), kind: 'NET_PRICE', price: '7.5000', priority: 5 }),
    condition(5, { customer_code: 'C2', discount_1: '20', min_qty: '10' }),
    condition(6, { customer_group: 'G2', family_code: 'F3', kind: 'PRICE', price: '3.0000', min_qty: '5' }),
  ]);
  return db;
}

const CATALOG = `query($first: Int) {
  catalog(first: $first) {
    edges { node { sku erpDescription availability { status available warehouses { code } nextArrival { date } } } }
  }
}`;

// price(quantity: 1) rather than the default: the default argument has its
// own tests (test/graphql/buildSchema.test.ts); this file is about round trips.
const CATALOG_PRICED = `query($first: Int) {
  catalog(first: $first) {
    edges { node {
      sku erpDescription
      availability { status available warehouses { code } nextArrival { date } }
      price(quantity: 1) { unitPrice }
      priceBreaks { minQuantity unitPrice }
    } }
  }
}`;

describe('ERP round trips', () => {
  let server: TestServer;
  const as: Record<string, GqlOptions> = {};

  before(async () => {
    server = await startTestServer(buildDb());
    for (const code of ['C1', 'C2', 'C3']) as[code] = { token: await server.token({ role: 'customer', customer: code }) };
  });
  after(() => server.close());

  const cold = () => server.app.cache.clear();

  test('a cold catalog page of 48 with availability costs at most 4 ERP round trips', async () => {
    cold();
    const res = await server.gql(CATALOG, { ...as.C1, variables: { first: 48 } });
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    assert.equal(res.body.data.catalog.edges.length, 48);
    assert.ok(res.erpCalls <= 4, `cold page cost ${res.erpCalls} ERP round trips`);
  });

  test('the same catalog page again costs 0 ERP round trips', async () => {
    cold();
    const first = await server.gql(CATALOG, { ...as.C1, variables: { first: 48 } });
    const again = await server.gql(CATALOG, { ...as.C1, variables: { first: 48 } });
    assert.equal(again.erpCalls, 0);
    assert.deepEqual(again.body, first.body);
  });

  test('a cold catalog page of 48 with price and priceBreaks costs at most 6 ERP round trips', async () => {
    cold();
    const res = await server.gql(CATALOG_PRICED, { ...as.C1, variables: { first: 48 } });
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    const nodes = res.body.data.catalog.edges.map((e: any) => e.node);
    assert.equal(nodes.length, 48);
    assert.ok(nodes.every((n: any) => n.price !== null && n.priceBreaks.length > 0), 'every article has a price');
    assert.ok(res.erpCalls <= 6, `cold priced page cost ${res.erpCalls} ERP round trips`);
  });

  test('a warm catalog page with price and priceBreaks costs 0 ERP round trips', async () => {
    cold();
    const first = await server.gql(CATALOG_PRICED, { ...as.C1, variables: { first: 48 } });
    const again = await server.gql(CATALOG_PRICED, { ...as.C1, variables: { first: 48 } });
    assert.equal(again.erpCalls, 0);
    assert.deepEqual(again.body, first.body);
  });

  test("a second, never-seen customer's first page does not reload the global conditions", async () => {
    cold();
    const before = server.app.erpCalls.byOperation.get('globalConditions') ?? 0;
    const c1 = await server.gql(CATALOG_PRICED, { ...as.C1, variables: { first: 48 } });
    assert.equal(c1.body.errors, undefined);
    assert.equal((server.app.erpCalls.byOperation.get('globalConditions') ?? 0) - before, 1);
    const c2 = await server.gql(CATALOG_PRICED, { ...as.C2, variables: { first: 48 } });
    assert.equal(c2.body.errors, undefined);
    assert.equal((server.app.erpCalls.byOperation.get('globalConditions') ?? 0) - before, 1);
    assert.ok(c2.erpCalls <= 6, `C2's first page cost ${c2.erpCalls}`);
  });

  test('products with 48 skus, cold, costs at most 4 ERP round trips', async () => {
    cold();
    const skus = Array.from({ length: 48 }, (_, i) => sku(i * 2 + 1));
    const res = await server.gql(
      'query($skus: [ID!]!) { products(skus: $skus) { sku erpDescription availability { status available warehouses { code } nextArrival { date } } } }',
      { ...as.C1, variables: { skus } },
    );
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    assert.equal(res.body.data.products.length, 48);
    assert.ok(res.erpCalls <= 4, `cold products cost ${res.erpCalls} ERP round trips`);
    const again = await server.gql(
      'query($skus: [ID!]!) { products(skus: $skus) { sku erpDescription availability { status available warehouses { code } nextArrival { date } } } }',
      { ...as.C1, variables: { skus } },
    );
    assert.equal(again.erpCalls, 0);
  });

  test('asking for a missing sku twice costs one articlesBySku call in total', async () => {
    cold();
    const before = server.app.erpCalls.byOperation.get('articlesBySku') ?? 0;
    for (let i = 0; i < 2; i++) {
      const res = await server.gql('{ product(sku: "NO-SUCH-SKU") { sku } }', as.C1);
      assert.deepEqual(res.body.data, { product: null });
    }
    assert.equal((server.app.erpCalls.byOperation.get('articlesBySku') ?? 0) - before, 1);
  });

  test('a product already listed by a catalog page costs no articlesBySku call', async () => {
    cold();
    await server.gql(CATALOG, { ...as.C1, variables: { first: 48 } });
    const before = server.app.erpCalls.byOperation.get('articlesBySku') ?? 0;
    const res = await server.gql('query($s: ID!) { product(sku: $s) { sku } }', { ...as.C1, variables: { s: sku(1) } });
    assert.deepEqual(res.body.data, { product: { sku: sku(1) } });
    assert.equal((server.app.erpCalls.byOperation.get('articlesBySku') ?? 0) - before, 0);
  });

  test('the per-request count is what the global counter saw during that request', async () => {
    cold();
    const before = server.app.erpCalls.total;
    const res = await server.gql(CATALOG_PRICED, { ...as.C3, variables: { first: 48 } });
    assert.equal(res.erpCalls, server.app.erpCalls.total - before);
    assert.ok(res.erpCalls > 0);
  });
});
