/**
 * Issue 12, developer tooling, in a real browser (Debian's chromium driven
 * by playwright-core): GraphiQL opened at /graphql loads and runs a query
 * with no request leaving Ponte's origin and nothing refused by its CSP, and
 * a token typed into the headers editor is sent with the query.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { article, createFixtureDb, customer, insertRows } from '../helpers/fixtureErp';
import { startTestServer, type TestServer } from '../helpers/testServer';

const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
/** Loading 3.5 MB of GraphiQL on a busy CI machine. */
const LOAD_TIMEOUT_MS = 60_000;

const QUERY_EDITOR = '.graphiql-query-editor .CodeMirror';
const HEADERS_EDITOR = '.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror';
const RESULT = '.graphiql-response .CodeMirror';

interface CodeMirrorElement {
  CodeMirror: { getValue(): string; setValue(value: string): void };
}

/** The page's document, as the functions run in the browser see it (the tests compile without DOM types). */
declare const document: { querySelector(selector: string): unknown };

let server: TestServer;
let browser: Browser;

before(async () => {
  const db = createFixtureDb();
  insertRows(db, 'ecom_customers', [customer('C1')]);
  insertRows(db, 'ecom_articles', [article('A1')]);
  server = await startTestServer(db);
  browser = await chromium.launch(CHROMIUM);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

interface Session {
  context: BrowserContext;
  page: Page;
  /** Every request the page made, by URL. */
  requests: string[];
  /** Console errors and uncaught exceptions: a CSP refusal shows up here. */
  problems: string[];
}

async function openGraphiql(): Promise<Session> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text().slice(0, 300));
  });
  page.on('pageerror', (e) => problems.push(e.message.slice(0, 300)));
  await page.goto(`${server.url}/graphql`);
  await page.waitForSelector(QUERY_EDITOR, { timeout: LOAD_TIMEOUT_MS });
  return { context, page, requests, problems };
}

const setEditor = (page: Page, selector: string, value: string) =>
  page.$eval(selector, (el, v) => (el as unknown as CodeMirrorElement).CodeMirror.setValue(v), value);

/** Clicks run and waits for the result pane to show a result. */
async function run(page: Page): Promise<unknown> {
  await page.click('.graphiql-execute-button');
  const handle = await page.waitForFunction(
    (selector) => {
      const el = document.querySelector(selector) as CodeMirrorElement | null;
      const text = el?.CodeMirror.getValue() ?? '';
      return text.trim().startsWith('{') ? text : false;
    },
    RESULT,
    { timeout: LOAD_TIMEOUT_MS },
  );
  return JSON.parse((await handle.jsonValue()) as string);
}

describe('GraphiQL in Chromium', () => {
  test('opens at /graphql, runs a query from the editor and shows its result', async () => {
    const { context, page } = await openGraphiql();
    try {
      await setEditor(page, QUERY_EDITOR, '{ catalog(first:1){ edges { node { sku } } } }');
      assert.deepEqual(await run(page), { data: { catalog: { edges: [{ node: { sku: 'A1' } }] } } });
    } finally {
      await context.close();
    }
  });

  test('no request leaves the server’s origin, and the CSP refuses nothing', async () => {
    const { context, page, requests, problems } = await openGraphiql();
    try {
      await setEditor(page, QUERY_EDITOR, '{ catalog(first:1){ edges { node { sku } } } }');
      await run(page);
      const origin = new URL(server.url).origin;
      assert.ok(requests.length >= 7, requests.join('\n'));
      assert.deepEqual(requests.filter((url) => new URL(url).origin !== origin), []);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('a token in the headers editor is sent with the query', async () => {
    const { context, page } = await openGraphiql();
    try {
      const token = await server.token({ role: 'customer', customer: 'C1' });
      await page.waitForSelector(HEADERS_EDITOR, { timeout: LOAD_TIMEOUT_MS });
      await setEditor(page, HEADERS_EDITOR, JSON.stringify({ Authorization: `Bearer ${token}` }));
      await setEditor(page, QUERY_EDITOR, '{ me { code } }');
      assert.deepEqual(await run(page), { data: { me: { code: 'C1' } } });
    } finally {
      await context.close();
    }
  });
});
