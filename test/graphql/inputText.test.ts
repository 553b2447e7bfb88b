/**
 * Hardening, probe rows 13 and 14: every String and ID input, literal or
 * variable, has a length cap and refuses control characters (tab and line
 * breaks only in order notes); a refusal is BAD_USER_INPUT naming the
 * argument and never repeats the input.
 */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type Database from 'better-sqlite3';
import { textProblem, textRuleFor } from '../../src/graphql/textRules';
import { startTestServer, type GqlResponse, type TestServer } from '../helpers/testServer';
import { NOW, QUOTE, assertNothingWritten, clearInbox, ordersFixture, place } from '../orders/ordersHarness';

let db: Database.Database;
let server: TestServer;
let c1: string;
let service: string;

before(async () => {
  db = ordersFixture();
  server = await startTestServer(db, { now: NOW });
  c1 = await server.token({ role: 'customer', customer: 'C1' });
  service = await server.token({ role: 'service' });
});
beforeEach(() => clearInbox(db));
after(async () => {
  await server.close();
});

const CATALOG = `query C($search: String, $family: String) { catalog(search: $search, family: $family) { edges { node { sku } } } }`;

function assertRefused(res: GqlResponse, argument: string) {
  assert.equal(res.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(res.body).slice(0, 500));
  assert.equal(res.status, 400);
  assert.equal(res.body.data, undefined);
  assert.match(res.body.errors![0]!.message, new RegExp(`^${argument}: `));
  assert.ok(res.body.errors![0]!.message.length < 120, res.body.errors![0]!.message.slice(0, 200));
}

describe('text rules', () => {
  test('a NUL, any other C0 or C1 control character, or DEL is refused', () => {
    for (const c of ['\u0000', '\u0001', '\u001b', '\u007f', '\u0085', '\u009f']) {
      const character = `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      assert.deepEqual(textProblem(`a${c}b`, textRuleFor(null)), { tooLong: false, character }, JSON.stringify(c));
    }
  });

  test('tab and line breaks are refused in single-line text and allowed in order notes', () => {
    for (const c of ['\t', '\n', '\r']) {
      assert.notEqual(textProblem(`a${c}b`, textRuleFor('Query.catalog.search')), null);
      assert.equal(textProblem(`a${c}b`, textRuleFor('PlaceOrderInput.notes')), null);
    }
    assert.notEqual(textProblem('a\u0000b', textRuleFor('PlaceOrderInput.notes')), null);
  });

  test('every text has a cap of 1,000 characters, tighter where the argument says', () => {
    assert.equal(textProblem('x'.repeat(1000), textRuleFor(null)), null);
    assert.deepEqual(textProblem('x'.repeat(1001), textRuleFor(null)), { tooLong: true, max: 1000 });
    assert.deepEqual(textProblem('x'.repeat(51), textRuleFor('QuoteLineInput.sku')), { tooLong: true, max: 50 });
    assert.deepEqual(textProblem('x'.repeat(21), textRuleFor('Query.catalog.family')), { tooLong: true, max: 20 });
    assert.deepEqual(textProblem('x'.repeat(101), textRuleFor('Query.catalog.search')), { tooLong: true, max: 100 });
  });

  test('accented letters, emoji and other printable text pass', () => {
    assert.equal(textProblem('Caffè «Moka» – 🇮🇹', textRuleFor('Query.catalog.search')), null);
  });
});

describe('catalog(search:, family:)', () => {
  test('a search with a NUL sent as a variable is BAD_USER_INPUT naming search, not a silently dropped filter', async () => {
    assertRefused(await server.gql(CATALOG, { variables: { search: '\u0000x' } }), 'search');
  });

  test('a search with a NUL written in the document is BAD_USER_INPUT naming search', async () => {
    assertRefused(await server.gql(`{ catalog(search: "\\u0000x") { edges { node { sku } } } }`), 'search');
  });

  test('a family longer than 20 characters is BAD_USER_INPUT naming family', async () => {
    assertRefused(await server.gql(CATALOG, { variables: { family: 'F'.repeat(21) } }), 'family');
  });

  test('a search with a line break is BAD_USER_INPUT', async () => {
    assertRefused(await server.gql(CATALOG, { variables: { search: 'a\nb' } }), 'search');
  });

  test('an ordinary search still answers', async () => {
    const res = await server.gql(CATALOG, { variables: { search: 'A-PLAIN' } });
    assert.equal(res.body.errors, undefined);
    assert.deepEqual(res.body.data.catalog.edges.map((e: { node: { sku: string } }) => e.node.sku), ['A-PLAIN']);
  });
});

describe('skus', () => {
  test('a 1 MB sku in a quote is BAD_USER_INPUT naming sku, and the message does not repeat it', async () => {
    const res = await server.gql(QUOTE, { token: c1, variables: { lines: [{ sku: 'S'.repeat(1_000_000), quantity: '1' }] } });
    assertRefused(res, 'sku');
    assert.ok(JSON.stringify(res.body).length < 1000);
  });

  test('a 51-character sku of a quote line written in the document is BAD_USER_INPUT', async () => {
    const res = await server.gql(`{ quote(lines: [{ sku: "${'S'.repeat(51)}", quantity: 1 }]) { totalNet } }`, { token: c1 });
    assertRefused(res, 'sku');
  });

  test('a 50-character sku is an ordinary unknown product', async () => {
    const res = await server.gql(QUOTE, { token: c1, variables: { lines: [{ sku: 'S'.repeat(50), quantity: '1' }] } });
    assert.equal(res.body.errors, undefined);
    assert.equal(res.body.data.quote.problems[0].code, 'UNKNOWN_PRODUCT');
  });

  test('product(sku:) and products(skus:) are capped at 50 characters, a NUL refused', async () => {
    assertRefused(await server.gql(`query P($s: ID!) { product(sku: $s) { sku } }`, { variables: { s: 'S'.repeat(51) } }), 'sku');
    assertRefused(await server.gql(`query P($s: [ID!]!) { products(skus: $s) { sku } }`, { variables: { s: ['A-PLAIN', 'A\u0000'] } }), 'skus');
  });

  test('a sku in a federation representation with a NUL is BAD_USER_INPUT', async () => {
    const res = await server.gql(`query E($r: [_Any!]!) { _entities(representations: $r) { ... on Product { sku } } }`, {
      token: service,
      variables: { r: [{ __typename: 'Product', sku: 'A-PLAIN\u0000' }] },
    });
    assertRefused(res, 'representations');
  });
});

describe('placeOrder texts', () => {
  const order = (extra: Record<string, unknown>) => ({ idempotencyKey: 'txt-1', lines: [{ sku: 'A-PLAIN', quantity: '1' }], ...extra });

  test('notes may span lines', async () => {
    const res = await place(server, order({ notes: 'Consegna al mattino.\r\n\tCitofono 3' }) as never, { token: c1 });
    assert.deepEqual(res.body.data.placeOrder.errors, []);
    assert.equal(res.body.data.placeOrder.order.notes, 'Consegna al mattino.\r\n\tCitofono 3');
  });

  test('notes with a NUL are BAD_USER_INPUT naming notes, nothing written', async () => {
    assertRefused(await place(server, order({ notes: 'ok\u0000' }) as never, { token: c1 }), 'notes');
    assertNothingWritten(db, assert.equal);
  });

  test('an idempotency key with a line break is BAD_USER_INPUT naming idempotencyKey', async () => {
    assertRefused(await place(server, order({ idempotencyKey: 'cart\n42' }) as never, { token: c1 }), 'idempotencyKey');
    assertNothingWritten(db, assert.equal);
  });

  test('a shipping address field with an escape character is BAD_USER_INPUT naming it', async () => {
    const shipTo = { name: 'Rossi\u001b[2J', street: 'Via Roma 1', postcode: '20100', city: 'Milano', country: 'IT' };
    assertRefused(await place(server, order({ shipTo }) as never, { token: c1 }), 'name');
    assertNothingWritten(db, assert.equal);
  });

  test('a customerReference of 2,000 characters is BAD_USER_INPUT', async () => {
    assertRefused(await place(server, order({ customerReference: 'R'.repeat(2000) }) as never, { token: c1 }), 'customerReference');
  });
});

describe('other arguments', () => {
  test('a cursor longer than 400 characters is BAD_USER_INPUT naming after', async () => {
    assertRefused(await server.gql(`query C($a: String) { catalog(after: $a) { edges { cursor } } }`, { variables: { a: 'a'.repeat(401) } }), 'after');
  });

  test('a document id longer than 40 characters is BAD_USER_INPUT naming id', async () => {
    assertRefused(await server.gql(`query D($id: ID!) { document(id: $id) { id } }`, { token: c1, variables: { id: 'D'.repeat(41) } }), 'id');
  });

  test('a variable used in two places must suit the stricter of the two', async () => {
    const res = await server.gql(`query C($s: String) { catalog(search: $s) { edges { cursor } } other: catalog(family: $s) { edges { cursor } } }`, {
      variables: { s: 'F'.repeat(30) },
    });
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  });
});
