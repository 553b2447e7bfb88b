/**
 * The example content subgraph over real HTTP, as a gateway calls it:
 * `_service { sdl }`, `_entities` for known and unknown skus, its own
 * queries, and the test/demo controls (delay, failing) a gateway's failure
 * isolation tests rely on.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'undici';
import { FEATURED_MAX, readCatalog } from '../../examples/content-subgraph/catalog';
import { contentFor, type ContentArticle } from '../../examples/content-subgraph/contentFor';
import { createContentSubgraph, type ContentSubgraph } from '../../examples/content-subgraph/server';
import { demoErpInMemory } from '../demo/demoDigest';

interface Reply {
  status: number;
  body: { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

async function post(url: string, query: string, variables?: Record<string, unknown>): Promise<Reply> {
  const res = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.statusCode, body: (await res.body.json()) as Reply['body'] };
}

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Product { sku title description slug images { url alt width height } seoTitle seoDescription } }
}`;

describe('content subgraph over HTTP', () => {
  let articles: ContentArticle[];
  let subgraph: ContentSubgraph;

  before(async () => {
    const db = demoErpInMemory({ seed: 5, articles: 200, customers: 10, today: '2026-11-30' });
    try {
      articles = readCatalog(db);
    } finally {
      db.close();
    }
    subgraph = await createContentSubgraph(articles, { port: 0 });
  });
  after(() => subgraph.close());

  test('listens on /graphql and serves _service { sdl } for composition', async () => {
    assert.match(subgraph.url, /^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    const { status, body } = await post(subgraph.url, '{ _service { sdl } }');
    assert.equal(status, 200);
    const sdl: string = body.data._service.sdl;
    assert.match(sdl, /type Product\s+@key\(fields: "sku"\)/);
    assert.match(sdl, /featuredProducts\(first: Int = 8\): \[Product\]!/);
    assert.match(sdl, /images: \[Image!\]\n/);
  });

  test('_entities: content for a known sku, null for one without content, in order, counted', async () => {
    subgraph.resetStats();
    const known = articles[7]!;
    const { status, body } = await post(subgraph.url, ENTITIES, {
      representations: [
        { __typename: 'Product', sku: 'NOPE-000001' },
        { __typename: 'Product', sku: known.sku },
      ],
    });
    assert.equal(status, 200);
    assert.equal(body.errors, undefined);
    assert.deepEqual(body.data._entities, [null, contentFor(known)]);
    assert.deepEqual(subgraph.stats, { requests: 1, entityCalls: 1, entityRepresentations: 2 });
  });

  test('productBySlug finds the article whose slug it is; an unknown slug is null', async () => {
    const article = articles[42]!;
    const { slug } = contentFor(article);
    const found = await post(subgraph.url, 'query ($slug: String!) { productBySlug(slug: $slug) { sku title } }', { slug });
    assert.deepEqual(found.body.data.productBySlug, { sku: article.sku, title: contentFor(article).title });
    const missing = await post(subgraph.url, '{ productBySlug(slug: "non-esiste") { sku } }');
    assert.equal(missing.body.data.productBySlug, null);
  });

  test('featuredProducts: the lowest skus, 8 by default, capped at 50, list items nullable', async () => {
    const skus = articles.map((a) => a.sku).sort();
    const byDefault = await post(subgraph.url, '{ featuredProducts { sku } }');
    assert.deepEqual(byDefault.body.data.featuredProducts.map((p: { sku: string }) => p.sku), skus.slice(0, 8));
    const many = await post(subgraph.url, '{ featuredProducts(first: 500) { sku } }');
    assert.equal(many.body.data.featuredProducts.length, FEATURED_MAX);
    const negative = await post(subgraph.url, '{ featuredProducts(first: -1) { sku } }');
    assert.equal(negative.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');

    // [Product]!: a list that is never null whose items may be (Ponte nulls a sku the viewer may not see).
    const type = await post(subgraph.url, '{ __type(name: "Query") { fields { name type { kind ofType { kind ofType { kind name } } } } } }');
    const field = type.body.data.__type.fields.find((f: { name: string }) => f.name === 'featuredProducts');
    assert.deepEqual(field.type, { kind: 'NON_NULL', ofType: { kind: 'LIST', ofType: { kind: 'OBJECT', name: 'Product' } } });
  });

  test('delayMs (test control) holds every request that long, changeable while running', async () => {
    subgraph.controls.delayMs = 300;
    try {
      const started = performance.now();
      const { status } = await post(subgraph.url, '{ featuredProducts(first: 1) { sku } }');
      assert.equal(status, 200);
      assert.ok(performance.now() - started >= 280, 'the request waited');
    } finally {
      subgraph.controls.delayMs = 0;
    }
    const started = performance.now();
    await post(subgraph.url, '{ featuredProducts(first: 1) { sku } }');
    assert.ok(performance.now() - started < 250, 'no delay once reset');
  });

  test('failing (test control) answers 503 SUBGRAPH_FAILING, _service included, until switched off', async () => {
    subgraph.controls.failing = true;
    try {
      for (const query of ['{ _service { sdl } }', '{ featuredProducts { sku } }']) {
        const { status, body } = await post(subgraph.url, query);
        assert.equal(status, 503);
        assert.equal(body.data, undefined);
        assert.equal(body.errors?.[0]?.extensions?.code, 'SUBGRAPH_FAILING');
      }
    } finally {
      subgraph.controls.failing = false;
    }
    const { status } = await post(subgraph.url, '{ featuredProducts(first: 1) { sku } }');
    assert.equal(status, 200);
  });
});

test('close() does not wait out a pending delay', async () => {
  const subgraph = await createContentSubgraph([{ sku: 'A1', erpDescription: 'Articolo di prova', familyCode: null }], { delayMs: 30_000 });
  const pending = post(subgraph.url, '{ featuredProducts { sku } }');
  while (subgraph.stats.requests === 0) await new Promise((r) => setTimeout(r, 5));
  const started = performance.now();
  await subgraph.close();
  const reply = await pending;
  assert.ok(performance.now() - started < 2000, 'closed promptly');
  assert.equal(reply.status, 503);
});
