/**
 * warehouse-statistics.md, GraphQL: who may call, arguments, paging, the
 * product as the acting customer sees it, and that the figures are computed
 * once per scope and STATS_TTL_MS however many requests arrive.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays } from '../../src/stats/statsWindows';
import { article, createFixtureDb, customer, insertRows } from '../helpers/fixtureErp';
import { visibilityRule } from '../helpers/erpRows';
import { startTestServer, type TestServer } from '../helpers/testServer';

const D = '2026-06-30';
let clock = new Date(`${D}T10:00:00Z`);

function statsErp() {
  const db = createFixtureDb();
  insertRows(db, 'ecom_agents', [{ agent_code: 'AG1', name: 'Mario Rossi', email: null }]);
  insertRows(db, 'ecom_customers', [customer('C1', { agent_code: 'AG1' }), customer('C2', { agent_code: 'AG1' })]);
  insertRows(db, 'ecom_articles', [
    article('A1', { description: 'Interruttore 25A', family_code: 'ELE' }),
    article('A2', { description: 'Cavo riservato', family_code: 'ELE', restricted: true }),
    article('A3', { description: 'Tubo rame', family_code: 'IDR' }),
    ...Array.from({ length: 210 }, (_, i) => article(`Z${String(i).padStart(3, '0')}`)),
  ]);
  insertRows(db, 'ecom_visibility', [visibilityRule(1, 'ALLOW', { sku: 'A2' }, { customer_code: 'C1' })]);
  insertRows(db, 'ecom_price_list_items', [
    { price_list_code: 'BASE', sku: 'A1', min_qty: '0', price: '10.0000', valid_from: null, valid_to: null },
    { price_list_code: 'BASE', sku: 'A2', min_qty: '0', price: '20.0000', valid_from: null, valid_to: null },
  ]);
  insertRows(db, 'ecom_stock', [
    { sku: 'A1', warehouse_code: 'MAG1', on_hand: '10', committed: '0' },
    { sku: 'A2', warehouse_code: 'MAG2', on_hand: '400', committed: '0' },
    { sku: 'A3', warehouse_code: 'MAG1', on_hand: '3', committed: '0' },
    ...Array.from({ length: 210 }, (_, i) => ({ sku: `Z${String(i).padStart(3, '0')}`, warehouse_code: 'MAG1', on_hand: '1', committed: '0' })),
  ]);
  insertRows(db, 'ecom_stock_movements', [
    { movement_id: 1, sku: 'A1', warehouse_code: 'MAG1', moved_at: `${addDays(D, -3)}T09:00:00`, quantity: '-9', reason: 'SALE' },
    { movement_id: 2, sku: 'A2', warehouse_code: 'MAG2', moved_at: `${addDays(D, -1)}T09:00:00`, quantity: '-9', reason: 'SALE' },
    { movement_id: 3, sku: 'A1', warehouse_code: 'MAG1', moved_at: `${addDays(D, -1)}T09:00:00`, quantity: '5', reason: 'PURCHASE' },
  ]);
  return db;
}

const STATS = `query($filter: ArticleStatsFilter, $orderBy: ArticleStatsOrder, $first: Int, $after: String) {
  warehouseStats(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { sku onHand sold30 daysOfCover class abc toClear } }
  }
}`;

describe('warehouse statistics API', () => {
  let server: TestServer;
  let service: string;
  let agent: string;
  before(async () => {
    server = await startTestServer(statsErp(), { now: () => clock });
    service = await server.token({ role: 'service' });
    agent = await server.token({ role: 'agent', agent: 'AG1' });
  });
  after(() => server.close());

  test('anonymous callers are UNAUTHENTICATED, customers FORBIDDEN, on every statistics query', async () => {
    const customerToken = await server.token({ role: 'customer', customer: 'C1' });
    for (const query of ['{ warehouseStats { totalCount } }', '{ warehouseStatsSummary { articles } }', '{ articleStats(sku: "A1") { sku } }', '{ statsWarehouses { code } }']) {
      const anonymous = await server.gql(query);
      assert.equal(anonymous.body.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED', query);
      const asCustomer = await server.gql(query, { token: customerToken });
      assert.equal(asCustomer.body.errors?.[0]?.extensions?.code, 'FORBIDDEN', query);
    }
  });

  test('the service role and agents read the figures', async () => {
    for (const token of [service, agent]) {
      const r = await server.gql('{ articleStats(sku: "A1") { sku onHand sold30 pickCount365 lastSale class } }', { token });
      assert.deepEqual(r.body.data?.articleStats, { sku: 'A1', onHand: '10', sold30: '9', pickCount365: 1, lastSale: addDays(D, -3), class: 'SLOW' });
    }
  });

  test('the summary: asOf is D, every class in enum order, computedAt an instant', async () => {
    const r = await server.gql('{ warehouseStatsSummary(warehouse: "MAG2") { asOf computedAt warehouse articles toClear byClass { class articles onHand } } }', { token: service });
    const summary = r.body.data!.warehouseStatsSummary;
    assert.equal(summary.asOf, D);
    assert.equal(new Date(summary.computedAt).toISOString(), summary.computedAt);
    assert.equal(summary.warehouse, 'MAG2');
    assert.deepEqual(summary.byClass.map((c: { class: string }) => c.class), ['FAST', 'REGULAR', 'SLOW', 'DEAD', 'NONE']);
    assert.equal(summary.articles, 1);
  });

  test('an unknown warehouse code is BAD_USER_INPUT', async () => {
    for (const query of ['{ warehouseStatsSummary(warehouse: "NOPE") { articles } }', '{ warehouseStats(filter: {warehouse: "NOPE"}) { totalCount } }', '{ articleStats(sku: "A1", warehouse: "NOPE") { sku } }']) {
      const r = await server.gql(query, { token: service });
      assert.equal(r.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', query);
    }
  });

  test('first is capped at 200 and totalCount counts the whole selection', async () => {
    const r = await server.gql(STATS, { token: service, variables: { first: 500 } });
    assert.equal(r.body.data!.warehouseStats.edges.length, 200);
    assert.equal(r.body.data!.warehouseStats.totalCount, 213);
    assert.equal(r.body.data!.warehouseStats.pageInfo.hasNextPage, true);
  });

  test('the to-clear list by days of cover, paged with cursors', async () => {
    const filter = { toClear: true, family: 'ELE' };
    const first = await server.gql(STATS, { token: service, variables: { filter, orderBy: 'DAYS_OF_COVER_DESC', first: 1 } });
    const page1 = first.body.data!.warehouseStats;
    // A2: 400 on hand, 9 sold in 90 days: 4000 days of cover; A1 has 111.1 and is not to clear.
    assert.deepEqual(page1.edges.map((e: { node: { sku: string; daysOfCover: string } }) => [e.node.sku, e.node.daysOfCover]), [['A2', '4000']]);
    assert.equal(page1.totalCount, 1);
    assert.equal(page1.pageInfo.hasNextPage, false);
    const again = await server.gql(STATS, { token: service, variables: { filter: { family: 'ELE' }, orderBy: 'DAYS_OF_COVER_DESC', first: 1, after: page1.pageInfo.endCursor } });
    assert.deepEqual(again.body.data!.warehouseStats.edges.map((e: { node: { sku: string } }) => e.node.sku), ['A1']);
  });

  test('a cursor of another order is BAD_USER_INPUT', async () => {
    const first = await server.gql(STATS, { token: service, variables: { orderBy: 'SKU', first: 1 } });
    const cursor = first.body.data!.warehouseStats.pageInfo.endCursor;
    const r = await server.gql(STATS, { token: service, variables: { orderBy: 'ON_HAND_DESC', after: cursor } });
    assert.equal(r.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  });

  test('product: the article as the acting customer sees it, at its price; null without an acting customer or when invisible', async () => {
    const query = '{ a1: articleStats(sku: "A1") { product { sku price { unitPrice } } } a2: articleStats(sku: "A2") { product { sku price { unitPrice } } } }';
    const forC1 = await server.gql(query, { token: agent, acting: 'C1' });
    assert.deepEqual(forC1.body.data, { a1: { product: { sku: 'A1', price: { unitPrice: '10.0000' } } }, a2: { product: { sku: 'A2', price: { unitPrice: '20.0000' } } } });
    const forC2 = await server.gql(query, { token: agent, acting: 'C2' });
    assert.deepEqual(forC2.body.data, { a1: { product: { sku: 'A1', price: { unitPrice: '10.0000' } } }, a2: { product: null } });
    const alone = await server.gql(query, { token: service });
    assert.deepEqual(alone.body.data, { a1: { product: null }, a2: { product: null } });
  });

  test('stockHistory: end-of-day stock back from on hand, oldest first', async () => {
    const r = await server.gql('{ articleStats(sku: "A1") { stockHistory(days: 5) { date onHand } } }', { token: service });
    // 10 now; a purchase of 5 on D−1 and a sale of 9 on D−3: each changes the ends of day before its own.
    assert.deepEqual(r.body.data!.articleStats.stockHistory, [
      { date: addDays(D, -4), onHand: '14' },
      { date: addDays(D, -3), onHand: '5' },
      { date: addDays(D, -2), onHand: '5' },
      { date: addDays(D, -1), onHand: '10' },
      { date: D, onHand: '10' },
    ]);
    const bad = await server.gql('{ articleStats(sku: "A1") { stockHistory(days: 366) { date } } }', { token: service });
    assert.equal(bad.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  });

  test('the figures of a scope are computed once for requests arriving together, and again only after STATS_TTL_MS', async () => {
    const stats = server.app.services.warehouseStats;
    stats.clear();
    const before = stats.computations;
    const answers = await Promise.all(Array.from({ length: 12 }, () => server.gql('{ warehouseStatsSummary { computedAt } }', { token: service })));
    assert.equal(stats.computations - before, 1);
    assert.equal(new Set(answers.map((a) => a.body.data!.warehouseStatsSummary.computedAt)).size, 1);
    const computedAt = answers[0]!.body.data!.warehouseStatsSummary.computedAt;
    clock = new Date(clock.getTime() + 599_000);
    assert.equal((await server.gql('{ warehouseStatsSummary { computedAt } }', { token: service })).body.data!.warehouseStatsSummary.computedAt, computedAt);
    clock = new Date(clock.getTime() + 2_000);
    const later = await server.gql('{ warehouseStatsSummary { computedAt } }', { token: service });
    assert.notEqual(later.body.data!.warehouseStatsSummary.computedAt, computedAt);
    assert.equal(stats.computations - before, 2);
  });

  test('one page of figures with products and sparklines costs a bounded number of ERP calls, not one per article', async () => {
    await server.gql('{ warehouseStatsSummary { articles } }', { token: service });
    const r = await server.gql('{ warehouseStats(first: 50) { edges { node { sku product { sku price { unitPrice } } stockHistory(days: 30) { onHand } } } } }', { token: agent, acting: 'C1' });
    assert.equal(r.body.data!.warehouseStats.edges.length, 50);
    assert.ok(r.erpCalls <= 8, `ERP calls: ${r.erpCalls}`);
  });
});
