/**
 * graphql-api.md "Who is calling" applied to placeOrder: an agent orders for
 * a customer it follows (X-Acting-Customer), never for another; a service
 * token acts for any customer; anonymous callers cannot order.
 */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type Database from 'better-sqlite3';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { NOW, type PlaceInput, assertNothingWritten, clearInbox, inboxRows, ordersFixture, place } from './ordersHarness';

let db: Database.Database;
let server: TestServer;
let agent1: string;
let service: string;
let seq = 0;

before(async () => {
  db = ordersFixture();
  server = await startTestServer(db, { now: NOW });
  agent1 = await server.token({ role: 'agent', agent: 'AG1' });
  service = await server.token({ role: 'service' });
});
after(async () => {
  await server.close();
});
beforeEach(() => clearInbox(db));

const payload = (): PlaceInput => ({ idempotencyKey: `ag-${++seq}`, lines: [{ sku: 'A-PLAIN', quantity: '2' }] });

describe('agents and services placing orders', () => {
  test('an agent acting for a customer it follows places the order: channel SALES_APP, agent_code set, customer_code the acted-for customer', async () => {
    const res = await place(server, payload(), { token: agent1, acting: 'C1' });
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    const { order, errors } = res.body.data.placeOrder;
    assert.deepEqual(errors, []);
    const rows = inboxRows(db);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.channel, 'SALES_APP');
    assert.equal(rows[0]!.agent_code, 'AG1');
    assert.equal(rows[0]!.customer_code, 'C1');
    assert.equal(order.channel, 'SALES_APP');
    assert.equal(order.agentCode, 'AG1');
    assert.equal(order.customerCode, 'C1');
  });

  test("an agent's order is priced for the acted-for customer (C1's 10+5 discount applies)", async () => {
    const res = await place(server, { idempotencyKey: `ag-${++seq}`, lines: [{ sku: 'A-DISC', quantity: '3' }] }, { token: agent1, acting: 'C1' });
    const { order } = res.body.data.placeOrder;
    assert.equal(order.lines[0].unitPrice, '8.5415');
    assert.equal(order.lines[0].lineTotal, '25.62');
  });

  test('an agent acting for a customer it does not follow gets FORBIDDEN and nothing is written', async () => {
    const res = await place(server, payload(), { token: agent1, acting: 'C2' });
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.equal(res.body.data?.placeOrder ?? null, null);
    assertNothingWritten(db, assert.equal);
  });

  test('an agent acting for a customer that does not exist gets the same FORBIDDEN', async () => {
    const foreign = await place(server, payload(), { token: agent1, acting: 'C2' });
    const missing = await place(server, payload(), { token: agent1, acting: 'C404' });
    assert.equal(missing.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.equal(missing.body.errors?.[0]?.message, foreign.body.errors?.[0]?.message);
    assertNothingWritten(db, assert.equal);
  });

  test('an agent with no acting customer gets ACTING_CUSTOMER_REQUIRED and nothing is written', async () => {
    const res = await place(server, payload(), { token: agent1 });
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'ACTING_CUSTOMER_REQUIRED');
    assertNothingWritten(db, assert.equal);
  });

  test('an agent acting for a blocked customer it follows gets CUSTOMER_BLOCKED', async () => {
    const res = await place(server, payload(), { token: agent1, acting: 'CB' });
    assert.deepEqual(
      res.body.data.placeOrder.errors.map((e: any) => e.code),
      ['CUSTOMER_BLOCKED'],
    );
    assertNothingWritten(db, assert.equal);
  });

  test('anonymous gets UNAUTHENTICATED and nothing is written', async () => {
    const res = await place(server, payload());
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    assert.equal(res.body.data?.placeOrder ?? null, null);
    assertNothingWritten(db, assert.equal);
  });

  test('anonymous with an X-Acting-Customer header gets UNAUTHENTICATED', async () => {
    const res = await place(server, payload(), { acting: 'C1' });
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    assertNothingWritten(db, assert.equal);
  });

  test('a customer token acting for another customer gets FORBIDDEN', async () => {
    const c1 = await server.token({ role: 'customer', customer: 'C1' });
    const res = await place(server, payload(), { token: c1, acting: 'C2' });
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assertNothingWritten(db, assert.equal);
  });

  test('a service token acting for a customer places the order: channel STOREFRONT, no agent_code', async () => {
    const res = await place(server, payload(), { token: service, acting: 'C2' });
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    assert.deepEqual(res.body.data.placeOrder.errors, []);
    const rows = inboxRows(db);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.channel, 'STOREFRONT');
    assert.equal(rows[0]!.agent_code, null);
    assert.equal(rows[0]!.customer_code, 'C2');
  });

  test('a service token with a customer claim places the order for that customer', async () => {
    const token = await server.token({ role: 'service', customer: 'C1' });
    const res = await place(server, payload(), { token });
    assert.deepEqual(res.body.data.placeOrder.errors, []);
    const rows = inboxRows(db);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.customer_code, 'C1');
    assert.equal(rows[0]!.channel, 'STOREFRONT');
  });

  test('a service token acting for nobody gets ACTING_CUSTOMER_REQUIRED and nothing is written', async () => {
    const res = await place(server, payload(), { token: service });
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'ACTING_CUSTOMER_REQUIRED');
    assertNothingWritten(db, assert.equal);
  });
});
