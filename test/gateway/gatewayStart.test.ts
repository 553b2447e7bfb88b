/**
 * How gateway mode starts and changes: a composition error stops the start
 * with a message naming the subgraph and the field; a supergraph file
 * composed ahead of time serves as well as composing at start; polling
 * swaps in a subgraph's new schema; GATEWAY=off serves Ponte alone.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import gql from 'graphql-tag';
import { request } from 'undici';
import { buildPonteSchema } from '../../src/graphql/buildSchema';
import { composeFromSubgraphs } from '../../src/gateway/ponteGateway';
import { article, createFixtureDb, insertRows } from '../helpers/fixtureErp';
import { startTestServer } from '../helpers/testServer';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

/** A content subgraph with the given Product fields (each answers "<field> of <sku>"). */
async function contentSubgraph(fields: string[]): Promise<{ url: string; stop: () => Promise<void> }> {
  const typeDefs = gql(`${LINK} type Product @key(fields: "sku") { sku: ID! ${fields.map((f) => `${f}: String`).join(' ')} } type Query { contentVersion: Int }`);
  const resolvers = Object.fromEntries(fields.map((f) => [f, (p: { sku: string }) => `${f} of ${p.sku}`]));
  const server = new ApolloServer({ schema: buildSubgraphSchema({ typeDefs, resolvers: { Product: { __resolveReference: (r: { sku: string }) => r, ...resolvers } } as never }) });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, stop: () => server.stop() };
}

/** One address in front of whichever subgraph is current: a subgraph redeployed with a new schema. */
async function switchable(initial: string): Promise<{ url: string; target: { url: string }; stop: () => Promise<void> }> {
  const target = { url: initial };
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const upstream = await request(target.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.concat(chunks) });
    res.writeHead(upstream.statusCode, { 'content-type': 'application/json' });
    res.end(Buffer.from(await upstream.body.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, target, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

function ponteDb() {
  const db = createFixtureDb();
  insertRows(db, 'ecom_articles', [article('A1')]);
  return db;
}

describe('gateway start', () => {
  const stops: Array<() => Promise<void>> = [];
  after(async () => {
    for (const stop of stops.reverse()) await stop();
  });

  test('a content subgraph defining a field Ponte owns stops the start, naming the subgraph and the field', async () => {
    const clash = await contentSubgraph(['title', 'vatRate']);
    stops.push(clash.stop);
    await assert.rejects(startTestServer(ponteDb(), { env: { GATEWAY_SUBGRAPHS: `content=${clash.url}` } }), (error: Error) => {
      assert.match(error.message, /Product\.vatRate/);
      assert.match(error.message, /"content"/);
      return true;
    });
  });

  test('a subgraph that cannot be reached at start stops it, naming the subgraph', async () => {
    await assert.rejects(startTestServer(ponteDb(), { env: { GATEWAY_SUBGRAPHS: 'cms=http://127.0.0.1:1/graphql' } }), /Subgraph "cms" \(http:\/\/127\.0\.0\.1:1\/graphql\)/);
  });

  test('a supergraph file composed ahead of time serves like composing at start', async () => {
    const content = await contentSubgraph(['title']);
    stops.push(content.stop);
    const sdl = await composeFromSubgraphs({
      ponteSdl: printSubgraphSchema(await buildPonteSchema()),
      subgraphs: [{ name: 'content', url: content.url }],
      sdlTimeoutMs: 5_000,
    });
    const file = join(mkdtempSync(join(tmpdir(), 'ponte-supergraph-')), 'supergraph.graphql');
    writeFileSync(file, sdl);
    const server = await startTestServer(ponteDb(), { env: { SUPERGRAPH_FILE: file } });
    stops.push(() => server.close());
    const res = await server.gql('{ products(skus: ["A1"]) { sku erpDescription title } }');
    assert.deepEqual(res.body.data, { products: [{ sku: 'A1', erpDescription: 'Articolo A1', title: 'title of A1' }] });
  });

  test('with GATEWAY_POLL_MS a subgraph redeployed with a new field is composed in, without a restart', async () => {
    const v1 = await contentSubgraph(['title']);
    const v2 = await contentSubgraph(['title', 'subtitle']);
    const front = await switchable(v1.url);
    stops.push(v1.stop, v2.stop, front.stop);
    const server = await startTestServer(ponteDb(), { env: { GATEWAY_SUBGRAPHS: `content=${front.url}`, GATEWAY_POLL_MS: '50' } });
    stops.push(() => server.close());
    const query = '{ products(skus: ["A1"]) { title subtitle } }';
    assert.equal((await server.gql(query)).body.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
    front.target.url = v2.url;
    let answer: unknown = null;
    for (let attempt = 0; attempt < 100 && answer === null; attempt++) {
      const res = await server.gql(query);
      if (!res.body.errors) answer = res.body.data;
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.deepEqual(answer, { products: [{ title: 'title of A1', subtitle: 'subtitle of A1' }] });
  });

  test('GATEWAY=off serves Ponte alone, whatever subgraphs are listed', async () => {
    const content = await contentSubgraph(['title']);
    stops.push(content.stop);
    const server = await startTestServer(ponteDb(), { env: { GATEWAY: 'off', GATEWAY_SUBGRAPHS: `content=${content.url}` } });
    stops.push(() => server.close());
    const res = await server.gql('{ products(skus: ["A1"]) { title } }');
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
    const own = await server.gql('{ products(skus: ["A1"]) { sku erpDescription } }');
    assert.deepEqual(own.body.data, { products: [{ sku: 'A1', erpDescription: 'Articolo A1' }] });
  });
});
