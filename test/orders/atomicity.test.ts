/**
 * erp-contract.md "Staging tables": header and lines in one transaction; and
 * graphql-api.md "Orders": when the ERP cannot be reached the mutation fails
 * with ERP_UNAVAILABLE, writes nothing, and the same call can be retried
 * safely.
 */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type Database from 'better-sqlite3';
import { startTestServer, type TestServer } from '../helpers/testServer';
import {
  NOW,
  type PlaceInput,
  assertNothingWritten,
  clearInbox,
  flakyAdapter,
  inboxLines,
  inboxRows,
  ordersFixture,
  place,
  startWrappedServer,
} from './ordersHarness';

const payload = (key: string): PlaceInput => ({
  idempotencyKey: key,
  lines: [
    { sku: 'A-DISC', quantity: '3' },
    { sku: 'A-PLAIN', quantity: '2' },
    { sku: 'A-VAT10', quantity: '1' },
  ],
});

describe('a failure between header and lines', () => {
  let db: Database.Database;
  let server: TestServer;
  let token: string;
  let failNext = false;

  before(async () => {
    db = ordersFixture();
    server = await startTestServer(db, {
      now: NOW,
      sqlite: {
        beforeOrderLines: () => {
          if (failNext) {
            failNext = false;
            throw new Error('disk I/O error at /var/lib/erp/erp.db');
          }
        },
      },
    });
    token = await server.token({ role: 'customer', customer: 'C1' });
  });
  after(async () => {
    await server.close();
  });
  beforeEach(() => clearInbox(db));

  test('the mutation fails with a GraphQL error and neither a header nor lines remain', async () => {
    failNext = true;
    const res = await place(server, payload('atom-1'), { token });
    assert.ok(res.body.errors && res.body.errors.length > 0, 'a GraphQL error');
    assert.equal(res.body.data?.placeOrder ?? null, null);
    assertNothingWritten(db, assert.equal);
  });

  test('the failure does not leak internals (no SQL, paths or original message)', async () => {
    failNext = true;
    const res = await place(server, payload('atom-2'), { token });
    const text = JSON.stringify(res.body);
    assert.ok(!/disk I\/O|\/var\/lib|INSERT|ecom_order_inbox|stack/i.test(text), text);
    assert.ok(['ERP_UNAVAILABLE', 'INTERNAL_SERVER_ERROR'].includes(String(res.body.errors?.[0]?.extensions?.code)));
  });

  test('the same call retried after the failure succeeds once, with all its lines', async () => {
    failNext = true;
    const failed = await place(server, payload('atom-3'), { token });
    assert.ok(failed.body.errors?.length);
    const ok = await place(server, payload('atom-3'), { token });
    assert.equal(ok.body.errors, undefined, JSON.stringify(ok.body.errors));
    assert.deepEqual(ok.body.data.placeOrder.errors, []);
    const again = await place(server, payload('atom-3'), { token });
    assert.equal(again.body.data.placeOrder.order.id, ok.body.data.placeOrder.order.id);
    const rows = inboxRows(db);
    assert.equal(rows.length, 1);
    assert.equal(String(rows[0]!.inbox_id), ok.body.data.placeOrder.order.id);
    assert.equal(inboxLines(db, rows[0]!.inbox_id).length, 3);
    assert.equal(inboxLines(db).length, 3);
  });
});

describe('ERP unavailable', () => {
  let db: Database.Database;
  let server: Awaited<ReturnType<typeof startWrappedServer>>;
  let token: string;
  /** Which adapter operations fail now: none, only insertOrder, or every one. */
  let down: 'none' | 'insertOrder' | 'all' = 'none';

  before(async () => {
    db = ordersFixture();
    server = await startWrappedServer(db, (sqlite) =>
      flakyAdapter(sqlite, (operation) => down === 'all' || (down === 'insertOrder' && operation === 'insertOrder')),
    );
    token = await server.token({ role: 'customer', customer: 'C1' });
  });
  after(async () => {
    down = 'none';
    await server.close();
  });
  beforeEach(() => {
    down = 'none';
    clearInbox(db);
  });

  test('insertOrder failing: the mutation fails with ERP_UNAVAILABLE and nothing is written', async () => {
    down = 'insertOrder';
    const res = await place(server, payload('down-1'), { token });
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'ERP_UNAVAILABLE');
    assert.equal(res.body.data?.placeOrder ?? null, null);
    assertNothingWritten(db, assert.equal);
  });

  test('every ERP call failing: the mutation fails with ERP_UNAVAILABLE and nothing is written', async () => {
    down = 'all';
    const res = await place(server, payload('down-2'), { token });
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'ERP_UNAVAILABLE');
    assertNothingWritten(db, assert.equal);
  });

  test('the ERP_UNAVAILABLE error reveals no connection details', async () => {
    down = 'all';
    const res = await place(server, payload('down-3'), { token });
    const text = JSON.stringify(res.body);
    assert.ok(!/ECONNREFUSED|10\.0\.0\.5|hunter2|password/i.test(text), text);
  });

  test('after the ERP comes back, the same call (same key and payload) succeeds exactly once', async () => {
    down = 'insertOrder';
    for (let i = 0; i < 3; i++) {
      const res = await place(server, payload('down-4'), { token });
      assert.equal(res.body.errors?.[0]?.extensions?.code, 'ERP_UNAVAILABLE');
    }
    down = 'all';
    const res = await place(server, payload('down-4'), { token });
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'ERP_UNAVAILABLE');
    assertNothingWritten(db, assert.equal);

    down = 'none';
    const ok = await place(server, payload('down-4'), { token });
    assert.equal(ok.body.errors, undefined, JSON.stringify(ok.body.errors));
    assert.deepEqual(ok.body.data.placeOrder.errors, []);
    const id = ok.body.data.placeOrder.order.id;
    const retry = await place(server, payload('down-4'), { token });
    assert.deepEqual(retry.body.data.placeOrder.errors, []);
    assert.equal(retry.body.data.placeOrder.order.id, id);
    const rows = inboxRows(db);
    assert.equal(rows.length, 1);
    assert.equal(String(rows[0]!.inbox_id), id);
    assert.equal(inboxLines(db).length, 3);
  });

  test('concurrent retries after the ERP comes back still create one order', async () => {
    down = 'insertOrder';
    const failed = await place(server, payload('down-5'), { token });
    assert.equal(failed.body.errors?.[0]?.extensions?.code, 'ERP_UNAVAILABLE');
    down = 'none';
    const results = await Promise.all(Array.from({ length: 10 }, () => place(server, payload('down-5'), { token })));
    const ids = new Set(results.map((r) => r.body.data?.placeOrder?.order?.id));
    assert.equal(ids.size, 1);
    assert.equal(inboxRows(db).length, 1);
  });
});
