/**
 * Issue 12, developer tooling: a browser opening GET /graphql gets GraphiQL
 * served from Ponte itself (GRAPHIQL: on outside production, off in it
 * unless set), under a CSP of 'self' only; its assets are a fixed list of
 * files; clients asking for JSON are answered as before; in production the
 * browser gets what Apollo answers without a landing page (a 400 JSON error).
 * The page running in a real browser: graphiqlBrowser.test.ts.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { get as httpGet } from 'node:http';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GRAPHIQL_CSP, prefersHtml } from '../../src/http/graphiql';
import { loadConfig } from '../../src/config/config';
import { ConfigError } from '../../src/errors';
import { article, createFixtureDb, insertRows } from '../helpers/fixtureErp';
import { rawRequest } from '../helpers/rawHttp';
import { TEST_SECRET, startTestServer, type TestServer } from '../helpers/testServer';

/** What Chromium sends when navigating to a URL. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

function catalogDb() {
  const db = createFixtureDb();
  insertRows(db, 'ecom_articles', [article('A1')]);
  return db;
}

const openInBrowser = (server: TestServer) => rawRequest(`${server.url}/graphql`, { headers: { accept: BROWSER_ACCEPT } });

/** Every URL the page refers to (src and href attributes). */
const referencedUrls = (html: string) => [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);

/** A request with its path sent exactly as written (no URL normalisation of `..`). */
function rawPath(server: TestServer, path: string): Promise<number> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    httpGet({ host: hostname, port, path }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

describe('prefersHtml', () => {
  test('a browser navigation prefers HTML', () => {
    assert.equal(prefersHtml(BROWSER_ACCEPT), true);
    assert.equal(prefersHtml('application/json;q=0.5, text/html'), true);
  });

  test('JSON, anything, no Accept, or HTML ranked at or below JSON does not', () => {
    for (const accept of [undefined, '', '*/*', 'application/json', 'application/graphql-response+json, application/json;q=0.9', 'text/html;q=0.5, application/json', 'text/html, application/json', 'text/html;q=0']) {
      assert.equal(prefersHtml(accept), false, String(accept));
    }
  });
});

describe('GRAPHIQL', () => {
  test('is on outside production and off in production unless set', () => {
    const env = { AUTH_JWT_SECRET: TEST_SECRET };
    assert.equal(loadConfig(env).surface.graphiql, true);
    assert.equal(loadConfig({ ...env, NODE_ENV: 'production' }).surface.graphiql, false);
    assert.equal(loadConfig({ ...env, NODE_ENV: 'production', GRAPHIQL: 'on' }).surface.graphiql, true);
    assert.equal(loadConfig({ ...env, GRAPHIQL: 'off' }).surface.graphiql, false);
  });

  test('anything but on or off is a configuration error naming it', () => {
    assert.throws(() => loadConfig({ AUTH_JWT_SECRET: TEST_SECRET, GRAPHIQL: 'true' }), (e: unknown) => e instanceof ConfigError && /GRAPHIQL/.test(e.message));
  });
});

describe('in development', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer(catalogDb());
  });
  after(() => server.close());

  test('a browser opening GET /graphql gets the GraphiQL page under a CSP of self only', async () => {
    const res = await openInBrowser(server);
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(res.headers['content-security-policy'], GRAPHIQL_CSP);
    assert.match(GRAPHIQL_CSP, /script-src 'self';/);
    assert.doesNotMatch(GRAPHIQL_CSP, /unsafe-|https?:/);
    // The same URL answers JSON to clients: the page varies by Accept (and whatever else the answers vary by).
    assert.match(String(res.headers.vary), /(^|, )Accept(,|$)/);
    assert.match(res.text, /<div id="graphiql">/);
  });

  test('the page refers to nothing but its own assets, relative to /graphql, and has no inline script or style', async () => {
    const { text } = await openInBrowser(server);
    const urls = referencedUrls(text);
    assert.equal(urls.length, 7, urls.join(' '));
    for (const url of urls) assert.match(url, /^(graphiql\/assets\/[\w.-]+|data:,)$/);
    assert.doesNotMatch(text, /<script>|<style|\sstyle=|\son\w+=/i);
    assert.doesNotMatch(text, /https?:/);
  });

  test('the page names no server or version of Apollo or Ponte', async () => {
    const res = await openInBrowser(server);
    assert.doesNotMatch(res.text, /apollo|5\.5\.1|0\.1\.0/i);
    assert.equal(res.headers.server, undefined);
    assert.equal(res.headers['x-powered-by'], undefined);
  });

  test('every asset the page names is served with its content type, vendor files byte for byte from their packages', async () => {
    const { text } = await openInBrowser(server);
    const expected: Record<string, string> = {
      'graphiql/assets/react-18.3.1.production.min.js': join(packageDir('react'), 'umd/react.production.min.js'),
      'graphiql/assets/react-dom-18.3.1.production.min.js': join(packageDir('react-dom'), 'umd/react-dom.production.min.js'),
      'graphiql/assets/graphiql-3.8.3.min.js': join(packageDir('graphiql'), 'graphiql.min.js'),
      'graphiql/assets/graphiql-3.8.3.min.css': join(packageDir('graphiql'), 'graphiql.min.css'),
    };
    for (const url of referencedUrls(text).filter((u) => u.startsWith('graphiql/'))) {
      const res = await rawRequest(`${server.url}/${url}`);
      assert.equal(res.status, 200, url);
      assert.equal(res.headers['content-type'], url.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8', url);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
      if (expected[url]) {
        assert.equal(res.text, readFileSync(expected[url], 'utf8'), url);
        assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable', url);
      }
    }
  });

  test('a name not on the asset list is 404, however it is spelt', async () => {
    for (const path of [
      '/graphiql/assets/graphiql.min.js',
      '/graphiql/assets/graphiql-3.8.3.min.js.map',
      '/graphiql/assets/..%2F..%2Fpackage.json',
      '/graphiql/assets/%2e%2e%2fpackage.json',
      '/graphiql/assets/../../package.json',
      '/graphiql/assets/..',
      '/graphiql/assets/__proto__',
      '/graphiql/assets/',
    ]) {
      assert.equal(await rawPath(server, path), 404, path);
    }
  });

  test('a client asking for JSON still gets GraphQL over GET and POST', async () => {
    const get = await rawRequest(`${server.url}/graphql?query=${encodeURIComponent('{ catalog(first: 1) { edges { node { sku } } } }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    assert.equal(get.status, 200);
    assert.deepEqual(JSON.parse(get.text), { data: { catalog: { edges: [{ node: { sku: 'A1' } }] } } });
    const post = await server.gql('{ catalog(first: 1) { edges { node { sku } } } }', { headers: { accept: BROWSER_ACCEPT } });
    assert.deepEqual(post.body.data, { catalog: { edges: [{ node: { sku: 'A1' } }] } });
  });
});

/** What Apollo answers a browser without a landing page: its CSRF refusal, as JSON. */
async function assertNoPage(server: TestServer) {
  const res = await openInBrowser(server);
  assert.equal(res.status, 400);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  assert.ok(Array.isArray(JSON.parse(res.text).errors));
  assert.doesNotMatch(res.text, /<html|apollo-server-landing-page|cdn\./i);
  assert.equal((await rawRequest(`${server.url}/graphiql/assets/graphiql-3.8.3.min.js`)).status, 404);
}

describe('in production', () => {
  test('a browser gets no page (a 400 JSON error, as Apollo answers without a landing page) and no assets', async () => {
    const server = await startTestServer(catalogDb(), { env: { NODE_ENV: 'production' } });
    try {
      await assertNoPage(server);
    } finally {
      await server.close();
    }
  });

  test('GRAPHIQL=on serves the page in production', async () => {
    const server = await startTestServer(catalogDb(), { env: { NODE_ENV: 'production', GRAPHIQL: 'on' } });
    try {
      const res = await openInBrowser(server);
      assert.equal(res.status, 200);
      assert.match(res.text, /<div id="graphiql">/);
    } finally {
      await server.close();
    }
  });
});

test('GRAPHIQL=off outside production serves no page', async () => {
  const server = await startTestServer(catalogDb(), { env: { GRAPHIQL: 'off' } });
  try {
    await assertNoPage(server);
  } finally {
    await server.close();
  }
});
