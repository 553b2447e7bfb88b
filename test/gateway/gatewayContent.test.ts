/**
 * Gateway mode over the example content subgraph and a generated demo ERP:
 * a category page mixes content and live prices in one query, with one
 * `_entities` call to the content subgraph per plan step; when the content
 * subgraph fails, the page still has its prices and stock, the content
 * fields are null with SUBGRAPH_UNAVAILABLE naming it, and once its
 * breaker is open the subgraph is not called at all.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readCatalog } from '../../examples/content-subgraph/catalog';
import { createContentSubgraph, type ContentSubgraph } from '../../examples/content-subgraph/server';
import { demoErpInMemory } from '../demo/demoDigest';
import { startTestServer, type TestServer } from '../helpers/testServer';

const page = (first: number) => `{ catalog(first: ${first}) { edges { node { sku title slug images { url } price { unitPrice } availability { status } } } } }`;
const PAGE = page(48);
/** Pages no earlier test asked for: a cached page would be answered without the content subgraph, as it should. */
const UNCACHED_PAGES = [page(47), page(46), page(45), page(44), page(43), page(42), page(41), page(40)];

/** Fetches the gateway made from one subgraph so far (ponte_subgraph_requests_total, every outcome). */
async function fetchesFrom(server: TestServer, subgraph: string): Promise<number> {
  const metric = await server.app.metrics.registry.getSingleMetric('ponte_subgraph_requests_total')!.get();
  return metric.values.filter((v) => v.labels.subgraph === subgraph).reduce((n, v) => n + v.value, 0);
}

describe('gateway mode over the example content subgraph', () => {
  let content: ContentSubgraph;
  let server: TestServer;

  before(async () => {
    const db = demoErpInMemory({ seed: 5, articles: 300, customers: 10, today: '2026-11-30' });
    content = await createContentSubgraph(readCatalog(db));
    server = await startTestServer(db, { env: { GATEWAY_SUBGRAPHS: `content=${content.url}`, RATE_LIMITS: 'off' } });
  });
  after(async () => {
    await server.close();
    await content.close();
  });

  test('a 48-product category page has content and prices: one fetch from Ponte, one _entities call to the content subgraph', async () => {
    content.resetStats();
    const ponteBefore = await fetchesFrom(server, 'ponte');
    const res = await server.gql(PAGE);
    assert.equal(res.status, 200);
    assert.equal(res.body.errors, undefined);
    assert.equal((await fetchesFrom(server, 'ponte')) - ponteBefore, 1);
    const nodes = res.body.data.catalog.edges.map((e: { node: unknown }) => e.node) as Array<{ title: string | null; slug: string; price: { unitPrice: string } | null }>;
    assert.equal(nodes.length, 48);
    assert.ok(nodes.every((n) => typeof n.title === 'string' && n.title.length > 0 && n.slug.length > 0));
    assert.ok(nodes.some((n) => n.price !== null));
    assert.equal(content.stats.entityCalls, 1);
    assert.equal(content.stats.entityRepresentations, 48);
  });

  test('a content-rooted page of 48 fetches from Ponte once, for all its products', async () => {
    content.resetStats();
    const before = await fetchesFrom(server, 'ponte');
    const res = await server.gql('{ featuredProducts(first: 48) { sku title price { unitPrice } availability { status } } }');
    assert.equal(res.body.errors, undefined);
    assert.equal(res.body.data.featuredProducts.length, 48);
    assert.equal((await fetchesFrom(server, 'ponte')) - before, 1);
    assert.equal(content.stats.requests, 1);
  });

  test('a page answered once is answered again from the response cache, content subgraph or not', async () => {
    await server.gql(PAGE);
    content.resetStats();
    const hits = server.app.cache.responses.hits;
    const res = await server.gql(PAGE);
    assert.equal(res.body.errors, undefined);
    assert.equal(server.app.cache.responses.hits, hits + 1);
    assert.equal(content.stats.requests, 0);
  });

  test('the content subgraph down: prices and stock stay, content is null with SUBGRAPH_UNAVAILABLE naming it', async () => {
    content.controls.failing = true;
    try {
      const res = await server.gql(UNCACHED_PAGES[0]!);
      assert.equal(res.status, 200);
      const nodes = res.body.data.catalog.edges.map((e: { node: unknown }) => e.node) as Array<{ sku: string; title: unknown; availability: unknown }>;
      assert.equal(nodes.length, 47);
      assert.ok(nodes.every((n) => n.title === null && n.availability !== null));
      const codes = (res.body.errors ?? []).map((e) => e.extensions as { code?: string; subgraph?: string });
      assert.ok(codes.length > 0);
      assert.ok(codes.every((c) => c.code === 'SUBGRAPH_UNAVAILABLE' && c.subgraph === 'content'));
    } finally {
      content.controls.failing = false;
    }
  });

  test('once its breaker is open, a failing subgraph is not called: the page is answered without it', async () => {
    content.controls.failing = true;
    try {
      for (let i = 1; i < 7; i++) await server.gql(UNCACHED_PAGES[i]!);
      content.resetStats();
      const res = await server.gql(UNCACHED_PAGES[7]!);
      assert.equal(content.stats.requests, 0);
      assert.ok(res.body.data.catalog.edges.length > 0);
      assert.equal(res.body.errors?.[0]?.extensions?.code, 'SUBGRAPH_UNAVAILABLE');
    } finally {
      content.controls.failing = false;
    }
  });
});
