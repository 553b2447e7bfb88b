/**
 * The production surface (hardening rows 6, 12, 16): introspection,
 * suggestions and the subgraph SDL closed to the public, the ERP-calls
 * header gone in production, /metrics on its own listener, and client
 * mistakes coded and logged at info.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { createHash } from 'node:crypto';
import { getIntrospectionQuery } from 'graphql';
import pino from 'pino';
import { createPonteApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { SqliteErp } from '../../src/erp/sqlite';
import { errorCodes, rawRequest } from '../helpers/rawHttp';
import { TEST_SECRET, type TestServer } from '../helpers/testServer';
import { largeCatalogDb, startLargeCatalogServer } from '../helpers/largeCatalogErp';

const PRODUCTION = { NODE_ENV: 'production', METRICS_PORT: '0' };

describe('in production', () => {
  let server: TestServer;
  before(async () => {
    server = await startLargeCatalogServer(PRODUCTION);
  });
  after(() => server.close());

  test('introspection is refused', async () => {
    const res = await server.gql(getIntrospectionQuery());
    assert.equal(res.body.data, undefined);
    assert.ok(errorCodes(res.body).length > 0);
  });

  test('a misspelt field gets no "Did you mean" suggestion', async () => {
    const res = await server.gql('{ catalg { edges { node { sku } } } }');
    assert.equal(res.body.errors?.length, 1);
    assert.doesNotMatch(res.body.errors![0]!.message, /Did you mean/);
  });

  test('responses carry no x-ponte-erp-calls header', async () => {
    const res = await server.gql('{ product(sku: "H-0001") { sku } }');
    assert.equal(res.headers['x-ponte-erp-calls'], undefined);
  });

  test('/metrics is not served on the public port', async () => {
    const res = await rawRequest(`${server.url}/metrics`);
    assert.equal(res.status, 404);
  });

  test('/metrics is served on its own listener', async () => {
    const url = await server.app.listenMetrics();
    const res = await rawRequest(`${url}/metrics`);
    assert.equal(res.status, 200);
    assert.match(res.text, /ponte_erp_call_duration_seconds/);
  });
});

describe('production switches', () => {
  test('INTROSPECTION=true opens introspection in production', async () => {
    const server = await startLargeCatalogServer({ ...PRODUCTION, INTROSPECTION: 'true' });
    try {
      const res = await server.gql(getIntrospectionQuery());
      assert.equal(res.body.errors, undefined);
    } finally {
      await server.close();
    }
  });

  test('DEBUG_HEADERS=true brings back x-ponte-erp-calls in production', async () => {
    const server = await startLargeCatalogServer({ ...PRODUCTION, DEBUG_HEADERS: 'true' });
    try {
      const res = await server.gql('{ product(sku: "H-0001") { sku } }');
      assert.equal(res.headers['x-ponte-erp-calls'], '1');
    } finally {
      await server.close();
    }
  });
});

describe('_service { sdl }', () => {
  let server: TestServer;
  before(async () => {
    server = await startLargeCatalogServer();
  });
  after(() => server.close());

  test('is UNAUTHENTICATED for anonymous callers', async () => {
    const res = await server.gql('{ _service { sdl } }');
    assert.deepEqual(errorCodes(res.body), ['UNAUTHENTICATED']);
    assert.equal(res.body.data, undefined);
  });

  test('is FORBIDDEN for a customer', async () => {
    const res = await server.gql('{ _service { sdl } }', { token: await server.token({ role: 'customer', customer: 'C1' }) });
    assert.deepEqual(errorCodes(res.body), ['FORBIDDEN']);
    assert.equal(res.body.data, undefined);
  });

  test('is served to a service token', async () => {
    const res = await server.gql('{ _service { sdl } }', { token: await server.token({ role: 'service' }) });
    assert.equal(res.body.errors, undefined);
    assert.match(res.body.data._service.sdl, /type Product/);
  });
});

describe('client mistakes', () => {
  const logged: Array<{ level: number; msg: string }> = [];
  let url: string;
  let close: () => Promise<void>;
  before(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) logged.push(JSON.parse(line));
        done();
      },
    });
    const config = loadConfig({ AUTH_JWT_SECRET: TEST_SECRET, CHANGE_FEED_POLL_MS: '0', LOG_LEVEL: 'info' });
    const app = await createPonteApp({ config, adapter: new SqliteErp(largeCatalogDb()), logger: pino({ level: 'info' }, sink) });
    url = await app.listen('127.0.0.1', 0);
    close = () => app.close();
  });
  after(() => close());

  const post = (body: unknown) =>
    rawRequest(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  test('an APQ hash that does not match its query is PERSISTED_QUERY_HASH_MISMATCH (400), logged at info', async () => {
    logged.length = 0;
    const query = '{ __typename }';
    const wrong = createHash('sha256').update('something else').digest('hex');
    const res = await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: wrong } } });
    assert.equal(res.status, 400);
    assert.deepEqual(errorCodes(JSON.parse(res.text)), ['PERSISTED_QUERY_HASH_MISMATCH']);
    assert.ok(logged.some((l) => l.level === 30));
    assert.ok(!logged.some((l) => l.level >= 50));
  });

  test('_entities with a __typename that is not an entity is UNKNOWN_ENTITY_TYPE (400), logged at info', async () => {
    logged.length = 0;
    const res = await post({
      query: 'query E($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
      variables: { r: [{ __typename: 'Order', id: '1' }] },
    });
    assert.equal(res.status, 400);
    assert.deepEqual(errorCodes(JSON.parse(res.text)), ['UNKNOWN_ENTITY_TYPE']);
    assert.ok(logged.some((l) => l.level === 30));
    assert.ok(!logged.some((l) => l.level >= 50));
  });
});
