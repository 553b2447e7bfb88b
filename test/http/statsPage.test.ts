/**
 * The /stats page's files over plain HTTP: what is served, with which
 * headers, and nothing else (the page in a real browser is
 * statsPage.browser.test.ts).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { notFound } from '../../src/errors';
import { STATS_PAGE_CSP } from '../../src/http/statsPage';
import { projectRoot } from '../../src/projectRoot';
import { createFixtureDb } from '../helpers/fixtureErp';
import { rawRequest } from '../helpers/rawHttp';
import { startTestServer, type TestServer } from '../helpers/testServer';

// Italian: the installation's default language, no Accept-Language sent.
const NOT_FOUND_BODY = { errors: [{ message: notFound().messageIn('it'), extensions: { code: 'NOT_FOUND' } }] };

describe('the /stats page', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer(createFixtureDb());
  });
  after(() => server.close());

  test('/stats serves the page as HTML', async () => {
    const res = await rawRequest(`${server.url}/stats`);
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(res.text, readFileSync(join(projectRoot(), 'public', 'stats', 'index.html'), 'utf8'));
  });

  test('/stats/ serves the same page', async () => {
    const [bare, slash] = await Promise.all([rawRequest(`${server.url}/stats`), rawRequest(`${server.url}/stats/`)]);
    assert.equal(slash.status, 200);
    assert.equal(slash.text, bare.text);
  });

  test('the page is sent with a strict Content-Security-Policy and nosniff', async () => {
    const res = await rawRequest(`${server.url}/stats`);
    const csp = String(res.headers['content-security-policy']);
    assert.equal(csp, STATS_PAGE_CSP);
    assert.match(csp, /(^|; )default-src 'self'(;|$)/);
    assert.match(csp, /(^|; )script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*|https?:/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
  });

  test('the page has no inline script or style for the policy to block', async () => {
    const res = await rawRequest(`${server.url}/stats`);
    const scripts = [...res.text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
    assert.ok(scripts.length >= 2);
    for (const [tag, body] of scripts) {
      assert.match(tag, /src="\/stats\/assets\/[a-z.]+\.js"/);
      assert.equal(body!.trim(), '');
    }
    assert.doesNotMatch(res.text, /<style\b|\sstyle=|\son[a-z]+=/i);
  });

  test('every script and stylesheet the page names is served from /stats/assets', async () => {
    const page = (await rawRequest(`${server.url}/stats`)).text;
    const named = [...page.matchAll(/(?:src|href)="(\/stats\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    assert.deepEqual(named.sort(), ['/stats/assets/chart.umd.min.js', '/stats/assets/stats.css', '/stats/assets/stats.js']);
    for (const path of named) {
      const res = await rawRequest(`${server.url}${path}`);
      assert.equal(res.status, 200, path);
    }
  });

  test('the chart library is served from node_modules as JavaScript', async () => {
    const res = await rawRequest(`${server.url}/stats/assets/chart.umd.min.js`);
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.match(res.text, /^\/\*!\n \* Chart\.js v4\./);
  });

  test("the page's script and stylesheet have their content types", async () => {
    const [js, css] = await Promise.all([rawRequest(`${server.url}/stats/assets/stats.js`), rawRequest(`${server.url}/stats/assets/stats.css`)]);
    assert.equal(js.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(css.headers['content-type'], 'text/css; charset=utf-8');
  });

  test('files are revalidated by ETag: a matching If-None-Match gets 304 without a body', async () => {
    const first = await rawRequest(`${server.url}/stats/assets/stats.js`);
    assert.equal(first.headers['cache-control'], 'no-cache');
    const etag = String(first.headers.etag);
    assert.match(etag, /^"[\w-]+"$/);
    const again = await rawRequest(`${server.url}/stats/assets/stats.js`, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    assert.equal(again.text, '');
  });

  test('an unknown asset is NOT_FOUND with the coded error body', async () => {
    const res = await rawRequest(`${server.url}/stats/assets/chart.js`);
    assert.equal(res.status, 404);
    assert.deepEqual(JSON.parse(res.text), NOT_FOUND_BODY);
  });

  test('a path climbing out of the assets is NOT_FOUND, whatever its encoding', async () => {
    for (const path of ['/stats/assets/..%2F..%2Fpackage.json', '/stats/assets/%2e%2e%2fpackage.json', '/stats/assets/../../package.json', '/stats/assets/__proto__']) {
      const res = await rawRequest(`${server.url}${path}`);
      assert.equal(res.status, 404, path);
      assert.equal(JSON.parse(res.text).errors[0].extensions.code, 'NOT_FOUND', path);
    }
  });
});

test('STATS_PAGE=off serves no page and no assets', async () => {
  const server = await startTestServer(createFixtureDb(), { env: { STATS_PAGE: 'off' } });
  try {
    for (const path of ['/stats', '/stats/', '/stats/assets/stats.js', '/stats/assets/chart.umd.min.js']) {
      const res = await rawRequest(`${server.url}${path}`);
      assert.equal(res.status, 404, path);
      assert.deepEqual(JSON.parse(res.text), NOT_FOUND_BODY);
    }
  } finally {
    await server.close();
  }
});
