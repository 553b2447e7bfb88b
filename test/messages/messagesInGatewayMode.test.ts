/**
 * Italian and English messages in gateway mode: Ponte's part of the answer
 * (executed in process, its fetch cached) follows the caller's
 * Accept-Language as Ponte alone does, and SUBGRAPH_UNAVAILABLE, Ponte's
 * word for a content subgraph that did not answer, too.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import gql from 'graphql-tag';
import { article, createFixtureDb, customer, insertRows } from '../helpers/fixtureErp';
import { startTestServer, type TestServer } from '../helpers/testServer';

const CONTENT_SDL = gql`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Product @key(fields: "sku") {
    sku: ID!
    title: String
  }
`;

const ENGLISH = { 'accept-language': 'en-US,en;q=0.9' };

describe('messages in gateway mode', () => {
  let content: ApolloServer;
  let server: TestServer;
  let token: string;

  before(async () => {
    content = new ApolloServer({
      schema: buildSubgraphSchema({ typeDefs: CONTENT_SDL, resolvers: { Product: { title: (p: { sku: string }) => `Titolo ${p.sku}` } } }),
    });
    const { url } = await startStandaloneServer(content, { listen: { port: 0, host: '127.0.0.1' } });
    const db = createFixtureDb();
    insertRows(db, 'ecom_customers', [customer('C1')]);
    insertRows(db, 'ecom_articles', [article('A1')]);
    insertRows(db, 'ecom_price_list_items', [{ price_list_code: 'BASE', sku: 'A1', min_qty: '0', price: '10.0000', valid_from: null, valid_to: null }]);
    server = await startTestServer(db, { env: { GATEWAY_SUBGRAPHS: `content=${url}`, GATEWAY_TIMEOUT_MS: '500' } });
    token = await server.token({ role: 'customer', customer: 'C1' });
  });
  after(async () => {
    await server.close();
    await content.stop();
  });

  test("Ponte's explanation is in the caller's language, and a cached Italian part never reaches an English caller", async () => {
    const query = '{ products(skus: ["A1"]) { sku title price { explanation { description } } } }';
    const first = (res: { body: { data?: any } }) => res.body.data.products[0].price.explanation[0].description;
    const italian = await server.gql(query, { token });
    assert.equal(italian.body.data.products[0].title, 'Titolo A1');
    assert.match(first(italian), /^Prezzo di listino 10\.0000 dal listino BASE/);
    assert.match(first(await server.gql(query, { token, headers: ENGLISH })), /^List price 10\.0000 from price list BASE/);
    assert.match(first(await server.gql(query, { token })), /^Prezzo di listino/);
  });

  test("an error of Ponte's own subgraph is in the caller's language, with the same code", async () => {
    const query = '{ catalog(first: -1) { edges { node { sku title } } } }';
    const italian = await server.gql(query, { token });
    const english = await server.gql(query, { token, headers: ENGLISH });
    assert.equal(italian.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(english.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(italian.body.errors?.[0]?.message, 'first: deve essere un numero intero non negativo.');
    assert.equal(english.body.errors?.[0]?.message, 'first: must be a non-negative whole number.');
  });

  test("a content subgraph that does not answer is SUBGRAPH_UNAVAILABLE in the caller's language", async () => {
    await content.stop();
    const query = '{ products(skus: ["A1"]) { sku title } }';
    const italian = await server.gql(query, { token });
    const english = await server.gql(query, { token, headers: ENGLISH });
    assert.deepEqual(italian.body.data.products, [{ sku: 'A1', title: null }]);
    assert.equal(italian.body.errors?.[0]?.extensions?.code, 'SUBGRAPH_UNAVAILABLE');
    assert.equal(english.body.errors?.[0]?.extensions?.code, 'SUBGRAPH_UNAVAILABLE');
    assert.equal(italian.body.errors?.[0]?.message, 'Un servizio di contenuti non risponde; il resto della risposta è completo.');
    assert.equal(english.body.errors?.[0]?.message, 'A content service is not answering; the rest of the answer is complete.');
  });
});
