/**
 * Issue 12, CORS (CORS_ORIGINS): a listed origin's preflight succeeds, any
 * other origin gets no CORS header at all, preflights are neither
 * authenticated nor rate limited, and Apollo's CSRF prevention stays on.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'undici';
import { loadConfig } from '../../src/config/config';
import { ConfigError } from '../../src/errors';
import { article, createFixtureDb, insertRows } from '../helpers/fixtureErp';
import { errorCodes } from '../helpers/rawHttp';
import { TEST_SECRET, startTestServer, type GqlResponse, type TestServer } from '../helpers/testServer';

const SHOP = 'https://shop.example.it';
const OTHER = 'https://evil.example.com';
const REQUESTED_HEADERS = 'content-type, authorization, x-acting-customer, apollo-require-preflight, accept-language';

function fixtureDb() {
  const db = createFixtureDb();
  insertRows(db, 'ecom_articles', [article('A1')]);
  return db;
}

async function preflight(server: TestServer, origin: string) {
  const res = await request(`${server.url}/graphql`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': REQUESTED_HEADERS },
  });
  await res.body.dump();
  return { status: res.statusCode, headers: res.headers };
}

function corsHeaders(headers: Record<string, string | string[] | undefined>): string[] {
  return Object.keys(headers).filter((name) => name.startsWith('access-control-'));
}

function listOf(value: string | string[] | undefined): string[] {
  return String(value ?? '')
    .split(',')
    .map((v) => v.trim().toLowerCase())
    .filter((v) => v !== '');
}

describe('CORS with CORS_ORIGINS listing the shop', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer(fixtureDb(), { env: { CORS_ORIGINS: `${SHOP},http://localhost:3000` } });
  });
  after(() => server.close());

  test("the shop's preflight is 204, echoing its origin, with the methods, headers and max-age", async () => {
    const res = await preflight(server, SHOP);
    assert.equal(res.status, 204);
    assert.equal(res.headers['access-control-allow-origin'], SHOP);
    assert.deepEqual(listOf(res.headers['access-control-allow-methods']), ['get', 'post']);
    const allowed = listOf(res.headers['access-control-allow-headers']);
    for (const name of listOf(REQUESTED_HEADERS)) assert.ok(allowed.includes(name), `${name} in ${allowed.join(',')}`);
    assert.equal(res.headers['access-control-max-age'], '600');
    assert.ok(listOf(res.headers.vary).includes('origin'), String(res.headers.vary));
    assert.equal(res.headers['access-control-allow-credentials'], undefined);
  });

  test("another origin's preflight gets no CORS header", async () => {
    const res = await preflight(server, OTHER);
    assert.deepEqual(corsHeaders(res.headers), []);
    assert.notEqual(res.status, 204);
  });

  test("the shop's POST may read the answer and its ETag and Retry-After headers", async () => {
    const res = await server.gql('{ product(sku: "A1") { sku } }', { headers: { origin: SHOP } });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.data, { product: { sku: 'A1' } });
    assert.equal(res.headers['access-control-allow-origin'], SHOP);
    const exposed = listOf(res.headers['access-control-expose-headers']);
    assert.ok(exposed.includes('etag') && exposed.includes('retry-after'), exposed.join(','));
  });

  test("another origin's POST runs (CORS is the browser's to enforce) but carries no CORS header", async () => {
    const res = await server.gql('{ product(sku: "A1") { sku } }', { headers: { origin: OTHER } });
    assert.equal(res.status, 200);
    assert.deepEqual(corsHeaders(res.headers), []);
  });

  test("CSRF prevention stays on: the shop's simple GET without a preflight header is refused, BAD_REQUEST", async () => {
    const res = await request(`${server.url}/graphql?query=${encodeURIComponent('{ product(sku: "A1") { sku } }')}`, { headers: { origin: SHOP } });
    const body = (await res.body.json()) as GqlResponse['body'];
    assert.equal(res.statusCode, 400);
    assert.deepEqual(errorCodes(body), ['BAD_REQUEST']);
    assert.equal(body.data, undefined);
  });
});

describe('preflights and the rate limit', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer(fixtureDb(), { env: { CORS_ORIGINS: SHOP, RATE_LIMIT_MAX: '1' } });
  });
  after(() => server.close());

  test('preflights are answered before the rate limit counts anything, and need no token', async () => {
    // One request per window: ten preflights first, then the request still runs.
    for (let i = 0; i < 10; i++) assert.equal((await preflight(server, SHOP)).status, 204);
    const res = await server.gql('{ product(sku: "A1") { sku } }', { headers: { origin: SHOP } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal((await server.gql('{ product(sku: "A1") { sku } }', { headers: { origin: SHOP } })).status, 429);
  });
});

describe('CORS without CORS_ORIGINS', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer(fixtureDb());
  });
  after(() => server.close());

  test('no response carries a CORS header, preflight or POST', async () => {
    assert.deepEqual(corsHeaders((await preflight(server, SHOP)).headers), []);
    const res = await server.gql('{ product(sku: "A1") { sku } }', { headers: { origin: SHOP } });
    assert.equal(res.status, 200);
    assert.deepEqual(corsHeaders(res.headers), []);
  });
});

describe('CORS_ORIGINS=* outside production', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer(fixtureDb(), { env: { CORS_ORIGINS: '*' } });
  });
  after(() => server.close());

  test('any origin may call: allow-origin is *', async () => {
    const res = await preflight(server, OTHER);
    assert.equal(res.status, 204);
    assert.equal(res.headers['access-control-allow-origin'], '*');
  });
});

describe('CORS_ORIGINS configuration', () => {
  const load = (env: Record<string, string>) => loadConfig({ AUTH_JWT_SECRET: TEST_SECRET, ...env });
  const refusal = (env: Record<string, string>): string => {
    try {
      load(env);
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      return error.message;
    }
    assert.fail('expected a configuration error');
  };

  test('* is refused in production with a configuration error naming CORS_ORIGINS', () => {
    assert.match(refusal({ NODE_ENV: 'production', CORS_ORIGINS: '*' }), /CORS_ORIGINS: `\*` \(any origin\) is refused in production/);
  });

  test('listed origins are accepted in production', () => {
    assert.deepEqual(load({ NODE_ENV: 'production', CORS_ORIGINS: ` ${SHOP} , https://agenti.example.it:8443` }).surface.corsOrigins, [
      SHOP,
      'https://agenti.example.it:8443',
    ]);
  });

  test('an entry that is not an origin exactly as browsers send it is refused', () => {
    for (const entry of [`${SHOP}/`, `${SHOP}/shop`, 'shop.example.it', 'https://Shop.example.it', 'ftp://shop.example.it']) {
      assert.match(refusal({ CORS_ORIGINS: entry }), /CORS_ORIGINS: .* is not an origin/, entry);
    }
  });

  test('unset is no origin at all', () => {
    assert.deepEqual(load({}).surface.corsOrigins, []);
  });
});
