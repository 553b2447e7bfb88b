/**
 * RemoteSubgraph inside @apollo/gateway, end to end: a supergraph composed
 * from two tiny subgraphs, "ponte" (prices, in-process through
 * LocalGraphQLDataSource) and "content" (titles, over HTTP through
 * RemoteSubgraph). When content fails, the answer keeps Ponte's fields, has
 * the content fields null and one SUBGRAPH_UNAVAILABLE error naming
 * "content", also after Ponte's own formatError (src/http/formatError.ts),
 * which masks every error that is not a PonteError; and what the gateway
 * alone makes of it (code and subgraph kept, serviceName added).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeServices } from '@apollo/composition';
import { ApolloGateway, LocalGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer, type ApolloServerOptions, type BaseContext } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphql } from 'graphql';
import gql from 'graphql-tag';
import pino from 'pino';
import { Registry } from 'prom-client';
import { RemoteSubgraph } from '../../src/gateway/remoteSubgraph';
import { SubgraphMetrics } from '../../src/gateway/subgraphMetrics';
import { createFormatError } from '../../src/http/formatError';

const PRICES: Record<string, number> = { A1: 10.5, B2: 20 };
const TITLES: Record<string, string> = { A1: 'Vite a testa piana', B2: 'Tassello in nylon' };

const ponteTypeDefs = gql`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query {
    products: [Product!]!
  }
  type Product @key(fields: "sku") {
    sku: ID!
    price: Float!
  }
`;
const contentTypeDefs = gql`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Product @key(fields: "sku") {
    sku: ID!
    title: String
  }
`;

const ponteSchema = buildSubgraphSchema({
  typeDefs: ponteTypeDefs,
  resolvers: {
    Query: { products: () => Object.keys(PRICES).map((sku) => ({ sku })) },
    Product: { price: ({ sku }: { sku: string }) => PRICES[sku] },
  },
});
const contentSchema = buildSubgraphSchema({
  typeDefs: contentTypeDefs,
  resolvers: {
    Product: {
      __resolveReference: ({ sku }: { sku: string }) => ({ sku }),
      title: ({ sku }: { sku: string }) => TITLES[sku] ?? null,
    },
  },
});

const QUERY = '{ products { sku price title } }';

interface Answer {
  data?: { products: Array<{ sku: string; price: number; title: string | null }> };
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

describe('RemoteSubgraph in @apollo/gateway', () => {
  let contentDown = false;
  let contentHits = 0;
  let server: Server;
  let apollo: ApolloServer;
  let remote: RemoteSubgraph;
  const registry = new Registry();
  let supergraphSdl: string;
  const started: ApolloServer[] = [];
  async function startGateway(formatError?: ApolloServerOptions<BaseContext>['formatError']): Promise<ApolloServer> {
    const gateway = new ApolloGateway({
      supergraphSdl,
      buildService: ({ name }) => (name === 'content' ? remote : new LocalGraphQLDataSource(ponteSchema)),
    });
    const apolloServer = new ApolloServer({ gateway, ...(formatError ? { formatError } : {}), includeStacktraceInErrorResponses: false });
    // start() loads the gateway (gateway.load()) and its supergraph.
    await apolloServer.start();
    started.push(apolloServer);
    return apolloServer;
  }

  before(async () => {
    server = createServer((req, res) => {
      contentHits += 1;
      if (contentDown) return void req.socket.destroy();
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', async () => {
        const { query, variables, operationName } = JSON.parse(body);
        const result = await graphql({ schema: contentSchema, source: query, variableValues: variables, operationName });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(result));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;

    const composed = composeServices([
      { name: 'ponte', typeDefs: ponteTypeDefs, url: 'in-process://ponte' },
      { name: 'content', typeDefs: contentTypeDefs, url },
    ]);
    assert.deepEqual(composed.errors ?? [], []);
    remote = new RemoteSubgraph({
      name: 'content',
      url,
      forwardHeaders: [],
      breaker: { consecutiveFailures: 2, halfOpenAfterMs: 60_000 },
      metrics: new SubgraphMetrics(registry),
      logger: pino({ level: 'silent' }),
    });
    supergraphSdl = composed.supergraphSdl!;
    // Messages in English, as for a caller sending Accept-Language: en (this gateway has no request to read it from).
    apollo = await startGateway(createFormatError(() => undefined, undefined, () => 'en'));
  });

  after(async () => {
    for (const apolloServer of started) await apolloServer.stop();
    await remote?.close();
    server?.closeAllConnections();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  });

  const run = async (on: ApolloServer = apollo) => {
    const response = await on.executeOperation({ query: QUERY });
    assert.equal(response.body.kind, 'single');
    // The gateway builds null-prototype objects: compared as the client reads them, as JSON.
    return response.body.kind === 'single' ? (JSON.parse(JSON.stringify(response.body.singleResult)) as Answer) : undefined;
  };

  test('one query spans both subgraphs', async () => {
    const result = await run();
    assert.equal(result?.errors, undefined);
    assert.deepEqual(result?.data, {
      products: [
        { sku: 'A1', price: 10.5, title: 'Vite a testa piana' },
        { sku: 'B2', price: 20, title: 'Tassello in nylon' },
      ],
    });
  });

  test('content down: Ponte fields present, content fields null, SUBGRAPH_UNAVAILABLE naming the subgraph', async () => {
    contentDown = true;
    const result = await run();
    assert.deepEqual(result?.data, {
      products: [
        { sku: 'A1', price: 10.5, title: null },
        { sku: 'B2', price: 20, title: null },
      ],
    });
    assert.equal(result?.errors?.length, 1);
    assert.equal(result?.errors?.[0]?.extensions?.code, 'SUBGRAPH_UNAVAILABLE');
    assert.equal(result?.errors?.[0]?.extensions?.subgraph, 'content');
    assert.equal(result?.errors?.[0]?.message, 'A content service is not answering; the rest of the answer is complete.');
  });

  test('with the breaker open the same answer comes without calling content', async () => {
    await run();
    assert.equal(remote.breakerState, 2);
    const hitsWhenOpen = contentHits;
    const result = await run();
    assert.equal(contentHits, hitsWhenOpen);
    assert.deepEqual(
      result?.data?.products.map((p) => p.price),
      [10.5, 20],
    );
    assert.equal(result?.errors?.[0]?.extensions?.code, 'SUBGRAPH_UNAVAILABLE');
    const counter = (await registry.getMetricsAsJSON()).find((m) => m.name === 'ponte_subgraph_requests_total');
    assert.equal(counter?.values.find((v) => v.labels.outcome === 'open')?.value, 1);
  });

  test('without Ponte formatError, @apollo/gateway keeps the code and subgraph and adds serviceName', async () => {
    const raw = await startGateway();
    const result = await run(raw);
    assert.deepEqual(result?.errors, [
      {
        message: 'A content service is not answering; the rest of the answer is complete.',
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'content', serviceName: 'content' },
      },
    ]);
  });
});
