/**
 * Links instead of bare codes (issue 12): an order's customer, destination,
 * lines' products and documents, resolved through the same visibility and
 * ownership as everything else, and batched.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { LINKS_NOW, linksFixture } from './linksFixture';

const ORDER = `query($id: ID!) {
  order(id: $id) {
    id channel createdAt customerReference
    customer { code companyName }
    destination { id address { city } }
    lines { lineNo sku product { id sku } }
    documents { id type orderReference }
  }
}`;

let server: TestServer;
let c1: string;
let c2: string;

before(async () => {
  server = await startTestServer(linksFixture(), { now: LINKS_NOW });
  c1 = await server.token({ role: 'customer', customer: 'C1' });
  c2 = await server.token({ role: 'customer', customer: 'C2' });
});
after(async () => {
  await server.close();
});

async function order(id: string, token = c1) {
  const res = await server.gql(ORDER, { token, variables: { id } });
  assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
  return res.body.data.order;
}

describe('Order.customer and Order.destination', () => {
  test('the customer is the order\'s own, as a Customer', async () => {
    assert.deepEqual((await order('101')).customer, { code: 'C1', companyName: 'Cliente C1 S.r.l.' });
  });

  test('the destination is the customer\'s destination the order names', async () => {
    assert.deepEqual((await order('101')).destination, { id: 'D1', address: { city: 'Milano' } });
  });

  test('a destination the customer no longer has is null', async () => {
    assert.equal((await order('102')).destination, null);
  });

  test('an order shipped to an address written in the header has no destination', async () => {
    assert.equal((await order('103')).destination, null);
  });
});

describe('OrderLine.product', () => {
  test('a visible article is its Product, with id = sku', async () => {
    const [line] = (await order('101')).lines;
    assert.deepEqual(line, { lineNo: 1, sku: 'A-1', product: { id: 'A-1', sku: 'A-1' } });
  });

  test('an article a DENY rule now hides from the customer is null, the sku still shown', async () => {
    const line = (await order('101')).lines[1];
    assert.deepEqual(line, { lineNo: 2, sku: 'A-DENIED', product: null });
  });

  test('the same article is a Product on another customer\'s order, for that customer', async () => {
    const [line] = (await order('201', c2)).lines;
    assert.deepEqual(line.product, { id: 'A-DENIED', sku: 'A-DENIED' });
  });

  test('an article the ERP no longer has is null', async () => {
    assert.equal((await order('101')).lines[2].product, null);
  });
});

describe('Order.channel', () => {
  test('a channel Ponte wrote is its enum value', async () => {
    assert.equal((await order('101')).channel, 'STOREFRONT');
  });

  test('a channel only the ERP knows (EDI) reads as OTHER, and the order is still answered', async () => {
    assert.equal((await order('102')).channel, 'OTHER');
  });
});

describe('Order.createdAt', () => {
  test('an ISO 8601 instant with the offset of the ERP zone (Rome, summer: +02:00)', async () => {
    assert.equal((await order('101')).createdAt, '2026-06-01T10:00:00+02:00');
  });
});

describe('Order.documents', () => {
  test('by its inbox id and by its customer reference, oldest first', async () => {
    assert.deepEqual(
      (await order('101')).documents,
      [
        { id: 'OC-101', type: 'ORDER_CONFIRMATION', orderReference: '101' },
        { id: 'DDT-1', type: 'DELIVERY_NOTE', orderReference: 'PO-1' },
        { id: 'FT-1', type: 'INVOICE', orderReference: 'PO-1' },
      ],
    );
  });

  test('only that order\'s: another order of the same customer has its own', async () => {
    assert.deepEqual((await order('102')).documents.map((d: any) => d.id), ['OC-102']);
    assert.deepEqual((await order('103')).documents, []);
  });

  test('never another customer\'s, even with the same customer reference', async () => {
    assert.deepEqual((await order('201', c2)).documents.map((d: any) => d.id), ['FT-C2']);
  });

  test('a page of orders reads every order\'s documents in one ERP round trip', async () => {
    const page = (fields: string) => `{ orders(first: 10) { edges { node { id ${fields} } } } }`;
    // Twice each: the first warms the cached facts (settings), so the second counts only what the fields cost.
    await server.gql(page(''), { token: c1 });
    const without = await server.gql(page(''), { token: c1 });
    await server.gql(page('documents { id }'), { token: c1 });
    const withDocuments = await server.gql(page('documents { id }'), { token: c1 });
    assert.equal(withDocuments.body.errors, undefined, JSON.stringify(withDocuments.body.errors));
    const ids = withDocuments.body.data.orders.edges.map((e: any) => [e.node.id, e.node.documents.map((d: any) => d.id)]);
    assert.deepEqual(ids, [['103', []], ['102', ['OC-102']], ['101', ['OC-101', 'DDT-1', 'FT-1']]]);
    assert.equal(withDocuments.erpCalls - without.erpCalls, 1, `${without.erpCalls} calls without documents, ${withDocuments.erpCalls} with`);
  });

  test('a page of orders reads every line\'s product in at most one ERP round trip, none when the articles are held', async () => {
    const page = (fields: string) => `{ orders(first: 10) { edges { node { id lines { sku ${fields} } } } } }`;
    await server.gql(page(''), { token: c1 });
    const without = await server.gql(page(''), { token: c1 });
    const cold = await server.gql(page('product { sku }'), { token: c1 });
    const warm = await server.gql(page('product { sku }'), { token: c1 });
    assert.equal(cold.body.errors, undefined, JSON.stringify(cold.body.errors));
    assert.ok(cold.erpCalls - without.erpCalls <= 1, `${without.erpCalls} calls without products, ${cold.erpCalls} with`);
    assert.equal(warm.erpCalls, without.erpCalls);
  });
});
