/**
 * graphql-api.md: order(id) and orders(first, after) for the acting customer:
 * what was written, newest first, never another customer's, and the status
 * the ERP sets afterwards (IMPORTED with its number, REJECTED with a reason).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type Database from 'better-sqlite3';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { NOW, ORDER_FIELDS, inboxLines, inboxRows, num, ordersFixture, place } from './ordersHarness';

const ORDER = `query One($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`;
const ORDERS = `query Many($first: Int, $after: String) {
  orders(first: $first, after: $after) { edges { cursor node { id status customerCode totalNet } } pageInfo { hasNextPage endCursor } }
}`;

let db: Database.Database;
let server: TestServer;
let c1: string;
let c2: string;
/** C1's three orders, in the order placed, and C2's one. */
const c1Ids: string[] = [];
let c2Id = '';

before(async () => {
  db = ordersFixture();
  server = await startTestServer(db, { now: NOW });
  c1 = await server.token({ role: 'customer', customer: 'C1' });
  c2 = await server.token({ role: 'customer', customer: 'C2' });
  const c1Orders = [
    [
      { sku: 'A-DISC', quantity: '3' },
      { sku: 'A-VAT10', quantity: '1' },
    ],
    [{ sku: 'A-PLAIN', quantity: '1' }],
    [{ sku: 'A-PACK', quantity: '6' }],
  ];
  for (const [i, lines] of c1Orders.entries()) {
    const res = await place(server, { idempotencyKey: `read-c1-${i}`, lines, customerReference: `REF-${i}` }, { token: c1 });
    assert.deepEqual(res.body.data.placeOrder.errors, []);
    c1Ids.push(res.body.data.placeOrder.order.id);
    if (i === 0) {
      const other = await place(server, { idempotencyKey: 'read-c2-0', lines: [{ sku: 'A-PLAIN', quantity: '4' }] }, { token: c2 });
      assert.deepEqual(other.body.data.placeOrder.errors, []);
      c2Id = other.body.data.placeOrder.order.id;
    }
  }
});
after(async () => {
  await server.close();
});

async function readOrder(id: string, token = c1) {
  const res = await server.gql(ORDER, { token, variables: { id } });
  assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
  return res.body.data.order;
}

describe('order(id)', () => {
  test('returns status, lines and totals as written for its customer', async () => {
    const id = c1Ids[0]!;
    const order = await readOrder(id);
    const row = inboxRows(db).find((r) => String(r.inbox_id) === id)!;
    const lines = inboxLines(db, id);
    assert.equal(order.id, id);
    assert.equal(order.status, 'NEW');
    assert.equal(order.customerCode, 'C1');
    assert.equal(order.customerReference, 'REF-0');
    assert.equal(order.currency, row.currency);
    assert.equal(order.totalNet, row.total_net);
    assert.equal(order.totalNet, '28.95'); // 25.62 + 3.33
    assert.equal(order.totalVat, '5.97'); // 22% of 25.62 = 5.6364 → 5.64; 10% of 3.33 → 0.33
    assert.equal(order.totalGross, '34.92');
    assert.equal(order.erpOrderNumber, null);
    assert.equal(order.erpMessage, null);
    assert.equal(new Date(order.createdAt).toISOString(), NOW().toISOString());
    assert.deepEqual(
      order.lines.map((l: any) => [l.lineNo, l.sku, num(l.quantity), num(l.listPrice), l.unitPrice, l.discounts.map(num), l.lineTotal, num(l.vatRate)]),
      lines.map((l) => [
        l.line_no,
        l.sku,
        num(l.quantity),
        num(l.list_price),
        l.unit_price,
        [l.discount_1, l.discount_2, l.discount_3].filter((d) => d !== null && Number(d) !== 0).map(num),
        l.line_total,
        num(l.vat_rate),
      ]),
    );
    assert.equal(order.lines[0].unitPrice, '8.5415');
  });

  test('order(id) matches what placeOrder answered', async () => {
    const res = await place(server, { idempotencyKey: 'read-c1-0', lines: [{ sku: 'A-DISC', quantity: '3' }, { sku: 'A-VAT10', quantity: '1' }], customerReference: 'REF-0' }, { token: c1 });
    const replayed = res.body.data.placeOrder.order;
    assert.deepEqual(await readOrder(c1Ids[0]!), replayed);
  });

  test("another customer's order id answers null", async () => {
    assert.equal(await readOrder(c2Id, c1), null);
    assert.equal(await readOrder(c1Ids[0]!, c2), null);
  });

  test('a non-existent id and a non-numeric id answer null', async () => {
    assert.equal(await readOrder('999999'), null);
    assert.equal(await readOrder('abc'), null);
    assert.equal(await readOrder('1; DROP TABLE ecom_order_inbox'), null);
    assert.equal(await readOrder(''), null);
  });

  test('anonymous order(id) is UNAUTHENTICATED', async () => {
    const res = await server.gql(ORDER, { variables: { id: c1Ids[0] } });
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
  });

  test('an agent acting for the customer reads its order; an agent acting for nobody is ACTING_CUSTOMER_REQUIRED', async () => {
    const agent = await server.token({ role: 'agent', agent: 'AG1' });
    const ok = await server.gql(ORDER, { token: agent, acting: 'C1', variables: { id: c1Ids[0] } });
    assert.equal(ok.body.data.order.id, c1Ids[0]);
    const none = await server.gql(ORDER, { token: agent, variables: { id: c1Ids[0] } });
    assert.equal(none.body.errors?.[0]?.extensions?.code, 'ACTING_CUSTOMER_REQUIRED');
  });
});

describe('orders', () => {
  test('lists only the acting customer\'s orders, newest first', async () => {
    const res = await server.gql(ORDERS, { token: c1, variables: { first: 10 } });
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    const ids = res.body.data.orders.edges.map((e: any) => e.node.id);
    assert.deepEqual(ids, [...c1Ids].reverse());
    assert.ok(!ids.includes(c2Id));
    assert.equal(res.body.data.orders.pageInfo.hasNextPage, false);
    for (const e of res.body.data.orders.edges) assert.equal(e.node.customerCode, 'C1');
  });

  test('paginates with first/after without gaps or repeats', async () => {
    const page1 = await server.gql(ORDERS, { token: c1, variables: { first: 2 } });
    const p1 = page1.body.data.orders;
    assert.deepEqual(
      p1.edges.map((e: any) => e.node.id),
      [c1Ids[2], c1Ids[1]],
    );
    assert.equal(p1.pageInfo.hasNextPage, true);
    assert.equal(p1.pageInfo.endCursor, p1.edges[1].cursor);
    const page2 = await server.gql(ORDERS, { token: c1, variables: { first: 2, after: p1.pageInfo.endCursor } });
    const p2 = page2.body.data.orders;
    assert.deepEqual(
      p2.edges.map((e: any) => e.node.id),
      [c1Ids[0]],
    );
    assert.equal(p2.pageInfo.hasNextPage, false);
    const page3 = await server.gql(ORDERS, { token: c1, variables: { first: 2, after: p2.pageInfo.endCursor } });
    assert.deepEqual(page3.body.data.orders.edges, []);
    assert.equal(page3.body.data.orders.pageInfo.hasNextPage, false);
  });

  test('C2 sees only its own order', async () => {
    const res = await server.gql(ORDERS, { token: c2 });
    assert.deepEqual(
      res.body.data.orders.edges.map((e: any) => e.node.id),
      [c2Id],
    );
  });

  test('an invalid after cursor is BAD_USER_INPUT', async () => {
    const res = await server.gql(ORDERS, { token: c1, variables: { first: 2, after: 'not-a-cursor!' } });
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  });

  test('anonymous orders is UNAUTHENTICATED', async () => {
    const res = await server.gql(ORDERS);
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
  });
});

describe('status set by the ERP', () => {
  test('IMPORTED with erp_order_number: order(id) shows IMPORTED and erpOrderNumber', async () => {
    const id = c1Ids[1]!;
    db.prepare("UPDATE ecom_order_inbox SET status = 'IMPORTED', erp_order_number = 'OV-2026-00042' WHERE inbox_id = ?").run(Number(id));
    const order = await readOrder(id);
    assert.equal(order.status, 'IMPORTED');
    assert.equal(order.erpOrderNumber, 'OV-2026-00042');
    assert.equal(order.erpMessage, null);
    const list = await server.gql(ORDERS, { token: c1, variables: { first: 10 } });
    const node = list.body.data.orders.edges.find((e: any) => e.node.id === id).node;
    assert.equal(node.status, 'IMPORTED');
  });

  test('REJECTED with erp_message: order(id) shows REJECTED and erpMessage', async () => {
    const id = c1Ids[2]!;
    db.prepare("UPDATE ecom_order_inbox SET status = 'REJECTED', erp_message = 'Cliente con fido superato' WHERE inbox_id = ?").run(Number(id));
    const order = await readOrder(id);
    assert.equal(order.status, 'REJECTED');
    assert.equal(order.erpMessage, 'Cliente con fido superato');
    assert.equal(order.erpOrderNumber, null);
  });

  test('a replay of an imported order returns it with its new status', async () => {
    const res = await place(server, { idempotencyKey: 'read-c1-1', lines: [{ sku: 'A-PLAIN', quantity: '1' }], customerReference: 'REF-1' }, { token: c1 });
    assert.deepEqual(res.body.data.placeOrder.errors, []);
    assert.equal(res.body.data.placeOrder.order.id, c1Ids[1]);
    assert.equal(res.body.data.placeOrder.order.status, 'IMPORTED');
    assert.equal(inboxRows(db).length, 4);
  });
});
