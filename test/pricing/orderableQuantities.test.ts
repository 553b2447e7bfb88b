/**
 * Quantities the article can be ordered in (issue 12): price defaults to the
 * smallest orderable quantity, priceBreaks start there, and the helpers a
 * storefront uses to build a cart agree with what quote and placeOrder accept.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { article, createFixtureDb, customer, insertRows } from '../helpers/fixtureErp';
import { startTestServer, type TestServer } from '../helpers/testServer';

let server: TestServer;
let c1: string;

/** P10: pack 10, minimum 25; list 2.0000 from 0, 1.9000 from 15, 1.8000 from 50. KG: pack 0.5, 4.0000. ONE: pack 1, no minimum. */
before(async () => {
  const db = createFixtureDb();
  insertRows(db, 'ecom_customers', [customer('C1')]);
  insertRows(db, 'ecom_articles', [
    article('P10', { pack_qty: '10.000', min_order_qty: '25.000' }),
    article('KG', { unit: 'KG', pack_qty: '0.500' }),
    article('ONE'),
  ]);
  const item = (sku: string, minQty: string, price: string) => ({ price_list_code: 'BASE', sku, min_qty: minQty, price, valid_from: null, valid_to: null });
  insertRows(db, 'ecom_price_list_items', [item('P10', '0', '2.0000'), item('P10', '15', '1.9000'), item('P10', '50', '1.8000'), item('KG', '0', '4.0000'), item('ONE', '0', '3.0000'), item('ONE', '10', '2.5000')]);
  server = await startTestServer(db, { now: () => new Date('2026-06-15T10:00:00Z') });
  c1 = await server.token({ role: 'customer', customer: 'C1' });
});
after(async () => {
  await server.close();
});

async function product(sku: string, fields: string) {
  const res = await server.gql(`{ product(sku: "${sku}") { ${fields} } }`);
  assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
  return res.body.data.product;
}

describe('the default quantity of price', () => {
  test('for a pack-of-10 article with minimum 25 it is 30, not 1', async () => {
    const p = await product('P10', 'price { quantity unitPrice lineTotal }');
    assert.deepEqual(p.price, { quantity: '30', unitPrice: '1.9000', lineTotal: '57.00' });
  });

  test('for an article sold by the half kilo it is 0.5', async () => {
    assert.equal((await product('KG', 'price { quantity }')).price.quantity, '0.5');
  });

  test('for an article without pack or minimum it stays 1', async () => {
    assert.equal((await product('ONE', 'price { quantity }')).price.quantity, '1');
  });

  test('an explicit null is the default too; a quantity given is priced as given', async () => {
    const p = await product('P10', 'a: price(quantity: null) { quantity } b: price(quantity: 7) { quantity unitPrice }');
    assert.deepEqual([p.a.quantity, p.b.quantity, p.b.unitPrice], ['30', '7', '2.0000']);
  });

  test('a quantity with more than 3 decimals is BAD_USER_INPUT, as the ERP cannot store it', async () => {
    const res = await server.gql('{ product(sku: "P10") { price(quantity: "30.0001") { quantity } } }');
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  });
});

describe('priceBreaks', () => {
  test('the first row is the smallest orderable quantity (30), not 0; a break between packs shows at the next orderable quantity', async () => {
    const p = await product('P10', 'priceBreaks { minQuantity unitPrice }');
    assert.deepEqual(p.priceBreaks, [
      { minQuantity: '30', unitPrice: '1.9000' },
      { minQuantity: '50', unitPrice: '1.8000' },
    ]);
  });

  test('an article without pack or minimum starts at 1', async () => {
    const p = await product('ONE', 'priceBreaks { minQuantity unitPrice }');
    assert.deepEqual(p.priceBreaks, [
      { minQuantity: '1', unitPrice: '3.0000' },
      { minQuantity: '10', unitPrice: '2.5000' },
    ]);
  });
});

describe('quantityStep, minimumQuantity, orderableQuantity', () => {
  test('pack 10 / minimum 25: step 10, minimum 30; 31 → 40, 1 → 30, 50 → 50', async () => {
    const p = await product('P10', 'id quantityStep minimumQuantity a: orderableQuantity(quantity: 31) b: orderableQuantity(quantity: "1") c: orderableQuantity(quantity: 50)');
    assert.deepEqual(p, { id: 'P10', quantityStep: '10', minimumQuantity: '30', a: '40', b: '30', c: '50' });
  });

  test('pack 0.5: step 0.5, minimum 0.5; 0.6 → 1', async () => {
    const p = await product('KG', 'quantityStep minimumQuantity orderableQuantity(quantity: 0.6)');
    assert.deepEqual(p, { quantityStep: '0.5', minimumQuantity: '0.5', orderableQuantity: '1' });
  });

  test('a quantity with no orderable one within decimal(18,3) above it is BAD_USER_INPUT', async () => {
    const res = await server.gql('{ product(sku: "P10") { orderableQuantity(quantity: "999999999999999.5") } }');
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  });

  test('the quantities the helpers propose are the ones quote accepts, and the one below is refused', async () => {
    const p = await product('P10', 'minimumQuantity next: orderableQuantity(quantity: 41)');
    const quote = async (quantity: string) => {
      const res = await server.gql('query($l: [QuoteLineInput!]!) { quote(lines: $l) { problems { code } } }', {
        token: c1,
        variables: { l: [{ sku: 'P10', quantity }] },
      });
      return res.body.data.quote.problems.map((x: any) => x.code);
    };
    assert.deepEqual(await quote(p.minimumQuantity), []);
    assert.deepEqual(await quote(p.next), []);
    assert.deepEqual(await quote('20'), ['BELOW_MINIMUM']);
    assert.deepEqual(await quote('41'), ['NOT_MULTIPLE_OF_PACK']);
  });
});
