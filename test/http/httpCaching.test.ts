/**
 * HTTP caching (issue 12): anonymous product answers are public for as long
 * as their fields' hints allow, with an ETag a conditional GET can match;
 * authenticated answers are private; mutations, errors and customer data are
 * never stored; a CDN can serve a category page through GET and automatic
 * persisted queries, and a change in the feed changes the page's ETag.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { article, createFixtureDb, customer, insertRows } from '../helpers/fixtureErp';
import { GRAPHQL_VARY, appendVary, cacheControlFor, noneMatchHits } from '../../src/http/httpCaching';
import { rawRequest, type RawResponse } from '../helpers/rawHttp';
import { startTestServer, type TestServer } from '../helpers/testServer';

const CATALOG_AGE = 120;
const STOCK_AGE = 20;
const PAGE = '{ catalog(first: 10) { edges { node { sku price { unitPrice } } } } }';
const PAGE_WITH_STOCK = '{ catalog(first: 10) { edges { node { sku availability { status } } } } }';
const ETAG = /^"[A-Za-z0-9_-]{43}"$/;
/** What Apollo's csrfPrevention asks of a GET: a header no simple (form, <img>) request can send. */
const PREFLIGHTED = { 'apollo-require-preflight': 'true' };

describe('HTTP caching', () => {
  let db: Database.Database;
  let server: TestServer;

  before(async () => {
    db = createFixtureDb();
    insertRows(db, 'ecom_customers', [customer('C1')]);
    insertRows(db, 'ecom_articles', [article('A1'), article('A2')]);
    insertRows(db, 'ecom_price_list_items', [
      { price_list_code: 'BASE', sku: 'A1', min_qty: '0', price: '10.0000', valid_from: null, valid_to: null },
      { price_list_code: 'BASE', sku: 'A2', min_qty: '0', price: '20.0000', valid_from: null, valid_to: null },
    ]);
    insertRows(db, 'ecom_stock', [{ sku: 'A1', warehouse_code: 'MAG1', on_hand: '50', committed: '0' }]);
    server = await startTestServer(db, {
      env: { HTTP_CACHE_MAX_AGE_S: String(CATALOG_AGE), HTTP_CACHE_STOCK_MAX_AGE_S: String(STOCK_AGE), RATE_LIMITS: 'off' },
    });
  });
  after(() => server.close());

  const get = (params: Record<string, unknown>, headers: Record<string, string> = {}): Promise<RawResponse> => {
    const query = Object.entries(params)
      .map(([name, value]) => `${name}=${encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value))}`)
      .join('&');
    return rawRequest(`${server.url}/graphql?${query}`, { headers: { ...PREFLIGHTED, ...headers } });
  };
  const post = (body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> =>
    rawRequest(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const customerToken = () => server.token({ role: 'customer', customer: 'C1' });

  test('an anonymous catalog page is public for the catalog age, shared caches included, with an ETag', async () => {
    const res = await server.gql(PAGE);
    assert.equal(res.body.errors, undefined);
    assert.equal(res.headers['cache-control'], `public, max-age=${CATALOG_AGE}, s-maxage=${CATALOG_AGE}`);
    assert.match(String(res.headers.etag), ETAG);
  });

  test('an anonymous page that shows stock gets the shorter stock age', async () => {
    const res = await server.gql(PAGE_WITH_STOCK);
    assert.equal(res.body.errors, undefined);
    assert.equal(res.headers['cache-control'], `public, max-age=${STOCK_AGE}, s-maxage=${STOCK_AGE}`);
  });

  test('stock reached through a fragment shortens the age too', async () => {
    const res = await server.gql('query P { products(skus: ["A1"]) { ...Stock } } fragment Stock on Product { sku availability { status } }');
    assert.equal(res.body.errors, undefined);
    assert.equal(res.headers['cache-control'], `public, max-age=${STOCK_AGE}, s-maxage=${STOCK_AGE}`);
  });

  test('a page answered from the response cache carries the same cache headers and ETag', async () => {
    const query = '{ products(skus: ["A1", "A2"]) { sku price { unitPrice } } }';
    const first = await post({ query });
    const hits = server.app.cache.responses.hits;
    const second = await post({ query });
    assert.equal(server.app.cache.responses.hits, hits + 1, 'the second answer came from the response cache');
    assert.equal(second.text, first.text);
    assert.equal(second.headers['cache-control'], first.headers['cache-control']);
    assert.equal(second.headers.etag, first.headers.etag);
    assert.match(String(second.headers['cache-control']), /^public, /);
  });

  test("a GET naming the answer's ETag in If-None-Match gets 304 without a body", async () => {
    const first = await get({ query: PAGE });
    assert.equal(first.status, 200);
    const etag = String(first.headers.etag);
    const again = await get({ query: PAGE }, { 'if-none-match': `"something-else", W/${etag}` });
    assert.equal(again.status, 304);
    assert.equal(again.text, '');
    assert.equal(again.headers.etag, etag);
    assert.equal(again.headers['cache-control'], first.headers['cache-control']);
    const other = await get({ query: PAGE }, { 'if-none-match': '"something-else"' });
    assert.equal(other.status, 200);
    assert.equal(other.text, first.text);
  });

  test('an authenticated page is private and revalidated: never public', async () => {
    const token = await customerToken();
    const res = await server.gql(PAGE, { token });
    assert.equal(res.body.errors, undefined);
    assert.equal(res.headers['cache-control'], 'private, no-cache');
    assert.match(String(res.headers.etag), ETAG);
    // The response cache's fast path answers the repeat: still private.
    const again = await server.gql(PAGE, { token });
    assert.equal(again.headers['cache-control'], 'private, no-cache');
  });

  test('an agent acting for a customer gets a private answer', async () => {
    const res = await server.gql(PAGE, { token: await server.token({ role: 'agent', agent: 'AG1' }), acting: 'C1' });
    assert.match(String(res.headers['cache-control']), /^private, /);
  });

  test('X-Acting-Customer without a token is never answered publicly', async () => {
    const res = await server.gql(PAGE, { acting: 'C1' });
    assert.match(String(res.headers['cache-control']), /^private, /);
  });

  test('a mutation is not stored, even when it answers without an error', async () => {
    const res = await server.gql('mutation { placeOrder(input: { idempotencyKey: "k-1", lines: [{ sku: "NOPE", quantity: "1" }] }) { order { id } errors { code } } }', {
      token: await customerToken(),
    });
    assert.equal(res.body.errors, undefined);
    assert.ok(res.body.data.placeOrder.errors.length > 0);
    assert.equal(res.headers['cache-control'], 'private, no-store');
    assert.equal(res.headers.etag, undefined);
  });

  test('an answer with an error is not stored', async () => {
    const res = await server.gql('{ product(sku: "A1") { sku price(quantity: "-1") { unitPrice } } }');
    assert.ok(res.body.errors?.length);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.equal(res.headers.etag, undefined);
  });

  test('customer data is not stored, alone or next to product fields', async () => {
    const token = await customerToken();
    const me = await server.gql('{ me { code } }', { token });
    assert.equal(me.body.errors, undefined);
    assert.equal(me.headers['cache-control'], 'private, no-store');
    const mixed = await server.gql('{ me { code } catalog(first: 1) { edges { node { sku } } } }');
    assert.equal(mixed.headers['cache-control'], 'no-store');
  });

  test('every answer varies with Accept, Accept-Language, Authorization and X-Acting-Customer', async () => {
    for (const res of [await server.gql(PAGE), await server.gql('{ me { code } }', { token: await customerToken() })]) {
      const names = String(res.headers.vary).split(',').map((n) => n.trim().toLowerCase());
      for (const name of ['accept', 'accept-language', 'authorization', 'x-acting-customer']) assert.ok(names.includes(name), `${name} in ${res.headers.vary}`);
    }
  });

  test('a GET without a header a simple request cannot send is refused (CSRF prevention stays on)', async () => {
    const res = await rawRequest(`${server.url}/graphql?query=${encodeURIComponent(PAGE)}`);
    assert.equal(res.status, 400);
    assert.equal(res.headers['cache-control'], 'no-store');
  });

  test('GET with automatic persisted queries: registered by POST, served by hash, a new ETag after a change in the feed', async () => {
    const query = '{ catalog(first: 10) { edges { node { sku price { unitPrice } } } } }';
    const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } };

    const unknown = await get({ extensions });
    const notFound = JSON.parse(unknown.text);
    assert.equal(notFound.data, undefined);
    // BAD_USER_INPUT until Apollo's own codes are passed through (issue 12, error codes).
    assert.ok(['PERSISTED_QUERY_NOT_FOUND', 'BAD_USER_INPUT'].includes(notFound.errors?.[0]?.extensions?.code), unknown.text);
    assert.equal(unknown.headers['cache-control'], 'no-store', 'a CDN must not remember that the hash was unknown');

    const registered = await post({ query, extensions });
    assert.equal(JSON.parse(registered.text).errors, undefined);

    const served = await get({ extensions });
    assert.equal(served.status, 200);
    assert.equal(served.text, registered.text);
    assert.equal(served.headers['cache-control'], `public, max-age=${CATALOG_AGE}, s-maxage=${CATALOG_AGE}`);
    const oldTag = String(served.headers.etag);
    assert.match(oldTag, ETAG);
    assert.equal((await get({ extensions }, { 'if-none-match': oldTag })).status, 304);

    db.prepare(`UPDATE ecom_price_list_items SET price = '12.5000' WHERE sku = 'A1'`).run();
    db.prepare(`INSERT INTO ecom_changes (entity, entity_key, changed_at) VALUES ('PRICE_LIST', 'BASE', '2026-11-30T10:00:05')`).run();
    await server.app.changeFeed.pollOnce();

    const changed = await get({ extensions }, { 'if-none-match': oldTag });
    assert.equal(changed.status, 200);
    assert.equal(JSON.parse(changed.text).data.catalog.edges[0].node.price.unitPrice, '12.5000');
    assert.notEqual(changed.headers.etag, oldTag);
    assert.match(String(changed.headers.etag), ETAG);
  });
});

describe('HTTP caching rules', () => {
  test('Vary keeps what another hook set (CORS: Origin) and names each header once', () => {
    assert.equal(appendVary('Origin', GRAPHQL_VARY), 'Origin, Accept, Accept-Language, Authorization, X-Acting-Customer');
    assert.equal(appendVary(['Origin', 'accept'], ['Accept', 'Accept-Language']), 'Origin, accept, Accept-Language');
    assert.equal(appendVary(undefined, ['Accept']), 'Accept');
    assert.equal(appendVary('*', ['Accept']), '*');
  });

  test("If-None-Match matches the answer's tag, weakly or in a list, or *", () => {
    const tag = '"abc"';
    assert.equal(noneMatchHits('"abc"', tag), true);
    assert.equal(noneMatchHits('W/"abc"', tag), true);
    assert.equal(noneMatchHits('"x", "abc"', tag), true);
    assert.equal(noneMatchHits('*', tag), true);
    assert.equal(noneMatchHits('"abcd"', tag), false);
    assert.equal(noneMatchHits(undefined, tag), false);
  });

  test('an uncacheable answer is never stored; an authenticated one never public', () => {
    assert.equal(cacheControlFor(false, null), 'no-store');
    assert.equal(cacheControlFor(true, null), 'private, no-store');
    assert.equal(cacheControlFor(true, 60), 'private, no-cache');
    assert.equal(cacheControlFor(false, 60), 'public, max-age=60, s-maxage=60');
  });
});
