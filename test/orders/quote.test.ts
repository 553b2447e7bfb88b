/**
 * graphql-api.md "Quote" and erp-contract.md pricing rule 8: a quote prices
 * the cart's lines, groups VAT by rate (rounded once per rate, as in an
 * Italian e-invoice), and lists exactly the problems placeOrder would report.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type Database from 'better-sqlite3';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { NOW, QUOTE, type OrderLineIn, inboxRows, normalised, num, ordersFixture, place } from './ordersHarness';

let db: Database.Database;
let server: TestServer;
let c1: string;
let cb: string;

before(async () => {
  db = ordersFixture();
  server = await startTestServer(db, { now: NOW });
  c1 = await server.token({ role: 'customer', customer: 'C1' });
  cb = await server.token({ role: 'customer', customer: 'CB' });
});
after(async () => {
  await server.close();
});

/** token null: anonymous. */
async function quote(lines: OrderLineIn[], token: string | null) {
  const res = await server.gql(QUOTE, { ...(token !== null ? { token } : {}), variables: { lines } });
  return res;
}

async function quoteOk(lines: OrderLineIn[], token = c1) {
  const res = await quote(lines, token);
  assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
  return res.body.data.quote;
}

const byRate = (summary: Array<{ rate: string; taxable: string; vat: string }>) =>
  summary.map((v) => [num(v.rate), v.taxable, v.vat]).sort((a, b) => Number(b[0]) - Number(a[0]));

describe('quote pricing and VAT', () => {
  test('prices each line for the customer (10+5 cascade: 9.99 → 8.5415, 3 → 25.62)', async () => {
    const q = await quoteOk([{ sku: 'A-DISC', quantity: '3' }]);
    const [line] = q.lines;
    assert.equal(line.lineIndex, 0);
    assert.equal(line.sku, 'A-DISC');
    assert.equal(num(line.quantity), '3');
    assert.equal(line.product.sku, 'A-DISC');
    assert.equal(num(line.price.listPrice), '9.99');
    assert.deepEqual(line.price.discounts.map(num), ['10', '5']);
    assert.equal(line.price.unitPrice, '8.5415');
    assert.equal(line.price.lineTotal, '25.62');
    assert.equal(line.lineTotal, '25.62');
    assert.equal(num(line.vatRate), '22');
    assert.equal(q.currency, 'EUR');
    assert.deepEqual(q.problems, []);
  });

  test('groups VAT by rate: taxable = Σ line totals, vat = taxable × rate / 100 rounded once per rate, totals add up', async () => {
    // 22%: 1.02 + 1.02 = 2.04 → 0.4488 → 0.45 (per line it would be 0.22 + 0.22 = 0.44).
    // 10%: 3.33 → 0.333 → 0.33.
    const q = await quoteOk([
      { sku: 'Q-A', quantity: '1' },
      { sku: 'Q-B', quantity: '1' },
      { sku: 'Q-C', quantity: '1' },
    ]);
    assert.deepEqual(
      q.lines.map((l: any) => l.lineTotal),
      ['1.02', '1.02', '3.33'],
    );
    assert.deepEqual(byRate(q.vatSummary), [
      ['22', '2.04', '0.45'],
      ['10', '3.33', '0.33'],
    ]);
    assert.equal(q.totalNet, '5.37');
    assert.equal(q.totalVat, '0.78');
    assert.equal(q.totalGross, '6.15');
    assert.deepEqual(q.problems, []);
  });

  test('per-rate VAT is not the sum of per-line VAT (0.45, not 0.44, at 22%)', async () => {
    const q = await quoteOk([
      { sku: 'Q-A', quantity: '1' },
      { sku: 'Q-B', quantity: '1' },
    ]);
    const perLine = q.lines.map((l: any) => Math.round(Number(l.lineTotal) * 22)).reduce((a: number, b: number) => a + b, 0);
    assert.equal(perLine, 44); // cents, rounding each line
    assert.equal(q.totalVat, '0.45');
    assert.equal(q.totalGross, '2.49');
  });

  test('"22" and "22.00" are one rate: articles stored with different notations share a VAT line', async () => {
    const local = ordersFixture();
    local.prepare("UPDATE ecom_articles SET vat_rate = '22' WHERE sku = 'Q-B'").run();
    const s = await startTestServer(local, { now: NOW });
    try {
      const token = await s.token({ role: 'customer', customer: 'C1' });
      const res = await s.gql(QUOTE, { token, variables: { lines: [{ sku: 'Q-A', quantity: '1' }, { sku: 'Q-B', quantity: '1' }] } });
      assert.deepEqual(byRate(res.body.data.quote.vatSummary), [['22', '2.04', '0.45']]);
    } finally {
      await s.close();
    }
  });

  test('a fractional quantity "2.5" prices correctly: 4.1234 × 2.5 = 10.3085 → 10.31', async () => {
    const q = await quoteOk([{ sku: 'A-KG', quantity: '2.5' }]);
    const [line] = q.lines;
    assert.equal(line.quantity, '2.5');
    assert.equal(num(line.price.quantity), '2.5');
    assert.equal(line.price.unitPrice, '4.1234');
    assert.equal(line.price.lineTotal, '10.31');
    assert.equal(line.lineTotal, '10.31');
    assert.deepEqual(byRate(q.vatSummary), [['22', '10.31', '2.27']]);
    assert.equal(q.totalGross, '12.58');
    assert.deepEqual(q.problems, []);
  });

  test('a quote and the order placed from it agree on every line and total', async () => {
    const lines = [
      { sku: 'A-DISC', quantity: '3' },
      { sku: 'Q-A', quantity: '1' },
      { sku: 'Q-B', quantity: '1' },
      { sku: 'Q-C', quantity: '1' },
    ];
    const q = await quoteOk(lines);
    const res = await place(server, { idempotencyKey: 'quote-vs-order', lines }, { token: c1 });
    const order = res.body.data.placeOrder.order;
    assert.deepEqual(res.body.data.placeOrder.errors, []);
    assert.deepEqual(
      order.lines.map((l: any) => [l.sku, l.unitPrice, l.lineTotal]),
      q.lines.map((l: any) => [l.sku, l.price.unitPrice, l.lineTotal]),
    );
    assert.equal(order.totalNet, q.totalNet);
    assert.equal(order.totalVat, q.totalVat);
    assert.equal(order.totalGross, q.totalGross);
    assert.deepEqual(byRate(order.vatSummary), byRate(q.vatSummary));
  });

  test('a quote writes nothing', async () => {
    const before = inboxRows(db).length;
    await quoteOk([{ sku: 'A-PLAIN', quantity: '1' }]);
    assert.equal(inboxRows(db).length, before);
  });
});

describe('quote problems', () => {
  const badCart: OrderLineIn[] = [
    { sku: 'A-GHOST', quantity: '1' }, // 0 missing
    { sku: 'A-RESTR', quantity: '1' }, // 1 invisible
    { sku: 'A-NOPRICE', quantity: '1' }, // 2
    { sku: 'A-PLAIN', quantity: 'abc' }, // 3
    { sku: 'A-PACK', quantity: '8' }, // 4
    { sku: 'A-MIN', quantity: '5' }, // 5
    { sku: 'A-PLAIN', quantity: '1' }, // 6 fine
  ];

  test('problems carry the codes and line indexes placeOrder reports', async () => {
    const q = await quoteOk(badCart);
    assert.deepEqual(
      q.problems.map((p: any) => [p.code, p.lineIndex]),
      [
        ['UNKNOWN_PRODUCT', 0],
        ['UNKNOWN_PRODUCT', 1],
        ['NO_PRICE', 2],
        ['INVALID_QUANTITY', 3],
        ['NOT_MULTIPLE_OF_PACK', 4],
        ['BELOW_MINIMUM', 5],
      ],
    );
  });

  test('problems are exactly the errors placeOrder returns for the same cart (codes, messages, lineIndex)', async () => {
    const q = await quoteOk(badCart);
    const res = await place(server, { idempotencyKey: 'quote-bad-cart', lines: badCart }, { token: c1 });
    assert.deepEqual(q.problems, res.body.data.placeOrder.errors);
  });

  for (const [what, lines, code] of [
    ['INVALID_QUANTITY for 0', [{ sku: 'A-PLAIN', quantity: '0' }], 'INVALID_QUANTITY'],
    ['INVALID_QUANTITY for -1', [{ sku: 'A-PLAIN', quantity: '-1' }], 'INVALID_QUANTITY'],
    ['INVALID_QUANTITY for 1.2345', [{ sku: 'A-PLAIN', quantity: '1.2345' }], 'INVALID_QUANTITY'],
    ['NO_PRICE', [{ sku: 'A-NOPRICE', quantity: '1' }], 'NO_PRICE'],
    ['NOT_MULTIPLE_OF_PACK', [{ sku: 'A-PACK', quantity: '8' }], 'NOT_MULTIPLE_OF_PACK'],
    ['BELOW_MINIMUM', [{ sku: 'A-MIN', quantity: '5' }], 'BELOW_MINIMUM'],
    ['UNKNOWN_PRODUCT for an invisible article', [{ sku: 'A-RESTR', quantity: '1' }], 'UNKNOWN_PRODUCT'],
  ] as Array<[string, OrderLineIn[], string]>) {
    test(`${what}: the quote problem equals the placeOrder error`, async () => {
      const q = await quoteOk(lines);
      assert.deepEqual(
        q.problems.map((p: any) => [p.code, p.lineIndex]),
        [[code, 0]],
      );
      const res = await place(server, { idempotencyKey: `quote-${what}`, lines }, { token: c1 });
      assert.deepEqual(q.problems, res.body.data.placeOrder.errors);
    });
  }

  test('CUSTOMER_BLOCKED: a blocked customer gets prices and the problem, as placeOrder would refuse', async () => {
    const q = await quoteOk([{ sku: 'A-PLAIN', quantity: '1' }], cb);
    assert.deepEqual(
      q.problems.map((p: any) => [p.code, p.lineIndex]),
      [['CUSTOMER_BLOCKED', null]],
    );
    assert.equal(q.lines[0].price.unitPrice, '9.9900');
    const res = await place(server, { idempotencyKey: 'quote-blocked', lines: [{ sku: 'A-PLAIN', quantity: '1' }] }, { token: cb });
    assert.deepEqual(q.problems, res.body.data.placeOrder.errors);
  });

  test('EMPTY_ORDER: an empty cart is a problem', async () => {
    const q = await quoteOk([]);
    assert.deepEqual(
      q.problems.map((p: any) => [p.code, p.lineIndex]),
      [['EMPTY_ORDER', null]],
    );
    assert.equal(q.totalNet, '0.00');
  });

  test("an invisible article's quote line has product null and price null, exactly like a missing sku", async () => {
    const q = await quoteOk([
      { sku: 'A-GHOST', quantity: '1' },
      { sku: 'A-RESTR', quantity: '1' },
    ]);
    const [missing, invisible] = q.lines;
    assert.equal(invisible.product, null);
    assert.equal(invisible.price, null);
    assert.equal(invisible.lineTotal, null);
    const { sku: _a, lineIndex: _i, ...restMissing } = missing;
    const { sku: _b, lineIndex: _j, ...restInvisible } = invisible;
    assert.deepEqual(restInvisible, restMissing);
    assert.deepEqual(normalised([q.problems[1]], 'A-RESTR').map((p) => ({ ...p, lineIndex: 0 })), normalised([q.problems[0]], 'A-GHOST'));
    // The invisible article's price stays out of the totals.
    assert.equal(q.totalNet, '0.00');
    assert.deepEqual(q.vatSummary, []);
  });

  test('an article ALLOWed to another customer is invisible to C1 and visible to C2', async () => {
    const forC1 = await quoteOk([{ sku: 'A-ALLOWED', quantity: '1' }]);
    assert.equal(forC1.lines[0].product, null);
    assert.deepEqual(
      forC1.problems.map((p: any) => p.code),
      ['UNKNOWN_PRODUCT'],
    );
    const c2 = await server.token({ role: 'customer', customer: 'C2' });
    const forC2 = await quoteOk([{ sku: 'A-ALLOWED', quantity: '1' }], c2);
    assert.equal(forC2.lines[0].product.sku, 'A-ALLOWED');
    assert.equal(forC2.lines[0].price.unitPrice, '5.0000');
    assert.deepEqual(forC2.problems, []);
  });

  test('anonymous quote is UNAUTHENTICATED', async () => {
    const res = await quote([{ sku: 'A-PLAIN', quantity: '1' }], null);
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    assert.equal(res.body.data?.quote ?? null, null);
  });
});
