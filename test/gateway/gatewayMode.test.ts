/**
 * Gateway mode: one endpoint composes Ponte (in process) with a content
 * subgraph. Content and live prices arrive in one query; visibility holds
 * through the gateway, even for a query that asks only content fields.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import gql from 'graphql-tag';
import { composeSupergraph, SupergraphError } from '../../src/gateway/composeSupergraph';
import { article, createFixtureDb, customer, insertRows } from '../helpers/fixtureErp';
import { visibilityRule } from '../helpers/erpRows';
import { startTestServer, type TestServer } from '../helpers/testServer';

const CONTENT_SDL = gql`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Product @key(fields: "sku") {
    sku: ID!
    title: String
    description: String
  }
  type Query {
    "Nullable items: a product the viewer may not see is null, the rest of the list stays."
    featuredProducts: [Product]!
  }
`;

const TITLES: Record<string, string> = { A1: 'Vite inox A2', R1: 'Vite riservata', GHOST: 'Non esiste in Ponte' };

/** A content subgraph that knows every sku, exclusive or not: it is Ponte's job to hide. */
async function startContentSubgraph(): Promise<{ url: string; calls: () => number; headers: () => Array<Record<string, string>>; stop: () => Promise<void> }> {
  let calls = 0;
  const seen: Array<Record<string, string>> = [];
  const server = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs: CONTENT_SDL,
      resolvers: {
        Query: { featuredProducts: () => Object.keys(TITLES).map((sku) => ({ sku })) },
        Product: {
          __resolveReference: (ref: { sku: string }) => (TITLES[ref.sku] ? { sku: ref.sku } : null),
          title: (p: { sku: string }) => TITLES[p.sku],
          description: (p: { sku: string }) => `Descrizione di ${TITLES[p.sku]}`,
        },
      },
    }),
    plugins: [
      {
        requestDidStart: async ({ request }) => {
          calls += 1;
          seen.push(Object.fromEntries(request.http?.headers ?? []));
        },
      },
    ],
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, calls: () => calls, headers: () => seen, stop: () => server.stop() };
}

function ponteDb() {
  const db = createFixtureDb();
  insertRows(db, 'ecom_customers', [customer('C1'), customer('C2')]);
  insertRows(db, 'ecom_articles', [article('A1'), article('R1', { restricted: true })]);
  insertRows(db, 'ecom_visibility', [visibilityRule(1, 'ALLOW', { sku: 'R1' }, { customer_code: 'C1' })]);
  insertRows(db, 'ecom_price_list_items', [
    { price_list_code: 'BASE', sku: 'A1', min_qty: '0', price: '10.00', valid_from: null, valid_to: null },
    { price_list_code: 'BASE', sku: 'R1', min_qty: '0', price: '20.00', valid_from: null, valid_to: null },
  ]);
  return db;
}

describe('gateway mode', () => {
  let content: Awaited<ReturnType<typeof startContentSubgraph>>;
  let server: TestServer;
  let plain: TestServer;

  before(async () => {
    content = await startContentSubgraph();
    server = await startTestServer(ponteDb(), { env: { GATEWAY_SUBGRAPHS: `content=${content.url}` } });
    plain = await startTestServer(ponteDb());
  });
  after(async () => {
    await server.close();
    await plain.close();
    await content.stop();
  });

  test('one query gets content and live prices, the prices equal to Ponte alone for anonymous, a customer and an agent acting for one', async () => {
    insertRows(server.sqlite.db, 'ecom_customers', [customer('C7', { agent_code: 'AG7' })]);
    insertRows(plain.sqlite.db, 'ecom_customers', [customer('C7', { agent_code: 'AG7' })]);
    const viewers = [
      { name: 'anonymous', skus: ['A1', null] },
      { name: 'customer C1', claims: { role: 'customer' as const, customer: 'C1' }, skus: ['A1', 'R1'] },
      { name: 'agent for C7', claims: { role: 'agent' as const, agent: 'AG7' }, acting: 'C7', skus: ['A1', null] },
    ];
    for (const v of viewers) {
      const options = async (s: TestServer) => ({ ...(v.claims ? { token: await s.token(v.claims) } : {}), ...(v.acting ? { acting: v.acting } : {}) });
      const through = await server.gql('{ products(skus: ["A1", "R1"]) { sku title price(quantity: 3) { unitPrice lineTotal } } }', await options(server));
      assert.equal(through.status, 200, v.name);
      assert.equal(through.body.errors, undefined, v.name);
      type Item = { sku: string; title?: string; price: unknown } | null;
      assert.deepEqual(through.body.data.products.map((p: Item) => p && p.sku), v.skus, v.name);
      assert.ok(through.body.data.products.every((p: Item) => p === null || p.title === TITLES[p.sku]), v.name);
      const alone = await plain.gql('{ products(skus: ["A1", "R1"]) { sku price(quantity: 3) { unitPrice lineTotal } } }', await options(plain));
      assert.deepEqual(
        through.body.data.products.map((p: Item) => p && [p.sku, p.price]),
        alone.body.data.products.map((p: Item) => p && [p.sku, p.price]),
        v.name,
      );
    }
  });

  test('a product the viewer may not see is null in a content list, even when only content fields are asked', async () => {
    const anonymous = await server.gql('{ featuredProducts { title } }');
    assert.equal(anonymous.status, 200);
    assert.deepEqual(anonymous.body.data.featuredProducts, [{ title: 'Vite inox A2' }, null, null]);
    const c1 = await server.gql('{ featuredProducts { title } }', { token: await server.token({ role: 'customer', customer: 'C1' }) });
    assert.deepEqual(c1.body.data.featuredProducts, [{ title: 'Vite inox A2' }, { title: 'Vite riservata' }, null]);
  });

  test('the guard Ponte adds never shows in an answer', async () => {
    const res = await server.gql('{ featuredProducts { sku title } }', { token: await server.token({ role: 'customer', customer: 'C1' }) });
    assert.doesNotMatch(JSON.stringify(res.body), /_ponte/);
  });

  test("a client using the guard's alias is refused rather than answered without its field", async () => {
    const res = await server.gql('{ products(skus: ["A1"]) { _ponteVisibleGuard: sku } }');
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(res.body.data, undefined);
  });

  test('an agent acting for a customer sees that customer', async () => {
    const token = await server.token({ role: 'agent', agent: 'AG1' });
    insertRows(server.sqlite.db, 'ecom_customers', [customer('C9', { agent_code: 'AG1' })]);
    const res = await server.gql('{ featuredProducts { sku title } }', { token, acting: 'C9' });
    assert.deepEqual(res.body.data.featuredProducts, [{ sku: 'A1', title: 'Vite inox A2' }, null, null]);
  });

  test("the caller's Authorization and X-Acting-Customer stay with Ponte; Accept-Language is forwarded", async () => {
    const token = await server.token({ role: 'agent', agent: 'AG1' });
    insertRows(server.sqlite.db, 'ecom_customers', [customer('C8', { agent_code: 'AG1' })]);
    const before = content.headers().length;
    await server.gql('{ products(skus: ["A1"]) { sku title } }', { token, acting: 'C8', headers: { 'accept-language': 'it-IT', 'x-secret': 'no' } });
    const sent = content.headers().slice(before);
    assert.ok(sent.length > 0);
    for (const headers of sent) {
      assert.equal(headers['accept-language'], 'it-IT');
      assert.equal(headers.authorization, undefined);
      assert.equal(headers['x-acting-customer'], undefined);
      assert.equal(headers['x-secret'], undefined);
    }
  });

  test('a header listed in GATEWAY_FORWARD_HEADERS is forwarded', async () => {
    const forwarding = await startTestServer(ponteDb(), { env: { GATEWAY_SUBGRAPHS: `content=${content.url}`, GATEWAY_FORWARD_HEADERS: 'Authorization' } });
    try {
      const token = await forwarding.token({ role: 'customer', customer: 'C1' });
      const before = content.headers().length;
      await forwarding.gql('{ products(skus: ["A1"]) { sku title } }', { token });
      const sent = content.headers().slice(before);
      assert.ok(sent.length > 0);
      assert.ok(sent.every((h) => h.authorization === `Bearer ${token}`));
    } finally {
      await forwarding.close();
    }
  });

  test('an anonymous page with content is public and varies with the forwarded headers; a content root is not stored', async () => {
    const forwarding = await startTestServer(ponteDb(), { env: { GATEWAY_SUBGRAPHS: `content=${content.url}`, GATEWAY_FORWARD_HEADERS: 'X-Region' } });
    try {
      const page = await forwarding.gql('{ products(skus: ["A1"]) { sku title price { unitPrice } } }');
      assert.equal(page.body.errors, undefined);
      assert.match(String(page.headers['cache-control']), /^public, max-age=\d+/);
      assert.match(String(page.headers.vary), /x-region/i);
      const featured = await forwarding.gql('{ featuredProducts { title } }');
      assert.equal(featured.headers['cache-control'], 'no-store');
    } finally {
      await forwarding.close();
    }
  });

  test("Ponte's part of a repeated page is answered from the response cache", async () => {
    const token = await server.token({ role: 'customer', customer: 'C2' });
    const query = '{ products(skus: ["A1"]) { sku title price(quantity: 2) { unitPrice } } }';
    const first = await server.gql(query, { token });
    const hits = server.app.cache.responses.hits;
    const again = await server.gql(query, { token });
    assert.deepEqual(again.body, first.body);
    assert.equal(server.app.cache.responses.hits, hits + 1);
  });

  test('a cached gateway answer is kept per forwarded header value: another Accept-Language is another answer', async () => {
    const token = await server.token({ role: 'customer', customer: 'C2' });
    const query = '{ products(skus: ["A1"]) { sku title price(quantity: 6) { unitPrice } } }';
    await server.gql(query, { token, headers: { 'accept-language': 'it' } });
    const calls = content.calls();
    await server.gql(query, { token, headers: { 'accept-language': 'it' } });
    assert.equal(content.calls(), calls, 'the same language is answered from the cache');
    await server.gql(query, { token, headers: { 'accept-language': 'en' } });
    assert.equal(content.calls(), calls + 1, 'another language asks the content subgraph');
  });

  test('a cached Ponte part never reaches a viewer who sees or pays otherwise', async () => {
    const query = '{ products(skus: ["A1", "R1"]) { sku title price(quantity: 4) { unitPrice } } }';
    const c1 = await server.gql(query, { token: await server.token({ role: 'customer', customer: 'C1' }) });
    assert.deepEqual(c1.body.data.products.map((p: { sku: string } | null) => p && p.sku), ['A1', 'R1']);
    const anonymous = await server.gql(query);
    assert.deepEqual(anonymous.body.data.products.map((p: { sku: string } | null) => p && p.sku), ['A1', null]);
    insertRows(server.sqlite.db, 'ecom_price_lists', [{ price_list_code: 'VIP', description: 'VIP', currency: 'EUR' }]);
    insertRows(server.sqlite.db, 'ecom_price_list_items', [{ price_list_code: 'VIP', sku: 'A1', min_qty: '0', price: '7.00', valid_from: null, valid_to: null }]);
    insertRows(server.sqlite.db, 'ecom_customers', [customer('C5', { price_list_code: 'VIP' })]);
    const vip = await server.gql(query, { token: await server.token({ role: 'customer', customer: 'C5' }) });
    assert.equal(vip.body.data.products[0].price.unitPrice, '7.0000');
    assert.equal(c1.body.data.products[0].price.unitPrice, '10.0000');
  });

  test("a change in the feed reaches a cached Ponte part", async () => {
    const token = await server.token({ role: 'customer', customer: 'C2' });
    const query = '{ products(skus: ["A1"]) { sku title price(quantity: 5) { unitPrice } } }';
    assert.equal((await server.gql(query, { token })).body.data.products[0].price.unitPrice, '10.0000');
    server.sqlite.db.prepare(`UPDATE ecom_price_list_items SET price = '12.00' WHERE sku = 'A1' AND price_list_code = 'BASE'`).run();
    server.sqlite.db.prepare(`INSERT INTO ecom_changes (entity, entity_key, changed_at) VALUES ('PRICE_LIST', 'BASE', '2026-11-30T10:00:01')`).run();
    await server.app.changeFeed.pollOnce();
    assert.equal((await server.gql(query, { token })).body.data.products[0].price.unitPrice, '12.0000');
    server.sqlite.db.prepare(`UPDATE ecom_price_list_items SET price = '10.00' WHERE sku = 'A1' AND price_list_code = 'BASE'`).run();
    server.sqlite.db.prepare(`INSERT INTO ecom_changes (entity, entity_key, changed_at) VALUES ('PRICE_LIST', 'BASE', '2026-11-30T10:00:02')`).run();
    await server.app.changeFeed.pollOnce();
  });

  test('the content subgraph cannot take the names Ponte owns', () => {
    assert.throws(
      () =>
        composeSupergraph([
          { name: 'ponte', url: 'in-process://ponte', sdl: 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"]) type Product @key(fields: "sku") { sku: ID! vatRate: String } type Query { a: Int }' },
          { name: 'content', url: 'http://cms', sdl: 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"]) type Product @key(fields: "sku") { sku: ID! vatRate: String } type Query { b: Int }' },
        ]),
      (error: unknown) => error instanceof SupergraphError && /Product\.vatRate/.test(error.message) && /content/.test(error.message),
    );
  });
});
