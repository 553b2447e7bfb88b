/**
 * Hardening, probe row 17: a requested delivery date before today, in the
 * ERP's time zone (ecom_settings.time_zone, default Europe/Rome), is the
 * order error INVALID_DELIVERY_DATE, and nothing is written.
 */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type Database from 'better-sqlite3';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { assertNothingWritten, clearInbox, inboxRows, ordersFixture, place } from '../orders/ordersHarness';

let db: Database.Database;
let server: TestServer;
let c1: string;
let now = new Date('2026-06-15T10:00:00Z');

before(async () => {
  db = ordersFixture();
  server = await startTestServer(db, { now: () => now });
  c1 = await server.token({ role: 'customer', customer: 'C1' });
});
beforeEach(() => {
  now = new Date('2026-06-15T10:00:00Z');
  clearInbox(db);
});
after(async () => {
  await server.close();
});

const order = (key: string, requestedDelivery: string) =>
  place(server, { idempotencyKey: key, destinationId: 'D1', lines: [{ sku: 'A-PLAIN', quantity: '1' }], requestedDelivery }, { token: c1 });

describe('requestedDelivery', () => {
  test('a date long past is INVALID_DELIVERY_DATE and nothing is written', async () => {
    const res = await order('past-1', '2000-01-01');
    const { order: written, errors } = res.body.data.placeOrder;
    assert.equal(written, null);
    assert.deepEqual(errors.map((e: { code: string; lineIndex: number | null }) => [e.code, e.lineIndex]), [['INVALID_DELIVERY_DATE', null]]);
    assertNothingWritten(db, assert.equal);
  });

  test('yesterday is INVALID_DELIVERY_DATE', async () => {
    const res = await order('past-2', '2026-06-14');
    assert.deepEqual(res.body.data.placeOrder.errors.map((e: { code: string }) => e.code), ['INVALID_DELIVERY_DATE']);
  });

  test('today is accepted', async () => {
    const res = await order('today-1', '2026-06-15');
    assert.deepEqual(res.body.data.placeOrder.errors, []);
    assert.equal(res.body.data.placeOrder.order.requestedDelivery, '2026-06-15');
    assert.equal(inboxRows(db).length, 1);
  });

  test("today is the ERP's date: at 22:30 UTC it is already tomorrow in Rome, so the UTC date is past", async () => {
    now = new Date('2026-06-15T22:30:00Z');
    const res = await order('zone-1', '2026-06-15');
    assert.deepEqual(res.body.data.placeOrder.errors.map((e: { code: string }) => e.code), ['INVALID_DELIVERY_DATE']);
    assertNothingWritten(db, assert.equal);
  });

  test('a retry the next day of an order placed for today returns that order', async () => {
    const first = await order('next-day-1', '2026-06-15');
    now = new Date('2026-06-16T10:00:00Z');
    const retry = await order('next-day-1', '2026-06-15');
    assert.deepEqual(retry.body.data.placeOrder.errors, []);
    assert.equal(retry.body.data.placeOrder.order.id, first.body.data.placeOrder.order.id);
  });

  test('a past date does not consume the key: the corrected request is placed', async () => {
    await order('retry-1', '2000-01-01');
    const res = await order('retry-1', '2026-07-01');
    assert.deepEqual(res.body.data.placeOrder.errors, []);
    assert.equal(inboxRows(db).length, 1);
  });
});
