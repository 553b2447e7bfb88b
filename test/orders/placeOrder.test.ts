/**
 * graphql-api.md "Orders": every OrderErrorCode placeOrder reports (nothing
 * is written when any is reported), and the rows a valid order writes into
 * ecom_order_inbox / ecom_order_inbox_lines, priced by the pricing rules.
 */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type Database from 'better-sqlite3';
import { startTestServer, type TestServer } from '../helpers/testServer';
import {
  NOW,
  type OrderErrorOut,
  type PlaceInput,
  assertNothingWritten,
  clearInbox,
  inboxLines,
  inboxRows,
  normalised,
  num,
  ordersFixture,
  place,
} from './ordersHarness';

let db: Database.Database;
let server: TestServer;
let c1: string;
let cb: string;
let keySeq = 0;
const key = () => `po-${++keySeq}`;

before(async () => {
  db = ordersFixture();
  server = await startTestServer(db, { now: NOW });
  c1 = await server.token({ role: 'customer', customer: 'C1' });
  cb = await server.token({ role: 'customer', customer: 'CB' });
});
after(async () => {
  await server.close();
});
beforeEach(() => clearInbox(db));

async function placeC1(input: Omit<PlaceInput, 'idempotencyKey'>, token = c1) {
  const res = await place(server, { idempotencyKey: key(), ...input }, { token });
  assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
  return res.body.data.placeOrder as { order: any; errors: OrderErrorOut[] };
}

/** Expects exactly the given (code, lineIndex) pairs, order: null, nothing written. */
function assertRefused(result: { order: any; errors: OrderErrorOut[] }, expected: Array<[string, number | null]>) {
  assert.deepEqual(
    result.errors.map((e) => [e.code, e.lineIndex]),
    expected,
  );
  for (const e of result.errors) assert.ok(e.message.length > 0, 'every error has a message');
  assert.equal(result.order, null);
  assertNothingWritten(db, assert.equal);
}

describe('placeOrder errors', () => {
  test('EMPTY_ORDER: an order without lines is refused and nothing is written', async () => {
    assertRefused(await placeC1({ lines: [] }), [['EMPTY_ORDER', null]]);
  });

  test('TOO_MANY_LINES: more than MAX_ORDER_LINES lines is refused, the limit itself is accepted', async () => {
    // Its own database: closing a test server closes the database it runs on.
    const smallDb = ordersFixture();
    const small = await startTestServer(smallDb, { now: NOW, env: { MAX_ORDER_LINES: '3' } });
    try {
      const token = await small.token({ role: 'customer', customer: 'C1' });
      const four = await place(small, { idempotencyKey: 'tml-4', lines: Array.from({ length: 4 }, () => ({ sku: 'A-PLAIN', quantity: '1' })) }, { token });
      assert.deepEqual(
        four.body.data.placeOrder.errors.map((e: OrderErrorOut) => [e.code, e.lineIndex]),
        [['TOO_MANY_LINES', null]],
      );
      assert.equal(four.body.data.placeOrder.order, null);
      assertNothingWritten(smallDb, assert.equal);
      const three = await place(small, { idempotencyKey: 'tml-3', lines: Array.from({ length: 3 }, () => ({ sku: 'A-PLAIN', quantity: '1' })) }, { token });
      assert.deepEqual(three.body.data.placeOrder.errors, []);
      assert.equal(inboxRows(smallDb).length, 1);
      assert.equal(inboxLines(smallDb).length, 3);
    } finally {
      await small.close();
    }
  });

  test('UNKNOWN_PRODUCT: a missing sku and an invisible (restricted, no ALLOW) sku get identical errors', async () => {
    const missing = await placeC1({ lines: [{ sku: 'A-GHOST', quantity: '1' }] });
    assertRefused(missing, [['UNKNOWN_PRODUCT', 0]]);
    const invisible = await placeC1({ lines: [{ sku: 'A-RESTR', quantity: '1' }] });
    assertRefused(invisible, [['UNKNOWN_PRODUCT', 0]]);
    assert.deepEqual(normalised(invisible.errors, 'A-RESTR'), normalised(missing.errors, 'A-GHOST'));
    assert.deepEqual(Object.keys(invisible), Object.keys(missing));
  });

  test('UNKNOWN_PRODUCT: a missing and an invisible sku cost the same ERP round trips (x-ponte-erp-calls)', async () => {
    const calls = async (sku: string) => (await place(server, { idempotencyKey: key(), lines: [{ sku, quantity: '1' }] }, { token: c1 })).erpCalls;
    // Warm both, then compare repeated requests.
    await calls('A-GHOST');
    await calls('A-RESTR');
    const missing = [await calls('A-GHOST'), await calls('A-GHOST')];
    const invisible = [await calls('A-RESTR'), await calls('A-RESTR')];
    assert.deepEqual(invisible, missing);
    assertNothingWritten(db, assert.equal);
  });

  test('UNKNOWN_PRODUCT: an article restricted to another customer is unknown to C1', async () => {
    assertRefused(await placeC1({ lines: [{ sku: 'A-ALLOWED', quantity: '1' }] }), [['UNKNOWN_PRODUCT', 0]]);
  });

  test('NO_PRICE: an article without any price cannot be ordered', async () => {
    assertRefused(await placeC1({ lines: [{ sku: 'A-NOPRICE', quantity: '1' }] }), [['NO_PRICE', 0]]);
  });

  for (const quantity of ['0', '-1', '1.2345', 'abc']) {
    test(`INVALID_QUANTITY: quantity ${JSON.stringify(quantity)} is refused`, async () => {
      assertRefused(await placeC1({ lines: [{ sku: 'A-PLAIN', quantity }] }), [['INVALID_QUANTITY', 0]]);
    });
  }

  test('INVALID_QUANTITY: Int literal 0 and -1 in the document are refused too', async () => {
    const res = await server.gql(
      `mutation { placeOrder(input: { idempotencyKey: "lit-q", lines: [{ sku: "A-PLAIN", quantity: 0 }, { sku: "A-PLAIN", quantity: -1 }] }) { order { id } errors { code message lineIndex } } }`,
      { token: c1 },
    );
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    assertRefused(res.body.data.placeOrder, [
      ['INVALID_QUANTITY', 0],
      ['INVALID_QUANTITY', 1],
    ]);
  });

  test('INVALID_QUANTITY: 3 decimals are accepted (1.125 of an article sold by 0.5 is a pack error, not a quantity error)', async () => {
    const result = await placeC1({ lines: [{ sku: 'A-KG', quantity: '1.125' }] });
    assertRefused(result, [['NOT_MULTIPLE_OF_PACK', 0]]);
  });

  test('NOT_MULTIPLE_OF_PACK: 8 of an article packed by 6 is refused', async () => {
    assertRefused(await placeC1({ lines: [{ sku: 'A-PACK', quantity: '8' }] }), [['NOT_MULTIPLE_OF_PACK', 0]]);
  });

  test('NOT_MULTIPLE_OF_PACK: 12 of an article packed by 6 is accepted', async () => {
    const result = await placeC1({ lines: [{ sku: 'A-PACK', quantity: '12' }] });
    assert.deepEqual(result.errors, []);
    assert.equal(inboxRows(db).length, 1);
  });

  test('BELOW_MINIMUM: 5 of an article with minimum 10 is refused', async () => {
    assertRefused(await placeC1({ lines: [{ sku: 'A-MIN', quantity: '5' }] }), [['BELOW_MINIMUM', 0]]);
  });

  test('PRICE_CHANGED: an expectedUnitPrice other than the current unit price is refused', async () => {
    const result = await placeC1({ lines: [{ sku: 'A-PLAIN', quantity: '1', expectedUnitPrice: '9.98' }] });
    assertRefused(result, [['PRICE_CHANGED', 0]]);
  });

  test('PRICE_CHANGED: the list price is not the unit price (9.99 expected, 8.5415 after discounts)', async () => {
    const result = await placeC1({ lines: [{ sku: 'A-DISC', quantity: '3', expectedUnitPrice: '9.9900' }] });
    assertRefused(result, [['PRICE_CHANGED', 0]]);
  });

  test('PRICE_CHANGED: an equal expectedUnitPrice passes whatever its notation ("9.99" and "9.9900" for 9.9900)', async () => {
    const result = await placeC1({
      lines: [
        { sku: 'A-PLAIN', quantity: '1', expectedUnitPrice: '9.99' },
        { sku: 'A-PLAIN', quantity: '2', expectedUnitPrice: '9.9900' },
        { sku: 'A-DISC', quantity: '3', expectedUnitPrice: '8.5415' },
      ],
    });
    assert.deepEqual(result.errors, []);
    assert.ok(result.order);
    assert.equal(inboxRows(db).length, 1);
    assert.equal(inboxLines(db).length, 3);
  });

  test('CUSTOMER_BLOCKED: a blocked customer may not order and nothing is written', async () => {
    const result = await placeC1({ lines: [{ sku: 'A-PLAIN', quantity: '1' }] }, cb);
    assertRefused(result, [['CUSTOMER_BLOCKED', null]]);
  });

  test("UNKNOWN_DESTINATION: another customer's destination answers exactly as a non-existent one", async () => {
    const foreign = await placeC1({ lines: [{ sku: 'A-PLAIN', quantity: '1' }], destinationId: 'D2' });
    assertRefused(foreign, [['UNKNOWN_DESTINATION', null]]);
    const missing = await placeC1({ lines: [{ sku: 'A-PLAIN', quantity: '1' }], destinationId: 'D9' });
    assertRefused(missing, [['UNKNOWN_DESTINATION', null]]);
    assert.deepEqual(normalised(foreign.errors, 'D2'), normalised(missing.errors, 'D9'));
  });

  test("destinationId: one of the customer's own destinations is written in the header", async () => {
    const result = await placeC1({ lines: [{ sku: 'A-PLAIN', quantity: '1' }], destinationId: 'D1' });
    assert.deepEqual(result.errors, []);
    assert.equal(result.order.destinationId, 'D1');
    const [row] = inboxRows(db);
    assert.equal(row?.destination_id, 'D1');
    assert.equal(row?.ship_to_city, null);
  });

  const address = { name: 'Cantiere Bianchi', street: 'Via Verdi 3', postcode: '40100', city: 'Bologna', province: 'BO', country: 'IT' };

  test('INVALID_ADDRESS: a shipTo without a city is refused', async () => {
    const result = await placeC1({ lines: [{ sku: 'A-PLAIN', quantity: '1' }], shipTo: { ...address, city: '' } });
    assertRefused(result, [['INVALID_ADDRESS', null]]);
  });

  test('INVALID_ADDRESS: a shipTo whose city is only blanks is refused', async () => {
    const result = await placeC1({ lines: [{ sku: 'A-PLAIN', quantity: '1' }], shipTo: { ...address, city: '   ' } });
    assertRefused(result, [['INVALID_ADDRESS', null]]);
  });

  test('INVALID_ADDRESS: a shipTo with country "XX" (not ISO 3166-1 alpha-2) is refused', async () => {
    const result = await placeC1({ lines: [{ sku: 'A-PLAIN', quantity: '1' }], shipTo: { ...address, country: 'XX' } });
    assertRefused(result, [['INVALID_ADDRESS', null]]);
  });

  test('shipTo: a valid address is written in the header columns', async () => {
    const result = await placeC1({ lines: [{ sku: 'A-PLAIN', quantity: '1' }], shipTo: address });
    assert.deepEqual(result.errors, []);
    const [row] = inboxRows(db);
    assert.deepEqual(
      [row?.ship_to_name, row?.ship_to_street, row?.ship_to_postcode, row?.ship_to_city, row?.ship_to_province, row?.ship_to_country, row?.destination_id],
      ['Cantiere Bianchi', 'Via Verdi 3', '40100', 'Bologna', 'BO', 'IT', null],
    );
    assert.deepEqual(result.order.shipTo, address);
  });

  test('several errors in one order are all reported with their lineIndex and nothing is written', async () => {
    const result = await placeC1({
      lines: [
        { sku: 'A-GHOST', quantity: '1' }, // 0 UNKNOWN_PRODUCT
        { sku: 'A-PLAIN', quantity: '2' }, // 1 fine
        { sku: 'A-PACK', quantity: '8' }, // 2 NOT_MULTIPLE_OF_PACK
        { sku: 'A-PLAIN', quantity: 'abc' }, // 3 INVALID_QUANTITY
        { sku: 'A-MIN', quantity: '5' }, // 4 BELOW_MINIMUM
        { sku: 'A-NOPRICE', quantity: '1' }, // 5 NO_PRICE
        { sku: 'A-PLAIN', quantity: '1', expectedUnitPrice: '1' }, // 6 PRICE_CHANGED
      ],
      destinationId: 'D2', // UNKNOWN_DESTINATION (whole order)
    });
    assertRefused(result, [
      ['UNKNOWN_DESTINATION', null],
      ['UNKNOWN_PRODUCT', 0],
      ['NOT_MULTIPLE_OF_PACK', 2],
      ['INVALID_QUANTITY', 3],
      ['BELOW_MINIMUM', 4],
      ['NO_PRICE', 5],
      ['PRICE_CHANGED', 6],
    ]);
  });

  test('a blocked customer with bad lines gets CUSTOMER_BLOCKED and the line errors together', async () => {
    const result = await placeC1({ lines: [{ sku: 'A-GHOST', quantity: '1' }] }, cb);
    assertRefused(result, [
      ['CUSTOMER_BLOCKED', null],
      ['UNKNOWN_PRODUCT', 0],
    ]);
  });
});

describe('placeOrder writes a valid order', () => {
  const input = {
    lines: [
      { sku: 'A-DISC', quantity: '3' }, // 9.99 − 10% − 5% = 8.5415; 25.62
      { sku: 'A-PLAIN', quantity: '2' }, // 9.9900; 19.98
      { sku: 'A-VAT10', quantity: '1' }, // 3.3300; 3.33 at VAT 10
    ],
    customerReference: 'PO-778',
    requestedDelivery: '2026-06-30',
    notes: 'Consegna al mattino',
  };

  test('one header: status NEW, channel STOREFRONT, currency, total_net = Σ line totals, request_hash, created_at', async () => {
    const result = await placeC1(input);
    assert.deepEqual(result.errors, []);
    const rows = inboxRows(db);
    assert.equal(rows.length, 1);
    const row = rows[0]!;
    assert.equal(row.status, 'NEW');
    assert.equal(row.channel, 'STOREFRONT');
    assert.equal(row.customer_code, 'C1');
    assert.equal(row.agent_code, null);
    assert.equal(row.currency, 'EUR');
    assert.equal(row.total_net, '48.93');
    assert.match(row.request_hash, /^[0-9a-f]{64}$/);
    assert.equal(new Date(row.created_at).toISOString(), NOW().toISOString());
    assert.equal(row.customer_reference, 'PO-778');
    assert.equal(row.requested_delivery, '2026-06-30');
    assert.equal(row.notes, 'Consegna al mattino');
    assert.equal(row.erp_order_number, null);
    assert.equal(row.erp_message, null);
    assert.equal(row.idempotency_key, `po-${keySeq}`);
  });

  test('its lines carry list_price, unit_price, discounts, line_total and vat_rate per the pricing rules (10+5 cascade: 8.5415, 25.62)', async () => {
    await placeC1(input);
    const [row] = inboxRows(db);
    const lines = inboxLines(db, row!.inbox_id);
    assert.equal(inboxLines(db).length, 3);
    assert.deepEqual(
      lines.map((l) => ({
        line_no: l.line_no,
        sku: l.sku,
        quantity: num(l.quantity),
        list_price: num(l.list_price),
        unit_price: l.unit_price,
        discounts: [num(l.discount_1), num(l.discount_2), num(l.discount_3)],
        line_total: l.line_total,
        vat_rate: num(l.vat_rate),
      })),
      [
        { line_no: 1, sku: 'A-DISC', quantity: '3', list_price: '9.99', unit_price: '8.5415', discounts: ['10', '5', null], line_total: '25.62', vat_rate: '22' },
        { line_no: 2, sku: 'A-PLAIN', quantity: '2', list_price: '9.99', unit_price: '9.9900', discounts: [null, null, null], line_total: '19.98', vat_rate: '22' },
        { line_no: 3, sku: 'A-VAT10', quantity: '1', list_price: '3.33', unit_price: '3.3300', discounts: [null, null, null], line_total: '3.33', vat_rate: '10' },
      ],
    );
  });

  test('total_net equals the sum of the written line totals', async () => {
    await placeC1(input);
    const [row] = inboxRows(db);
    const sum = inboxLines(db, row!.inbox_id).reduce((s, l) => s + Math.round(Number(l.line_total) * 100), 0);
    assert.equal(Math.round(Number(row!.total_net) * 100), sum);
  });

  test("the mutation's order echoes id, status NEW, lines and totals as written", async () => {
    const { order, errors } = await placeC1(input);
    assert.deepEqual(errors, []);
    const [row] = inboxRows(db);
    const lines = inboxLines(db, row!.inbox_id);
    assert.equal(order.id, String(row!.inbox_id));
    assert.equal(order.status, 'NEW');
    assert.equal(order.erpOrderNumber, null);
    assert.equal(order.customerCode, 'C1');
    assert.equal(order.agentCode, null);
    assert.equal(order.channel, 'STOREFRONT');
    assert.equal(order.currency, 'EUR');
    assert.equal(order.customerReference, 'PO-778');
    assert.equal(order.requestedDelivery, '2026-06-30');
    assert.equal(order.notes, 'Consegna al mattino');
    assert.equal(order.totalNet, row!.total_net);
    assert.equal(order.totalNet, '48.93');
    // VAT per rate: 22% of 45.60 = 10.032 → 10.03; 10% of 3.33 = 0.333 → 0.33.
    assert.equal(order.totalVat, '10.36');
    assert.equal(order.totalGross, '59.29');
    assert.deepEqual(
      order.vatSummary.map((v: any) => [num(v.rate), v.taxable, v.vat]).sort(),
      [
        ['10', '3.33', '0.33'],
        ['22', '45.60', '10.03'],
      ],
    );
    assert.equal(new Date(order.createdAt).toISOString(), NOW().toISOString());
    assert.deepEqual(
      order.lines.map((l: any) => ({ ...l, quantity: num(l.quantity), listPrice: num(l.listPrice), vatRate: num(l.vatRate), discounts: l.discounts.map(num) })),
      lines.map((l) => ({
        lineNo: l.line_no,
        sku: l.sku,
        quantity: num(l.quantity),
        listPrice: num(l.list_price),
        unitPrice: l.unit_price,
        discounts: [l.discount_1, l.discount_2, l.discount_3].filter((d) => d !== null && Number(d) !== 0).map(num),
        lineTotal: l.line_total,
        vatRate: num(l.vat_rate),
      })),
    );
    assert.deepEqual(order.lines[0].discounts.map(num), ['10', '5']);
    assert.equal(order.lines[0].unitPrice, '8.5415');
    assert.equal(order.lines[0].lineTotal, '25.62');
  });

  test('a fractional quantity (2.5 KG of an article sold by 0.5) is priced and written exactly: 4.1234 × 2.5 = 10.3085 → 10.31', async () => {
    const { order, errors } = await placeC1({ lines: [{ sku: 'A-KG', quantity: '2.5' }] });
    assert.deepEqual(errors, []);
    assert.equal(order.lines[0].lineTotal, '10.31');
    const [line] = inboxLines(db);
    assert.equal(num(line!.quantity), '2.5');
    assert.equal(line!.unit_price, '4.1234');
    assert.equal(line!.line_total, '10.31');
    assert.equal(inboxRows(db)[0]!.total_net, '10.31');
  });

  test('anonymous callers cannot place orders (UNAUTHENTICATED) and nothing is written', async () => {
    const res = await place(server, { idempotencyKey: key(), lines: [{ sku: 'A-PLAIN', quantity: '1' }] });
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    assertNothingWritten(db, assert.equal);
  });
});
