/**
 * The /stats page in a real headless Chromium over a generated demo ERP:
 * what a warehouse manager sees must be what the API answers, drawn, with
 * no call to any address but Ponte's. A screenshot goes to test-output/.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserTestsSkipped, launchChromium, testOutputPath } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { demoErpInMemory } from '../demo/demoDigest';

const TODAY = '2026-11-30';
const WAIT = { timeout: 20_000 };
const CLASSES = ['FAST', 'REGULAR', 'SLOW', 'DEAD', 'NONE'] as const;

interface Summary {
  asOf: string;
  computedAt: string;
  warehouse: string | null;
  articles: number;
  toClear: number;
  byClass: Array<{ class: string; articles: number; onHand: string }>;
}
interface ToClearArticle {
  sku: string;
  description: string;
  unit: string;
  onHand: string;
  daysOfCover: string | null;
  class: string;
  lastSale: string | null;
  stockHistory: Array<{ date: string; onHand: string }>;
}

const SUMMARY = `query($warehouse: String) { warehouseStatsSummary(warehouse: $warehouse) {
  asOf computedAt warehouse articles toClear byClass { class articles onHand } } }`;
const TO_CLEAR = `query($warehouse: String) {
  warehouseStats(first: 50, filter: { toClear: true, warehouse: $warehouse }, orderBy: DAYS_OF_COVER_DESC) {
    totalCount edges { node { sku description unit onHand daysOfCover class lastSale stockHistory(days: 90) { date onHand } } } } }`;

/** Italian notation of an API decimal string, read independently of the page's code. */
function italianDecimal(text: string): string {
  const [int, frac] = text.split('.');
  const sign = int!.startsWith('-') ? '-' : '';
  const digits = int!.replace('-', '');
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return sign + grouped + (frac ? `,${frac}` : '');
}
const italianDate = (iso: string) => iso.split('-').reverse().join('/');

/** The browser side, typed here: the project compiles without the DOM library. */
interface Canvas {
  width: number;
  height: number;
  getAttribute(name: string): string | null;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
}
const STORED_TOKEN = "sessionStorage.getItem('ponte.stats.token')";

describe('the /stats page in headless Chromium', { skip: browserTestsSkipped() }, () => {
  let server: TestServer;
  let browser: Browser;
  let serviceToken: string;
  let warehouseCodes: string[];

  async function api<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await server.gql<T>(query, { token: serviceToken, variables });
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    return res.body.data!;
  }

  /** A fresh tab (its own sessionStorage) that records every request and every console error. */
  async function openTab(): Promise<{ context: BrowserContext; page: Page; requests: string[]; problems: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(String(error)));
    return { context, page, requests, problems };
  }

  before(async () => {
    const db = demoErpInMemory({ seed: 7, articles: 400, customers: 10, today: TODAY });
    server = await startTestServer(db, { now: () => new Date(`${TODAY}T10:00:00Z`), env: { RATE_LIMITS: 'off' } });
    serviceToken = await server.token({ role: 'service' });
    browser = await launchChromium();
    const { statsWarehouses } = await api<{ statsWarehouses: Array<{ code: string }> }>('{ statsWarehouses { code } }');
    warehouseCodes = statsWarehouses.map((w) => w.code);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  describe('opened with a service token in the fragment', () => {
    let tab: Awaited<ReturnType<typeof openTab>>;
    before(async () => {
      tab = await openTab();
      await tab.page.goto(`${server.url}/stats#token=${serviceToken}`);
      await tab.page.waitForSelector('body[data-state="ready"], body[data-state="error"]', WAIT);
    });
    after(() => tab.context.close());

    test('the page is ready, with no error shown', async () => {
      assert.equal(await tab.page.getAttribute('body', 'data-state'), 'ready', await tab.page.textContent('#error') ?? '');
      assert.equal(await tab.page.isVisible('#error'), false);
    });

    test('the token leaves the address bar and stays in this tab only', async () => {
      assert.equal(new URL(tab.page.url()).hash, '');
      assert.doesNotMatch(tab.page.url(), /token/);
      assert.equal(await tab.page.evaluate(STORED_TOKEN), serviceToken);
      assert.equal(await tab.page.evaluate('localStorage.length'), 0);
    });

    test('asOf and computedAt are those of the figures for every warehouse', async () => {
      const { warehouseStatsSummary: all } = await api<{ warehouseStatsSummary: Summary }>(SUMMARY, { warehouse: null });
      assert.equal(await tab.page.getAttribute('#as-of', 'data-as-of'), all.asOf);
      assert.equal(await tab.page.getAttribute('#as-of', 'data-computed-at'), all.computedAt);
      assert.match((await tab.page.textContent('#as-of'))!, new RegExp(`Dati al ${italianDate(all.asOf)}`));
    });

    test('the class breakdown shows the API figures for all warehouses together and for each one', async () => {
      const scopes = [null, ...warehouseCodes];
      assert.ok(warehouseCodes.length >= 3);
      const shownScopes = await tab.page.$$eval('#class-table tbody tr', (rows) => rows.map((r) => r.getAttribute('data-warehouse')));
      assert.deepEqual(shownScopes, scopes.map((s) => s ?? ''));
      for (const scope of scopes) {
        const { warehouseStatsSummary: s } = await api<{ warehouseStatsSummary: Summary }>(SUMMARY, { warehouse: scope });
        const row = `#class-table tbody tr[data-warehouse="${scope ?? ''}"]`;
        const value = (selector: string) => tab.page.getAttribute(`${row} ${selector}`, 'data-value');
        assert.equal(await value('td[data-field="articles"]:not([data-class])'), String(s.articles), `${scope} articles`);
        assert.equal(await value('td[data-field="toClear"]'), String(s.toClear), `${scope} toClear`);
        for (const c of CLASSES) {
          const entry = s.byClass.find((b) => b.class === c)!;
          assert.equal(await value(`td[data-class="${c}"][data-field="articles"]`), String(entry.articles), `${scope} ${c}`);
          assert.equal(await value(`td[data-class="${c}"][data-field="onHand"]`), entry.onHand, `${scope} ${c} onHand`);
          assert.equal(await tab.page.textContent(`${row} td[data-class="${c}"][data-field="onHand"]`), italianDecimal(entry.onHand));
        }
      }
    });

    test('the breakdown chart is drawn', async () => {
      const drawn = await tab.page.$eval('#class-chart', (canvas) => {
        const c = canvas as unknown as Canvas;
        const pixels = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let painted = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) painted++;
        return painted;
      });
      assert.ok(drawn > 1000, `${drawn} painted pixels`);
    });

    test('the to-clear list shows the API articles in days-of-cover order, with their figures', async () => {
      const { warehouseStats } = await api<{ warehouseStats: { totalCount: number; edges: Array<{ node: ToClearArticle }> } }>(TO_CLEAR, { warehouse: null });
      const expected = warehouseStats.edges.map((e) => e.node);
      assert.ok(expected.length > 0, 'the demo ERP has articles to clear');
      assert.equal(await tab.page.getAttribute('#to-clear-count', 'data-total'), String(warehouseStats.totalCount));
      const shown = await tab.page.$$eval('#to-clear-table tbody tr', (rows) =>
        rows.map((row) => {
          const field = (name: string) => row.querySelector(`[data-field="${name}"]`)!;
          const read = (name: string) => ({ value: field(name).getAttribute('data-value'), text: field(name).textContent });
          return {
            sku: row.getAttribute('data-sku'),
            description: read('description'),
            onHand: read('onHand'),
            daysOfCover: read('daysOfCover'),
            class: read('class'),
            lastSale: read('lastSale'),
          };
        }),
      );
      assert.deepEqual(
        shown.map((r) => r.sku),
        expected.map((a) => a.sku),
      );
      expected.forEach((a, i) => {
        const r = shown[i]!;
        assert.deepEqual(r.description, { value: a.description, text: a.description });
        assert.deepEqual(r.onHand, { value: a.onHand, text: `${italianDecimal(a.onHand)} ${a.unit}` });
        assert.deepEqual(r.daysOfCover, a.daysOfCover === null ? { value: '', text: 'nessuna vendita' } : { value: a.daysOfCover, text: italianDecimal(a.daysOfCover) });
        assert.deepEqual(r.class, { value: a.class, text: a.class });
        assert.deepEqual(r.lastSale, a.lastSale === null ? { value: '', text: 'mai' } : { value: a.lastSale, text: italianDate(a.lastSale) });
      });
    });

    test('every to-clear row has its 90-day stock sparkline drawn', async () => {
      const sparklines = await tab.page.$$eval('#to-clear-table tbody tr canvas.sparkline', (canvases) =>
        canvases.map((canvas) => {
          const c = canvas as unknown as Canvas;
          const pixels = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
          let painted = 0;
          for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) painted++;
          return { points: c.getAttribute('data-points'), painted };
        }),
      );
      assert.equal(sparklines.length, await tab.page.locator('#to-clear-table tbody tr').count());
      for (const s of sparklines) {
        assert.equal(s.points, '90');
        assert.ok(s.painted > 50, `${s.painted} painted pixels`);
      }
    });

    test('a screenshot of the page is written to test-output/stats.png', async () => {
      const path = testOutputPath('stats.png');
      const png = await tab.page.screenshot({ path, fullPage: true });
      assert.deepEqual([...png.subarray(1, 4)], [...Buffer.from('PNG')]);
    });

    test("choosing a warehouse lists that warehouse's articles to clear", async () => {
      const code = warehouseCodes[0]!;
      const { warehouseStats } = await api<{ warehouseStats: { totalCount: number; edges: Array<{ node: ToClearArticle }> } }>(TO_CLEAR, { warehouse: code });
      await tab.page.selectOption('#warehouse', code);
      await tab.page.waitForSelector(`#to-clear[data-state="ready"][data-warehouse="${code}"]`, WAIT);
      const skus = await tab.page.$$eval('#to-clear-table tbody tr', (rows) => rows.map((r) => r.getAttribute('data-sku')));
      assert.deepEqual(skus, warehouseStats.edges.map((e) => e.node.sku));
      const onHands = await tab.page.$$eval('#to-clear-table tbody tr [data-field="onHand"]', (cells) => cells.map((c) => c.getAttribute('data-value')));
      assert.deepEqual(onHands, warehouseStats.edges.map((e) => e.node.onHand));
      assert.equal(await tab.page.getAttribute('#to-clear-count', 'data-total'), String(warehouseStats.totalCount));
    });

    test("the page called no address but Ponte's own, and the browser reported no error (no policy violation)", async () => {
      const origin = new URL(server.url).origin;
      const elsewhere = tab.requests.filter((url) => new URL(url).origin !== origin);
      assert.deepEqual(elsewhere, []);
      assert.ok(tab.requests.some((url) => url.endsWith('/stats/assets/chart.umd.min.js')));
      assert.ok(tab.requests.some((url) => url.endsWith('/graphql')));
      assert.deepEqual(tab.problems, []);
    });
  });

  test('a customer token gets the FORBIDDEN message and the token form again', async () => {
    const tab = await openTab();
    try {
      const customerToken = await server.token({ role: 'customer', customer: 'C00001' });
      await tab.page.goto(`${server.url}/stats#token=${customerToken}`);
      await tab.page.waitForSelector('body[data-state="error"]', WAIT);
      assert.equal(await tab.page.getAttribute('#error', 'data-code'), 'FORBIDDEN');
      const message = (await tab.page.textContent('#error'))!;
      assert.match(message, /FORBIDDEN/);
      assert.match(message, /servono i ruoli service o agent/);
      assert.equal(await tab.page.isVisible('#token-form'), true);
      assert.equal(await tab.page.isVisible('#content'), false);
      assert.equal(await tab.page.evaluate(STORED_TOKEN), null);
    } finally {
      await tab.context.close();
    }
  });

  test('a token Ponte does not trust gets the UNAUTHENTICATED message and the token form again', async () => {
    const tab = await openTab();
    try {
      const expired = await server.token({ role: 'service' }, -60);
      await tab.page.goto(`${server.url}/stats#token=${expired}`);
      await tab.page.waitForSelector('body[data-state="error"]', WAIT);
      assert.equal(await tab.page.getAttribute('#error', 'data-code'), 'UNAUTHENTICATED');
      assert.match((await tab.page.textContent('#error'))!, /Token non valido o scaduto/);
      assert.equal(await tab.page.isVisible('#token-form'), true);
      assert.equal(await tab.page.evaluate(STORED_TOKEN), null);
    } finally {
      await tab.context.close();
    }
  });

  test('without a token the page asks for one, and an agent token typed in opens it', async () => {
    const tab = await openTab();
    try {
      await tab.page.goto(`${server.url}/stats`);
      await tab.page.waitForSelector('body[data-state="login"]', WAIT);
      assert.equal(await tab.page.getAttribute('#token-input', 'type'), 'password');
      await tab.page.fill('#token-input', await server.token({ role: 'agent', agent: 'AG01' }));
      await tab.page.click('#token-form button[type="submit"]');
      await tab.page.waitForSelector('body[data-state="ready"], body[data-state="error"]', WAIT);
      assert.equal(await tab.page.getAttribute('body', 'data-state'), 'ready', await tab.page.textContent('#error') ?? '');
      assert.doesNotMatch(tab.page.url(), /token|eyJ/);
      assert.ok((await tab.page.locator('#class-table tbody tr').count()) > 1);
    } finally {
      await tab.context.close();
    }
  });
});
