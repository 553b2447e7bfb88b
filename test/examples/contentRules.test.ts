/**
 * The two rules for content subgraphs (examples/content-subgraph/schema.ts),
 * shown through a stock @apollo/gateway: the example content subgraph, which
 * follows them, against a strict twin that does not ([Product!]! and
 * images: [Image!]!). The Ponte side is a stand-in with Ponte's shape for
 * the point made here: a non-null field of its own, and null from
 * `_entities` for a sku the viewer may not see.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApolloGateway, IntrospectAndCompose } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import gql from 'graphql-tag';
import { createContentCatalog } from '../../examples/content-subgraph/catalog';
import type { ContentArticle } from '../../examples/content-subgraph/contentFor';
import { CONTENT_TYPE_DEFS } from '../../examples/content-subgraph/schema';
import { createContentSubgraph, type ContentSubgraph } from '../../examples/content-subgraph/server';

const ARTICLES: ContentArticle[] = [
  { sku: 'A1', erpDescription: 'Articolo uno', familyCode: null },
  { sku: 'A2', erpDescription: 'Articolo due', familyCode: null },
  { sku: 'A3', erpDescription: 'Articolo tre', familyCode: null },
];
/** The viewer may not see A2: Ponte's _entities answers null for it. */
const HIDDEN = 'A2';

async function listen(server: ApolloServer, context?: () => Promise<object>): Promise<string> {
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' }, ...(context ? { context } : {}) });
  return url;
}

function ponteStandIn(): ApolloServer {
  const product = (sku: string) => (sku === HIDDEN ? null : { sku, erpDescription: `ERP ${sku}`, price: 9.5 });
  return new ApolloServer({
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    schema: buildSubgraphSchema({
      typeDefs: gql`
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
        type Product @key(fields: "sku") { sku: ID! erpDescription: String! price: Float }
        type Query { products(skus: [ID!]!): [Product]! }
      `,
      resolvers: {
        Query: { products: (_: unknown, args: { skus: string[] }) => args.skus.map(product) },
        Product: { __resolveReference: (ref: { sku: string }) => product(ref.sku) },
      } as never,
    }),
  });
}

/** The example's schema with the two rules broken, and a switch to take it down. */
function strictTwin(down: { value: boolean }): { server: ApolloServer; context: () => Promise<object> } {
  const catalog = createContentCatalog(ARTICLES);
  const sdl = CONTENT_TYPE_DEFS.loc!.source.body.replace('images: [Image!]\n', 'images: [Image!]!\n').replace('[Product]!', '[Product!]!');
  assert.notEqual(sdl, CONTENT_TYPE_DEFS.loc!.source.body);
  const server = new ApolloServer({
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    schema: buildSubgraphSchema({
      typeDefs: gql(sdl),
      resolvers: {
        Query: { featuredProducts: (_: unknown, args: { first: number }) => catalog.featured(args.first) },
        Product: { __resolveReference: (ref: { sku: string }) => catalog.bySku(ref.sku) },
      } as never,
    }),
  });
  return {
    server,
    context: async () => {
      if (down.value) throw new Error('down');
      return {};
    },
  };
}

async function gatewayOver(ponteUrl: string, contentUrl: string): Promise<ApolloServer> {
  const gateway = new ApolloGateway({
    supergraphSdl: new IntrospectAndCompose({ subgraphs: [{ name: 'ponte', url: ponteUrl }, { name: 'content', url: contentUrl }] }),
    logger: { debug() {}, info() {}, warn() {}, error() {} },
  });
  const server = new ApolloServer({ gateway, stopOnTerminationSignals: false, logger: { debug() {}, info() {}, warn() {}, error() {} } });
  await server.start();
  return server;
}

async function data(gateway: ApolloServer, query: string): Promise<any> {
  const response = await gateway.executeOperation({ query });
  assert.equal(response.body.kind, 'single');
  // Through JSON, as a client sees it: the gateway builds objects without a prototype.
  return response.body.kind === 'single' ? JSON.parse(JSON.stringify(response.body.singleResult.data ?? null)) : undefined;
}

const FEATURED = '{ featuredProducts(first: 3) { sku erpDescription title } }';
const PAGE = '{ products(skus: ["A1", "A3"]) { sku price title images { url } } }';

describe('rules for content subgraphs, through a stock gateway', () => {
  const ponte = ponteStandIn();
  const strictDown = { value: false };
  const strict = strictTwin(strictDown);
  let content: ContentSubgraph;
  let gateway: ApolloServer;
  let strictGateway: ApolloServer;

  before(async () => {
    const ponteUrl = await listen(ponte);
    content = await createContentSubgraph(ARTICLES);
    gateway = await gatewayOver(ponteUrl, content.url);
    strictGateway = await gatewayOver(ponteUrl, await listen(strict.server, strict.context));
  });
  after(async () => {
    await gateway.stop();
    await strictGateway.stop();
    await content.close();
    await strict.server.stop();
    await ponte.stop();
  });

  test('1. [Product]!: a sku the viewer may not see costs its item; [Product!]! loses the list', async () => {
    const followed = await data(gateway, FEATURED);
    assert.deepEqual(
      followed.featuredProducts.map((p: { sku: string } | null) => p?.sku ?? null),
      ['A1', null, 'A3'],
    );
    assert.equal(await data(strictGateway, FEATURED), null);
  });

  test('2. nullable content fields: with the content subgraph down, Ponte’s fields stay; one non-null content field nulls every Product', async () => {
    content.controls.failing = true;
    strictDown.value = true;
    try {
      const followed = await data(gateway, PAGE);
      assert.deepEqual(followed.products, [
        { sku: 'A1', price: 9.5, title: null, images: null },
        { sku: 'A3', price: 9.5, title: null, images: null },
      ]);
      const broken = await data(strictGateway, PAGE);
      assert.deepEqual(broken.products, [null, null]);
    } finally {
      content.controls.failing = false;
      strictDown.value = false;
    }
  });
});
