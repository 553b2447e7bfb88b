/**
 * Hardening, "serving through an ERP outage": a page never waits on the ERP
 * for a fact Ponte holds, even an expired one; while the ERP is gone, held
 * facts keep answering (marked stale) for STALE_IF_ERROR_MS, a fact not held
 * costs its field only, orders fail cleanly and write nothing, and
 * everything recovers by itself.
 */
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyChange } from '../../src/cache/applyChange';
import { article, createFixtureDb, customer, insertRows } from '../helpers/fixtureErp';
import { ErpFaults } from '../helpers/faultyErp';
import { errorCodes } from '../helpers/rawHttp';
import { startTestServer, type TestServer } from '../helpers/testServer';

const TTL_MS = 60_000;
const STALE_MS = 600_000;
const PAGE = '{ catalog(first: 10) { edges { node { sku price { unitPrice } availability { status available } } } } }';

interface Outage {
  server: TestServer;
  faults: ErpFaults;
  db: ReturnType<typeof createFixtureDb>;
  /** Moves the caches' clock forward. */
  advance(ms: number): void;
  /** The caches' clock now. */
  clock(): number;
  customer: { token: string };
}

function fixture() {
  const db = createFixtureDb();
  insertRows(db, 'ecom_customers', [customer('C1'), customer('C2')]);
  insertRows(db, 'ecom_articles', [article('A1'), article('A2'), article('A9')]);
  insertRows(db, 'ecom_price_list_items', [
    { price_list_code: 'BASE', sku: 'A1', min_qty: '0', price: '10.0000', valid_from: null, valid_to: null },
    { price_list_code: 'BASE', sku: 'A2', min_qty: '0', price: '20.0000', valid_from: null, valid_to: null },
    { price_list_code: 'BASE', sku: 'A9', min_qty: '0', price: '90.0000', valid_from: null, valid_to: null },
  ]);
  insertRows(db, 'ecom_stock', [
    { sku: 'A1', warehouse_code: 'MAG1', on_hand: '50', committed: '0' },
    { sku: 'A2', warehouse_code: 'MAG1', on_hand: '3', committed: '0' },
  ]);
  insertRows(db, 'ecom_destinations', [
    { destination_id: 'C1-D1', customer_code: 'C1', name: 'Sede', street: 'Via Roma 1', postcode: '20100', city: 'Milano', province: 'MI', country: 'IT', is_default: 1 },
  ]);
  return db;
}

let open: TestServer | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

async function startOutage(env: Record<string, string> = {}): Promise<Outage> {
  const db = fixture();
  const faults = new ErpFaults();
  let clock = 1_800_000_000_000;
  const server = await startTestServer(db, {
    env: { CACHE_TTL_MS: String(TTL_MS), STOCK_CACHE_TTL_MS: String(TTL_MS), STALE_IF_ERROR_MS: String(STALE_MS), ...env },
    cacheClock: () => clock,
    wrapAdapter: (sqlite) => faults.wrap(sqlite),
  });
  open = server;
  return {
    server,
    faults,
    db,
    advance: (ms) => {
      clock += ms;
    },
    clock: () => clock,
    customer: { token: await server.token({ role: 'customer', customer: 'C1' }) },
  };
}

/** Waits (bounded) until `done` holds: background work has no promise to await. */
async function eventually(done: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(done(), what);
}

const inboxRows = (o: Outage) => (o.db.prepare('SELECT COUNT(*) AS n FROM ecom_order_inbox').get() as { n: number }).n;

describe('serving through an ERP outage', () => {
  test('an expired fact is answered at once, without an ERP call, while one background refresh runs', async () => {
    const o = await startOutage();
    const warm = await o.server.gql(PAGE, o.customer);
    o.advance(TTL_MS + 1);
    const before = o.faults.calls.length;
    const expired = await o.server.gql(PAGE, o.customer);
    assert.equal(expired.erpCalls, 0, 'the page did not wait on the ERP');
    assert.deepEqual(expired.body.data, warm.body.data);
    await eventually(() => o.faults.count('stockFacts') === 2, 'the stock was refreshed in the background');
    assert.ok(o.faults.calls.length > before);
    const after = await o.server.gql(PAGE, o.customer);
    assert.equal((after.body as { extensions?: unknown }).extensions, undefined, 'fresh again: no stale marker');
  });

  test('a burst of requests on expired facts starts one refresh per fact', async () => {
    const o = await startOutage();
    await o.server.gql(PAGE, o.customer);
    o.advance(TTL_MS + 1);
    const release = o.faults.holdNext('stockFacts');
    await Promise.all(Array.from({ length: 5 }, () => o.server.gql(PAGE, o.customer)));
    release();
    await eventually(() => o.faults.count('stockFacts') === 2, 'one refresh ran');
    assert.equal(o.faults.count('stockFacts'), 2, 'the warm-up and one refresh, not one per request');
    assert.equal(o.faults.count('catalogPage'), 2);
  });

  test('while the ERP is down, held facts answer the page, marked stale since they were read', async () => {
    const o = await startOutage();
    const readAt = o.clock();
    const warm = await o.server.gql(PAGE, o.customer);
    o.faults.mode = 'down';
    o.advance(TTL_MS * 5);
    const res = await o.server.gql(PAGE, o.customer);
    assert.equal(res.status, 200);
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    assert.deepEqual(res.body.data, warm.body.data);
    assert.deepEqual((res.body as { extensions?: unknown }).extensions, { stale: { since: new Date(readAt).toISOString() } });
  });

  test('a fact that is not held is ERP_UNAVAILABLE for its field only', async () => {
    const o = await startOutage();
    await o.server.gql('{ product(sku: "A1") { sku } }');
    o.faults.mode = 'down';
    const res = await o.server.gql('{ held: product(sku: "A1") { sku } missing: product(sku: "A9") { sku } }');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.data, { held: { sku: 'A1' }, missing: null });
    assert.deepEqual(errorCodes(res.body), ['ERP_UNAVAILABLE']);
    assert.deepEqual(res.body.errors![0]!.path, ['missing']);
  });

  test('stock that is not held costs the availability field, not the product', async () => {
    const o = await startOutage();
    await o.server.gql('{ product(sku: "A1") { sku price { unitPrice } } }', o.customer);
    o.faults.mode = 'down';
    const res = await o.server.gql('{ product(sku: "A1") { sku price { unitPrice } availability { status } } }', o.customer);
    assert.deepEqual(res.body.data, { product: { sku: 'A1', price: { unitPrice: '10.0000' }, availability: null } });
    assert.deepEqual(errorCodes(res.body), ['ERP_UNAVAILABLE']);
    assert.deepEqual(res.body.errors![0]!.path, ['product', 'availability']);
  });

  test('past STALE_IF_ERROR_MS a held fact is gone', async () => {
    const o = await startOutage();
    await o.server.gql('{ product(sku: "A1") { sku } }');
    o.faults.mode = 'down';
    o.advance(TTL_MS + STALE_MS + 1);
    const res = await o.server.gql('{ product(sku: "A1") { sku } }');
    assert.deepEqual(res.body.data, { product: null });
    assert.deepEqual(errorCodes(res.body), ['ERP_UNAVAILABLE']);
  });

  test('a fact the change feed dropped is gone, not kept as stale', async () => {
    const o = await startOutage();
    await o.server.gql('{ product(sku: "A1") { sku } }');
    o.faults.mode = 'down';
    applyChange(o.server.app.cache, { changeId: 1, entity: 'ARTICLE', entityKey: 'A1' });
    const res = await o.server.gql('{ product(sku: "A1") { sku } }');
    assert.deepEqual(errorCodes(res.body), ['ERP_UNAVAILABLE']);
  });

  test('placeOrder during an outage fails with ERP_UNAVAILABLE and writes nothing; the same call succeeds once afterwards', async () => {
    const o = await startOutage();
    const order = `mutation { placeOrder(input: { idempotencyKey: "night-1", destinationId: "C1-D1", lines: [{ sku: "A1", quantity: 2 }] }) { order { id } errors { code } } }`;
    await o.server.gql('{ quote(lines: [{ sku: "A1", quantity: 2 }]) { totalNet } me { destinations { id } } }', o.customer);
    o.faults.mode = 'down';
    const failed = await o.server.gql(order, o.customer);
    assert.deepEqual(errorCodes(failed.body), ['ERP_UNAVAILABLE']);
    assert.equal(inboxRows(o), 0);
    o.faults.mode = 'up';
    const placed = await o.server.gql(order, o.customer);
    const replay = await o.server.gql(order, o.customer);
    assert.deepEqual(placed.body.data.placeOrder.errors, []);
    assert.equal(replay.body.data.placeOrder.order.id, placed.body.data.placeOrder.order.id);
    assert.equal(inboxRows(o), 1);
  });

  test('placeOrder never prices on expired facts: it reads them again', async () => {
    const o = await startOutage();
    await o.server.gql('{ quote(lines: [{ sku: "A1", quantity: 2 }]) { totalNet } }', o.customer);
    o.db.prepare(`UPDATE ecom_price_list_items SET price = '11.0000' WHERE sku = 'A1'`).run();
    o.advance(TTL_MS + 1);
    const res = await o.server.gql(
      `mutation { placeOrder(input: { idempotencyKey: "fresh-1", destinationId: "C1-D1", lines: [{ sku: "A1", quantity: 2 }] }) { order { totalNet } errors { code } } }`,
      o.customer,
    );
    assert.deepEqual(res.body.data.placeOrder, { order: { totalNet: '22.00' }, errors: [] });
  });

  test('/readyz reports the outage and how stale the answers are, and recovers by itself', async () => {
    const o = await startOutage();
    await o.server.gql(PAGE, o.customer);
    const ready = await o.server.app.http.inject({ method: 'GET', url: '/readyz' });
    assert.equal(ready.statusCode, 200);
    assert.equal(ready.json().erp.write, 'ok');
    o.faults.mode = 'down';
    o.advance(TTL_MS + 1);
    await o.server.gql(PAGE, o.customer);
    const down = await o.server.app.http.inject({ method: 'GET', url: '/readyz' });
    assert.equal(down.statusCode, 503);
    assert.equal(down.json().erp.read, 'unavailable');
    assert.equal(down.json().erp.write, 'unavailable');
    assert.ok(down.json().cache.staleSince, 'says since when answers are stale');
    assert.match(await o.server.app.metrics.registry.getSingleMetricAsString('ponte_erp_up'), /ponte_erp_up 0/);
    assert.match(await o.server.app.metrics.registry.getSingleMetricAsString('ponte_stale_responses_total'), /ponte_stale_responses_total 1/);
    o.faults.mode = 'up';
    const back = await o.server.app.http.inject({ method: 'GET', url: '/readyz' });
    assert.equal(back.statusCode, 200);
    assert.match(await o.server.app.metrics.registry.getSingleMetricAsString('ponte_erp_up'), /ponte_erp_up 1/);
  });

  test('the write probe of /readyz leaves nothing in the staging tables', async () => {
    const o = await startOutage();
    const sequence = () => o.db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'ecom_order_inbox'`).get();
    const seqBefore = sequence();
    await o.server.app.http.inject({ method: 'GET', url: '/readyz' });
    assert.equal(inboxRows(o), 0);
    assert.deepEqual(sequence(), seqBefore);
  });
});

describe('a slow ERP', () => {
  test('a page whose facts are held answers while a request that needs the slow ERP waits', async () => {
    const o = await startOutage();
    const warm = await o.server.gql(PAGE, o.customer);
    o.faults.latencyMs = 400;
    let slowDone = false;
    const slow = o.server
      .gql('{ me { code } }', { token: await o.server.token({ role: 'customer', customer: 'C2' }) })
      .finally(() => (slowDone = true));
    const cached = await o.server.gql(PAGE, o.customer);
    assert.equal(slowDone, false, 'the cached page did not wait behind the slow call');
    assert.deepEqual(cached.body.data, warm.body.data);
    assert.deepEqual((await slow).body.data, { me: { code: 'C2' } });
  });

  test('a call slower than ERP_TIMEOUT_MS fails with ERP_TIMEOUT for its field', async () => {
    const o = await startOutage({ ERP_TIMEOUT_MS: '100' });
    o.faults.latencyMs = 1000;
    const res = await o.server.gql('{ product(sku: "A1") { sku } }');
    assert.deepEqual(errorCodes(res.body), ['ERP_TIMEOUT']);
  });
});

describe('cache coherence', () => {
  test('a fill that read the ERP before a change, and finishes after the change feed dropped the key, is not cached', async () => {
    const o = await startOutage();
    const release = o.faults.holdNext('articlesBySku');
    const first = o.server.gql('{ product(sku: "A1") { sku } }');
    await eventually(() => o.faults.count('articlesBySku') === 1, 'the read started');
    o.db.prepare(`UPDATE ecom_articles SET web_enabled = 0 WHERE sku = 'A1'`).run();
    applyChange(o.server.app.cache, { changeId: 1, entity: 'ARTICLE', entityKey: 'A1' });
    release();
    assert.deepEqual((await first).body.data, { product: { sku: 'A1' } }, 'the racing request answers what it read');
    const next = await o.server.gql('{ product(sku: "A1") { sku } }');
    assert.deepEqual(next.body.data, { product: null }, 'the next one sees the change');
  });
});
