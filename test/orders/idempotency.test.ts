/**
 * graphql-api.md "Orders": the idempotency key. A retry with the same key and
 * payload returns the same order; concurrent identical requests create one
 * order; the same key with another payload is IDEMPOTENCY_KEY_REUSED and
 * reveals nothing; keys belong to the customer, so another customer's use
 * of a key is its own order; a refused request does not consume its key.
 */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type Database from 'better-sqlite3';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { NOW, type PlaceInput, clearInbox, inboxLines, inboxRows, ordersFixture, place } from './ordersHarness';

let db: Database.Database;
let server: TestServer;
let c1: string;
let c2: string;

before(async () => {
  db = ordersFixture();
  server = await startTestServer(db, { now: NOW });
  c1 = await server.token({ role: 'customer', customer: 'C1' });
  c2 = await server.token({ role: 'customer', customer: 'C2' });
});
after(async () => {
  await server.close();
});
beforeEach(() => clearInbox(db));

const payload = (key: string): PlaceInput => ({
  idempotencyKey: key,
  lines: [
    { sku: 'A-DISC', quantity: '3' },
    { sku: 'A-PLAIN', quantity: '2' },
  ],
  customerReference: 'PO-1',
});

async function placeOk(input: PlaceInput, token = c1) {
  const res = await place(server, input, { token });
  assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
  return res.body.data.placeOrder as { order: any; errors: Array<{ code: string; message: string; lineIndex: number | null }> };
}

describe('idempotency key', () => {
  test('same key and same payload: the same order id and one header row', async () => {
    const first = await placeOk(payload('k-same'));
    const second = await placeOk(payload('k-same'));
    assert.deepEqual(first.errors, []);
    assert.deepEqual(second.errors, []);
    assert.ok(first.order?.id);
    assert.equal(second.order.id, first.order.id);
    assert.deepEqual(second.order, first.order);
    assert.equal(inboxRows(db).length, 1);
    assert.equal(inboxLines(db).length, 2);
  });

  test('20 concurrent identical requests: exactly one header row and the same order id in all 20 responses', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => placeOk(payload('k-concurrent'))));
    for (const r of results) assert.deepEqual(r.errors, []);
    const ids = new Set(results.map((r) => r.order?.id));
    assert.equal(ids.size, 1, `order ids: ${[...ids].join(', ')}`);
    const rows = inboxRows(db);
    assert.equal(rows.length, 1);
    assert.equal(String(rows[0]!.inbox_id), [...ids][0]);
    assert.equal(inboxLines(db).length, 2);
  });

  test('concurrent requests with one key and two payloads: one order; its payload gets its id, the other IDEMPOTENCY_KEY_REUSED', async () => {
    const a = payload('k-race');
    const b = { ...payload('k-race'), lines: [{ sku: 'A-PLAIN', quantity: '7' }] };
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => placeOk(i % 2 === 0 ? a : b)));
    const rows = inboxRows(db);
    assert.equal(rows.length, 1);
    const id = String(rows[0]!.inbox_id);
    const winnerIsA = inboxLines(db).length === 2;
    results.forEach((r, i) => {
      const isA = i % 2 === 0;
      if (isA === winnerIsA) {
        assert.deepEqual(r.errors, []);
        assert.equal(r.order?.id, id);
      } else {
        assert.equal(r.order, null);
        assert.deepEqual(
          r.errors.map((e) => e.code),
          ['IDEMPOTENCY_KEY_REUSED'],
        );
      }
    });
  });

  test('same key with another payload: IDEMPOTENCY_KEY_REUSED, no second row, and nothing of the first order revealed', async () => {
    const first = await placeOk(payload('k-reuse'));
    const other = { ...payload('k-reuse'), lines: [{ sku: 'A-PLAIN', quantity: '5' }] };
    const res = await place(server, other, { token: c1 });
    assert.equal(res.body.errors, undefined);
    const second = res.body.data.placeOrder;
    assert.equal(second.order, null);
    assert.deepEqual(
      second.errors.map((e: any) => [e.code, e.lineIndex]),
      [['IDEMPOTENCY_KEY_REUSED', null]],
    );
    const text = JSON.stringify(res.body);
    for (const secret of [first.order.id, 'A-DISC', 'PO-1', first.order.totalNet]) {
      assert.ok(!text.includes(`"${secret}"`) && !second.errors[0].message.includes(secret), `response reveals ${secret}: ${text}`);
    }
    assert.equal(inboxRows(db).length, 1);
    assert.equal(inboxLines(db).length, 2);
  });

  test('same key with only another header field (notes) is another payload: IDEMPOTENCY_KEY_REUSED', async () => {
    await placeOk(payload('k-notes'));
    const second = await placeOk({ ...payload('k-notes'), notes: 'urgente' });
    assert.deepEqual(
      second.errors.map((e) => e.code),
      ['IDEMPOTENCY_KEY_REUSED'],
    );
    assert.equal(second.order, null);
    assert.equal(inboxRows(db).length, 1);
  });

  test("same key from another customer: that customer's own order, the first one untouched", async () => {
    const first = await placeOk(payload('k-cross'));
    assert.deepEqual(first.errors, []);
    const second = await placeOk(payload('k-cross'), c2);
    assert.deepEqual(second.errors, []);
    assert.ok(second.order?.id);
    assert.notEqual(second.order.id, first.order.id);
    assert.equal(second.order.customerCode, 'C2');
    assert.deepEqual(inboxRows(db).map((r) => [r.customer_code, r.idempotency_key]), [['C1', 'k-cross'], ['C2', 'k-cross']]);
    const again = await placeOk(payload('k-cross'));
    assert.equal(again.order.id, first.order.id);
  });

  test('concurrent requests of two customers with one key: one order each', async () => {
    const results = await Promise.all([c1, c2, c1, c2].map((token) => placeOk(payload('k-cross-concurrent'), token)));
    for (const r of results) assert.deepEqual(r.errors, []);
    assert.equal(results[0]!.order.id, results[2]!.order.id);
    assert.equal(results[1]!.order.id, results[3]!.order.id);
    assert.notEqual(results[0]!.order.id, results[1]!.order.id);
    assert.equal(inboxRows(db).length, 2);
  });

  test('a request refused by validation does not consume the key: fixed and retried with the same key, it succeeds', async () => {
    const bad = await placeOk({ ...payload('k-fix'), lines: [{ sku: 'A-PLAIN', quantity: '0' }] });
    assert.deepEqual(
      bad.errors.map((e) => e.code),
      ['INVALID_QUANTITY'],
    );
    assert.equal(inboxRows(db).length, 0);
    const good = await placeOk(payload('k-fix'));
    assert.deepEqual(good.errors, []);
    assert.ok(good.order?.id);
    const rows = inboxRows(db);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.idempotency_key, 'k-fix');
  });

  test('a retry after the fix returns the order again (the refused attempt left no trace)', async () => {
    await placeOk({ ...payload('k-fix2'), lines: [{ sku: 'A-GHOST', quantity: '1' }] });
    const a = await placeOk(payload('k-fix2'));
    const b = await placeOk(payload('k-fix2'));
    assert.equal(b.order.id, a.order.id);
    assert.equal(inboxRows(db).length, 1);
  });

  test('the same payload in another decimal notation ("2" vs "2.000") is the same payload', async () => {
    const a = await placeOk({ idempotencyKey: 'k-notation', lines: [{ sku: 'A-PLAIN', quantity: '2', expectedUnitPrice: '9.99' }] });
    const b = await placeOk({ idempotencyKey: 'k-notation', lines: [{ sku: 'A-PLAIN', quantity: '2.000', expectedUnitPrice: '9.9900' }] });
    assert.deepEqual(b.errors, []);
    assert.equal(b.order?.id, a.order.id);
    assert.equal(inboxRows(db).length, 1);
  });

  test('a shipTo with province omitted and with province null is the same payload', async () => {
    const address = { name: 'Cantiere', street: 'Via Verdi 3', postcode: '40100', city: 'Bologna', country: 'IT' };
    const a = await placeOk({ idempotencyKey: 'k-null', lines: [{ sku: 'A-PLAIN', quantity: '1' }], shipTo: address });
    assert.deepEqual(a.errors, []);
    const b = await placeOk({ idempotencyKey: 'k-null', lines: [{ sku: 'A-PLAIN', quantity: '1' }], shipTo: { ...address, province: null } });
    assert.deepEqual(b.errors, []);
    assert.equal(b.order?.id, a.order.id);
    assert.equal(inboxRows(db).length, 1);
  });

  test('idempotencyKey longer than 100 characters is refused (BAD_USER_INPUT) and nothing is written', async () => {
    const res = await place(server, payload('k'.repeat(101)), { token: c1 });
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(inboxRows(db).length, 0);
  });

  test('an empty idempotencyKey is refused (BAD_USER_INPUT) and nothing is written', async () => {
    const res = await place(server, payload(''), { token: c1 });
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(inboxRows(db).length, 0);
  });
});
