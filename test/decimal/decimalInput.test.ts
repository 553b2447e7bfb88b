/**
 * Hardening, probe row 1: client decimals are bounded by what the ERP can
 * hold (quantities decimal(18,3), prices decimal(19,4)) and checked as text
 * before decimal.js builds them, so "1e100000000" costs nothing.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type Database from 'better-sqlite3';
import { PRICE_BOUNDS, QUANTITY_BOUNDS, parseClientDecimal } from '../../src/decimal/clientDecimal';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { NOW, QUOTE, assertNothingWritten, ordersFixture, place } from '../orders/ordersHarness';

const PRICE_QUERY = `query P($q: Decimal) { product(sku: "A-PLAIN") { price(quantity: $q) { quantity unitPrice } } }`;

let db: Database.Database;
let server: TestServer;
let c1: string;

before(async () => {
  db = ordersFixture();
  server = await startTestServer(db, { now: NOW });
  c1 = await server.token({ role: 'customer', customer: 'C1' });
});
after(async () => {
  await server.close();
});

function timed<T>(work: () => T): { value: T; ms: number } {
  const start = process.hrtime.bigint();
  const value = work();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

describe('client decimal parsing', () => {
  test('a huge positive exponent is refused in constant time', () => {
    const { value, ms } = timed(() => parseClientDecimal('1e100000000', QUANTITY_BOUNDS));
    assert.equal(value, null);
    assert.ok(ms < 50, `took ${ms} ms`);
  });

  test('a huge negative exponent is refused in constant time', () => {
    const { value, ms } = timed(() => parseClientDecimal('1e-1000000', PRICE_BOUNDS));
    assert.equal(value, null);
    assert.ok(ms < 50, `took ${ms} ms`);
  });

  test('a megabyte of digits is refused without being read', () => {
    assert.equal(parseClientDecimal('1'.repeat(1_000_000), QUANTITY_BOUNDS), null);
  });

  test('a quantity holds at most 15 integer digits and 3 decimals', () => {
    assert.equal(parseClientDecimal('999999999999999.999', QUANTITY_BOUNDS)?.toString(), '999999999999999.999');
    assert.equal(parseClientDecimal('1000000000000000', QUANTITY_BOUNDS), null);
    assert.equal(parseClientDecimal('0.0001', QUANTITY_BOUNDS), null);
  });

  test('a price holds at most 15 integer digits and 4 decimals', () => {
    assert.equal(parseClientDecimal('8.5415', PRICE_BOUNDS)?.toString(), '8.5415');
    assert.equal(parseClientDecimal('8.54151', PRICE_BOUNDS), null);
    assert.equal(parseClientDecimal('1e15', PRICE_BOUNDS), null);
  });

  test('padding zeros and the printed-number exponent form do not count as digits', () => {
    assert.equal(parseClientDecimal('0001.5000000', QUANTITY_BOUNDS)?.toString(), '1.5');
    assert.equal(parseClientDecimal('1.5e3', QUANTITY_BOUNDS)?.toString(), '1500');
    assert.equal(parseClientDecimal('1e-3', QUANTITY_BOUNDS)?.toString(), '0.001');
    assert.equal(parseClientDecimal(' 12 ', QUANTITY_BOUNDS)?.toString(), '12');
    assert.equal(parseClientDecimal(12.5, QUANTITY_BOUNDS)?.toString(), '12.5');
  });

  test('what is not a number stays refused', () => {
    for (const text of ['', 'abc', '1e', '0x10', 'NaN', 'Infinity', '1,5', '--1', '1e+']) {
      assert.equal(parseClientDecimal(text, PRICE_BOUNDS), null, text);
    }
    assert.equal(parseClientDecimal(Number.POSITIVE_INFINITY, PRICE_BOUNDS), null);
  });
});

describe('price(quantity:) refuses quantities the ERP cannot hold', () => {
  test('an anonymous "1e100000000" is BAD_USER_INPUT, answered at once', async () => {
    const res = await server.gql(`{ product(sku: "A-PLAIN") { price(quantity: "1e100000000") { quantity } } }`);
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.ok(JSON.stringify(res.body).length < 2000);
  });

  test('"1e10000000" is BAD_USER_INPUT, not a 20 MB answer', async () => {
    const res = await server.gql(PRICE_QUERY, { variables: { q: '1e10000000' } });
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.ok(JSON.stringify(res.body).length < 2000);
  });

  test('"1e-1000000" is BAD_USER_INPUT', async () => {
    const res = await server.gql(PRICE_QUERY, { variables: { q: '1e-1000000' } });
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  });

  test('a quantity with a fourth decimal is BAD_USER_INPUT (decimal(18,3))', async () => {
    const res = await server.gql(PRICE_QUERY, { variables: { q: '1.0001' } });
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  });

  test('a 16-digit Int literal is BAD_USER_INPUT', async () => {
    const res = await server.gql(`{ product(sku: "A-PLAIN") { price(quantity: 1000000000000000) { quantity } } }`);
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  });

  test('"abc" is still BAD_USER_INPUT and the largest storable quantity is still priced', async () => {
    const bad = await server.gql(PRICE_QUERY, { variables: { q: 'abc' } });
    assert.equal(bad.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    const ok = await server.gql(PRICE_QUERY, { variables: { q: '999999999999999.999' } });
    assert.equal(ok.body.errors, undefined, JSON.stringify(ok.body.errors));
    assert.equal(ok.body.data.product.price.quantity, '999999999999999.999');
  });

  test('the message repeats at most a short prefix of the input', async () => {
    const res = await server.gql(PRICE_QUERY, { variables: { q: `x${'9'.repeat(100_000)}` } });
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.ok(res.body.errors![0]!.message.length < 200, res.body.errors![0]!.message.slice(0, 300));
  });
});

describe('order and quote lines', () => {
  test('a quote line quantity "1e10000000" is INVALID_QUANTITY on that line, with a short message', async () => {
    const res = await server.gql(QUOTE, { token: c1, variables: { lines: [{ sku: 'A-PLAIN', quantity: '1e10000000' }] } });
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    const problems = res.body.data.quote.problems;
    assert.deepEqual(problems.map((p: { code: string; lineIndex: number }) => [p.code, p.lineIndex]), [['INVALID_QUANTITY', 0]]);
    assert.ok(problems[0].message.length < 200);
  });

  test('a quote line quantity sent as the number 1e300 is INVALID_QUANTITY', async () => {
    const res = await server.gql(QUOTE, { token: c1, variables: { lines: [{ sku: 'A-PLAIN', quantity: 1e300 }] } });
    assert.equal(res.body.data.quote.problems[0].code, 'INVALID_QUANTITY');
  });

  test('a quote line quantity of 100,000 characters is echoed as a 40-character prefix', async () => {
    const quantity = `1${'0'.repeat(100_000)}`;
    const res = await server.gql(QUOTE, { token: c1, variables: { lines: [{ sku: 'A-PLAIN', quantity }] } });
    const [problem] = res.body.data.quote.problems;
    assert.equal(problem.code, 'INVALID_QUANTITY');
    assert.ok(problem.message.includes(`${quantity.slice(0, 40)}…`));
    assert.ok(problem.message.length < 200);
  });

  test('an order line quantity "1e-1000000" is INVALID_QUANTITY and nothing is written', async () => {
    const res = await place(server, { idempotencyKey: 'dec-1', lines: [{ sku: 'A-PLAIN', quantity: '1e-1000000' }] }, { token: c1 });
    assert.deepEqual(res.body.data.placeOrder.errors.map((e: { code: string }) => e.code), ['INVALID_QUANTITY']);
    assertNothingWritten(db, assert.equal);
  });

  test('an expectedUnitPrice "1e10000000" is BAD_USER_INPUT and nothing is written', async () => {
    const res = await place(
      server,
      { idempotencyKey: 'dec-2', lines: [{ sku: 'A-PLAIN', quantity: '1', expectedUnitPrice: '1e10000000' }] },
      { token: c1 },
    );
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.ok(JSON.stringify(res.body).length < 2000);
    assertNothingWritten(db, assert.equal);
  });

  test('an expectedUnitPrice with a fifth decimal is BAD_USER_INPUT (decimal(19,4)), padding zeros are fine', async () => {
    const bad = await place(
      server,
      { idempotencyKey: 'dec-3', lines: [{ sku: 'A-PLAIN', quantity: '1', expectedUnitPrice: '9.99001' }] },
      { token: c1 },
    );
    assert.equal(bad.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    const changed = await place(
      server,
      { idempotencyKey: 'dec-4', lines: [{ sku: 'A-PLAIN', quantity: '1', expectedUnitPrice: '9.98000000' }] },
      { token: c1 },
    );
    assert.deepEqual(changed.body.data.placeOrder.errors.map((e: { code: string }) => e.code), ['PRICE_CHANGED']);
    assertNothingWritten(db, assert.equal);
  });
});
