/**
 * graphql-api.md, "Availability": status boundaries, web-enabled warehouses
 * only, committed never making a warehouse negative, the next arrival, what
 * anonymous callers see, and exact decimals.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { article, createFixtureDb, customer, insertRows, type Row } from '../helpers/fixtureErp';
import { startTestServer, type GqlOptions, type TestServer } from '../helpers/testServer';

const AVAILABILITY = `query($sku: ID!) {
  product(sku: $sku) {
    availability {
      status available
      warehouses { code name onHand committed available }
      nextArrival { date quantity }
    }
  }
}`;

const stock = (sku: string, warehouse_code: string, on_hand: string, committed = '0'): Row => ({ sku, warehouse_code, on_hand, committed });
const incoming = (sku: string, warehouse_code: string, expected_date: string, quantity: string): Row => ({
  sku,
  warehouse_code,
  expected_date,
  quantity,
});

function baseDb(settings?: Record<string, string>) {
  const db = createFixtureDb(settings ? { settings } : {});
  insertRows(db, 'ecom_customers', [customer('C1')]);
  return db;
}

async function availabilityOf(server: TestServer, sku: string, options: GqlOptions) {
  const res = await server.gql(AVAILABILITY, { ...options, variables: { sku } });
  assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
  assert.ok(res.body.data.product, `product ${sku} not found`);
  return res.body.data.product.availability;
}

describe('availability with the default threshold (5)', () => {
  let server: TestServer;
  let asCustomer: GqlOptions;

  before(async () => {
    const db = baseDb();
    const skus = ['EXACT5', 'JUST-BELOW', 'BACK', 'ONLY-MAG3-IN', 'OVERCOMMIT', 'ONLY-MAG3', 'NOTHING', 'TENTHS', 'TRAILING', 'ZERO-ROWS', 'SPLIT'];
    insertRows(db, 'ecom_articles', skus.map((sku) => article(sku)));
    insertRows(db, 'ecom_stock', [
      stock('EXACT5', 'MAG1', '3'),
      stock('EXACT5', 'MAG2', '2.000'),
      stock('JUST-BELOW', 'MAG1', '4.999'),
      stock('BACK', 'MAG1', '0', '0'),
      stock('OVERCOMMIT', 'MAG1', '2', '5'),
      stock('OVERCOMMIT', 'MAG2', '3', '0'),
      stock('ONLY-MAG3', 'MAG3', '100'),
      stock('TENTHS', 'MAG1', '0.1'),
      stock('TENTHS', 'MAG2', '0.2'),
      stock('TRAILING', 'MAG1', '12.500', '0.000'),
      stock('ZERO-ROWS', 'MAG1', '4', '4'),
      stock('SPLIT', 'MAG1', '10', '7.5'),
      stock('SPLIT', 'MAG2', '1.25', '0'),
    ]);
    insertRows(db, 'ecom_incoming', [
      incoming('BACK', 'MAG2', '2026-04-01', '100'),
      incoming('BACK', 'MAG1', '2026-03-10', '3'),
      incoming('BACK', 'MAG2', '2026-03-10', '2.5'),
      incoming('BACK', 'MAG3', '2026-03-01', '50'), // not web-enabled: earlier, but ignored
      incoming('ONLY-MAG3-IN', 'MAG3', '2026-03-01', '50'),
      incoming('ONLY-MAG3', 'MAG3', '2026-02-01', '10'),
    ]);
    server = await startTestServer(db);
    asCustomer = { token: await server.token({ role: 'customer', customer: 'C1' }) };
  });
  after(() => server.close());

  test('available exactly at the threshold (5) is IN_STOCK', async () => {
    const a = await availabilityOf(server, 'EXACT5', asCustomer);
    assert.equal(a.status, 'IN_STOCK');
    assert.equal(a.available, '5');
  });

  test('available just below the threshold (4.999) is LOW_STOCK', async () => {
    const a = await availabilityOf(server, 'JUST-BELOW', asCustomer);
    assert.equal(a.status, 'LOW_STOCK');
    assert.equal(a.available, '4.999');
  });

  test('nothing available with something incoming is BACKORDER', async () => {
    const a = await availabilityOf(server, 'BACK', asCustomer);
    assert.equal(a.status, 'BACKORDER');
    assert.equal(a.available, '0');
  });

  test('nextArrival is the earliest date in web-enabled warehouses, with the quantities of that date summed', async () => {
    const a = await availabilityOf(server, 'BACK', asCustomer);
    assert.deepEqual(a.nextArrival, { date: '2026-03-10', quantity: '5.5' });
  });

  test('nothing available and incoming only in a non-web-enabled warehouse is OUT_OF_STOCK, with no next arrival', async () => {
    const a = await availabilityOf(server, 'ONLY-MAG3-IN', asCustomer);
    assert.equal(a.status, 'OUT_OF_STOCK');
    assert.equal(a.nextArrival, null);
  });

  test('no stock rows and nothing incoming is OUT_OF_STOCK with available 0', async () => {
    const a = await availabilityOf(server, 'NOTHING', asCustomer);
    assert.deepEqual(a, { status: 'OUT_OF_STOCK', available: '0', warehouses: [], nextArrival: null });
  });

  test('on hand fully committed is OUT_OF_STOCK', async () => {
    const a = await availabilityOf(server, 'ZERO-ROWS', asCustomer);
    assert.equal(a.status, 'OUT_OF_STOCK');
    assert.equal(a.available, '0');
  });

  test('committed above on hand counts as 0 for that warehouse, never negative', async () => {
    const a = await availabilityOf(server, 'OVERCOMMIT', asCustomer);
    assert.equal(a.available, '3');
    assert.equal(a.status, 'LOW_STOCK');
    assert.deepEqual(a.warehouses, [
      { code: 'MAG1', name: 'Sede', onHand: '2', committed: '5', available: '0' },
      { code: 'MAG2', name: 'Deposito', onHand: '3', committed: '0', available: '3' },
    ]);
  });

  test('stock in a non-web-enabled warehouse is ignored', async () => {
    const a = await availabilityOf(server, 'ONLY-MAG3', asCustomer);
    assert.equal(a.available, '0');
    assert.equal(a.status, 'OUT_OF_STOCK');
    assert.deepEqual(a.warehouses, []);
    assert.equal(a.nextArrival, null);
  });

  test('available is the sum over web-enabled warehouses of on hand minus committed', async () => {
    const a = await availabilityOf(server, 'SPLIT', asCustomer);
    assert.equal(a.available, '3.75');
    assert.equal(a.status, 'LOW_STOCK');
    assert.deepEqual(
      a.warehouses.map((w: any) => [w.code, w.available]),
      [
        ['MAG1', '2.5'],
        ['MAG2', '1.25'],
      ],
    );
  });

  test('decimals are summed exactly: 0.1 + 0.2 is "0.3"', async () => {
    const a = await availabilityOf(server, 'TENTHS', asCustomer);
    assert.equal(a.available, '0.3');
    assert.deepEqual(
      a.warehouses.map((w: any) => w.onHand),
      ['0.1', '0.2'],
    );
  });

  test('decimals come back as strings in plain notation without trailing zeros ("12.5")', async () => {
    const a = await availabilityOf(server, 'TRAILING', asCustomer);
    assert.equal(a.available, '12.5');
    assert.deepEqual(a.warehouses, [{ code: 'MAG1', name: 'Sede', onHand: '12.5', committed: '0', available: '12.5' }]);
    assert.equal(a.status, 'IN_STOCK');
  });

  test('anonymous callers get the status but no quantities: available null, no warehouses, arrival quantity null', async () => {
    for (const [sku, status] of [
      ['EXACT5', 'IN_STOCK'],
      ['JUST-BELOW', 'LOW_STOCK'],
      ['OVERCOMMIT', 'LOW_STOCK'],
      ['ONLY-MAG3', 'OUT_OF_STOCK'],
    ] as const) {
      const a = await availabilityOf(server, sku, {});
      assert.deepEqual(a, { status, available: null, warehouses: [], nextArrival: null }, sku);
    }
    const back = await availabilityOf(server, 'BACK', {});
    assert.deepEqual(back, { status: 'BACKORDER', available: null, warehouses: [], nextArrival: { date: '2026-03-10', quantity: null } });
  });

  test('the anonymous view does not leak into a later customer view of the same article (shared caches)', async () => {
    await availabilityOf(server, 'SPLIT', {});
    const a = await availabilityOf(server, 'SPLIT', asCustomer);
    assert.equal(a.available, '3.75');
    assert.equal(a.warehouses.length, 2);
  });

  test('an agent acting for nobody sees quantities', async () => {
    const token = await server.token({ role: 'agent', agent: 'AG1' });
    const a = await availabilityOf(server, 'EXACT5', { token });
    assert.equal(a.available, '5');
    assert.equal(a.warehouses.length, 2);
  });
});

describe('availability with a custom threshold from ecom_settings', () => {
  let server: TestServer;
  let asCustomer: GqlOptions;

  before(async () => {
    const db = baseDb({ low_stock_threshold: '10.5' });
    insertRows(db, 'ecom_articles', [article('SEVEN'), article('TEN'), article('TEN-HALF')]);
    insertRows(db, 'ecom_stock', [stock('SEVEN', 'MAG1', '7'), stock('TEN', 'MAG1', '10.499'), stock('TEN-HALF', 'MAG2', '10.50')]);
    server = await startTestServer(db);
    asCustomer = { token: await server.token({ role: 'customer', customer: 'C1' }) };
  });
  after(() => server.close());

  test('a custom low_stock_threshold is honoured: below it LOW_STOCK (7 would be IN_STOCK with the default 5)', async () => {
    assert.equal((await availabilityOf(server, 'SEVEN', asCustomer)).status, 'LOW_STOCK');
    assert.equal((await availabilityOf(server, 'TEN', asCustomer)).status, 'LOW_STOCK');
  });

  test('a custom low_stock_threshold is honoured: exactly at it IN_STOCK', async () => {
    const a = await availabilityOf(server, 'TEN-HALF', asCustomer);
    assert.equal(a.status, 'IN_STOCK');
    assert.equal(a.available, '10.5');
  });
});
