import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { getIntrospectionQuery, parse, validate } from 'graphql';
import { buildPonteSchema } from '../../src/graphql/buildSchema';
import { complexityLimitRule } from '../../src/graphql/complexityLimit';
import { article, createFixtureDb, insertRows } from '../helpers/fixtureErp';
import { startTestServer, type TestServer } from '../helpers/testServer';

describe('query complexity', () => {
  let server: TestServer;
  before(async () => {
    const db = createFixtureDb();
    insertRows(db, 'ecom_articles', [article('A1')]);
    server = await startTestServer(db);
  });
  after(() => server.close());

  test('an operation selecting more than 2000 fields through aliases is QUERY_TOO_COMPLEX and runs nothing', async () => {
    const aliases = Array.from({ length: 700 }, (_, i) => `a${i}: product(sku: "A1") { sku unit }`).join(' ');
    const res = await server.gql(`{ ${aliases} }`);
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'QUERY_TOO_COMPLEX');
    assert.equal(res.body.data, undefined);
    assert.equal(res.erpCalls, 0);
  });

  test('fields reached through fragments count too', async () => {
    const res = await server.gql(
      `query { ${Array.from({ length: 500 }, (_, i) => `p${i}: product(sku: "A1") { ...F }`).join(' ')} } fragment F on Product { sku unit erpDescription family }`,
    );
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'QUERY_TOO_COMPLEX');
  });

  test('an ordinary page query is well within the limits', async () => {
    const res = await server.gql('{ catalog(first: 100) { edges { node { sku price { unitPrice explanation { kind } } availability { status } } } } }');
    assert.equal(res.body.errors, undefined);
  });
});

describe('introspection', () => {
  test('the standard introspection query passes the complexity limits', async () => {
    const db = createFixtureDb();
    const server = await startTestServer(db);
    try {
      const res = await server.gql(getIntrospectionQuery());
      assert.equal(res.body.errors, undefined);
    } finally {
      await server.close();
    }
  });
});

describe('complexity limit rule', () => {
  test('an operation nested deeper than maxDepth is QUERY_TOO_COMPLEX', async () => {
    const schema = await buildPonteSchema();
    const doc = parse('{ me { destinations { address { city } } } }');
    const errors = validate(schema, doc, [complexityLimitRule({ maxDepth: 3, maxFields: 100 })]);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]!.extensions.code, 'QUERY_TOO_COMPLEX');
    assert.equal(validate(schema, doc, [complexityLimitRule({ maxDepth: 4, maxFields: 100 })]).length, 0);
  });
});
