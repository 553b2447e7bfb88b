/**
 * Issue 12, CORS in a real browser: a page served from another origin (a
 * second local HTTP server) calls Ponte with fetch, a JSON body and a bearer
 * token, which makes Chromium send a preflight first. Debian's chromium,
 * driven by playwright-core; .ci/run installs it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { article, createFixtureDb, customer, insertRows } from '../helpers/fixtureErp';
import { startTestServer, type TestServer } from '../helpers/testServer';

const CHROMIUM = process.env.PONTE_CHROMIUM ?? '/usr/bin/chromium';

/** A shop's page: plain HTML on its own origin, from which the test runs fetch. */
async function startPageServer(): Promise<{ origin: string; server: Server }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><html><head><title>shop</title></head><body>shop</body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Runs the storefront's call in the page: the answer's JSON, or the error fetch threw. */
async function fetchFromPage(browser: Browser, pageOrigin: string, ponteUrl: string, token: string): Promise<{ ok: unknown } | { error: string }> {
  const page = await browser.newPage();
  try {
    await page.goto(`${pageOrigin}/`);
    return await page.evaluate(
      async ({ url, bearer }) => {
        try {
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
            body: JSON.stringify({ query: '{ me { code } product(sku: "A1") { sku } }' }),
          });
          return { ok: { status: response.status, body: await response.json() } };
        } catch (error) {
          return { error: `${(error as Error).name}: ${(error as Error).message}` };
        }
      },
      { url: `${ponteUrl}/graphql`, bearer: token },
    );
  } finally {
    await page.close();
  }
}

describe('a cross-origin fetch from a page in Chromium', () => {
  let browser: Browser;
  let ponte: TestServer;
  let listed: { origin: string; server: Server };
  let unlisted: { origin: string; server: Server };
  let token: string;

  before(async () => {
    assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install --no-install-recommends chromium (.ci/run does)`);
    listed = await startPageServer();
    unlisted = await startPageServer();
    const db = createFixtureDb();
    insertRows(db, 'ecom_customers', [customer('C1')]);
    insertRows(db, 'ecom_articles', [article('A1')]);
    ponte = await startTestServer(db, { env: { CORS_ORIGINS: listed.origin } });
    token = await ponte.token({ role: 'customer', customer: 'C1' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  after(async () => {
    await browser?.close();
    await ponte?.close();
    for (const page of [listed, unlisted]) if (page) await new Promise((resolve) => page.server.close(resolve));
  });

  test('from an origin in CORS_ORIGINS, the call succeeds with the token', async () => {
    const outcome = await fetchFromPage(browser, listed.origin, ponte.url, token);
    assert.deepEqual(outcome, { ok: { status: 200, body: { data: { me: { code: 'C1' }, product: { sku: 'A1' } } } } });
  });

  test('from an origin not listed, the browser refuses it: TypeError, Failed to fetch', async () => {
    const outcome = await fetchFromPage(browser, unlisted.origin, ponte.url, token);
    assert.deepEqual(outcome, { error: 'TypeError: Failed to fetch' });
  });
});
