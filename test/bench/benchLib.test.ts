/**
 * The benchmark's own pieces (never its figures: performance is reported,
 * not asserted): the Zipf sampler, the storefront mix, the abuser's varying
 * documents, the flags, the naive server and the ceiling answering, and the
 * k6 scripts staying valid JavaScript modules.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { parseArgs } from '../../bench/lib/args';
import { startChildServer } from '../../bench/lib/childServer';
import { abuserScenario } from '../../bench/lib/fairness';
import { seeded } from '../../bench/lib/fixtures';
import { chooseStorefrontData, mixedScenario, pageQuery, zipfSampler } from '../../bench/lib/storefront';
import { buildNaiveDb } from '../../bench/naive/buildNaiveDb';
import { createDemoErpFile } from '../../src/demo/openDemoErp';
import { projectRoot } from '../../src/projectRoot';
import { dateInZone } from '../../src/settings/erpSettings';

describe('bench helpers', () => {
  test('Zipf sampler: rank 0 most frequent, every draw in range, seeded', () => {
    const draw = zipfSampler(1000, 1.1, seeded(1));
    const counts = new Array<number>(1000).fill(0);
    for (let i = 0; i < 20_000; i += 1) counts[draw()]! += 1;
    assert.ok(counts[0]! > counts[1]! && counts[1]! > counts[10]!);
    assert.equal(counts.reduce((a, b) => a + b, 0), 20_000);
    const again = zipfSampler(1000, 1.1, seeded(1));
    const other = zipfSampler(1000, 1.1, seeded(1));
    for (let i = 0; i < 100; i += 1) assert.equal(again(), other());
  });

  test('mixed traffic: anonymous visitors never quote, the same sequence for every target', () => {
    const data = { pages: [['A', 'B'], ['C', 'D']], skus: ['A', 'B', 'C', 'D'], customers: ['C1', 'C2', 'C3'] };
    const common = {
      data,
      carts: [[{ sku: 'A', quantity: '1' }]],
      customerHeaders: (code: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${code}` }),
      anonymousHeaders: { 'content-type': 'application/json' },
      anonymousShare: 0.6,
      zipfS: 1.1,
      seed: 5,
    };
    const ponte = mixedScenario('p', { ...common, target: 'ponte' });
    const naive = mixedScenario('n', { ...common, target: 'naive' });
    let anonymous = 0;
    for (let i = 0; i < 2000; i += 1) {
      const call = ponte.next(0)!;
      const twin = naive.next(0)!;
      const isQuote = call.body.includes('quote(');
      assert.equal(isQuote, twin.body.includes('quote('));
      assert.equal(twin.headers.authorization, undefined);
      if (!call.headers.authorization) {
        anonymous += 1;
        assert.ok(!isQuote, 'an anonymous visitor sent a quote');
      }
    }
    assert.ok(anonymous > 1000 && anonymous < 1400, `anonymous share ${anonymous / 2000}`);
  });

  test('the abuser sends a different document each time, the same cost', () => {
    const query = '{ p0: catalog(first: 2, family: "F") { edges { node { sku } } } p1: catalog(first: 2, family: "G") { edges { node { sku } } } }';
    const scenario = abuserScenario({ spec: { label: 'x', role: 'customer', customer: 'x' }, headers: {} }, query);
    const a = JSON.parse(scenario.next(0)!.body).query as string;
    const b = JSON.parse(scenario.next(0)!.body).query as string;
    assert.notEqual(a, b);
    assert.equal(a.replace(/a\w+_(\d+):/g, 'p$1:'), query);
  });

  test('--quick is small, the default is the issue size', () => {
    const quick = parseArgs(['--quick']);
    const full = parseArgs([]);
    assert.ok(quick !== 'help' && full !== 'help');
    assert.equal(quick.articles, 5000);
    assert.equal(full.articles, 100_000);
    assert.equal(full.customers, 5000);
    assert.equal(full.pageConnections, 50);
    assert.throws(() => parseArgs(['--only', 'nope']));
  });

  test('k6 scripts are valid ES modules', () => {
    const dir = join(projectRoot(), 'bench', 'k6');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
      const r = spawnSync(process.execPath, ['--input-type=module', '--check'], { input: readFileSync(join(dir, file)), encoding: 'utf8' });
      assert.equal(r.status, 0, `${file}: ${r.stderr}`);
    }
  });
});

describe('naive server and ceiling', () => {
  test('answer the category page in full', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ponte-bench-test-'));
    const children: Array<{ stop(): Promise<void> }> = [];
    try {
      const erp = join(dir, 'erp.sqlite');
      createDemoErpFile(erp, { seed: 7, articles: 400, customers: 20, today: dateInZone(new Date(), 'Europe/Rome') });
      const naiveDb = join(dir, 'naive.sqlite');
      buildNaiveDb(erp, naiveDb, dateInZone(new Date(), 'Europe/Rome'));
      const sf = chooseStorefrontData(erp);
      const page = sf.pages[0]!;
      const root = projectRoot();
      const env = { PATH: process.env.PATH ?? '' };
      const naive = await startChildServer({ mainJs: join(root, 'dist', 'bench', 'naive', 'naiveServer.js'), cwd: root, env: { ...env, NAIVE_DB: naiveDb } });
      children.push(naive);
      const res = await request(`${naive.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: pageQuery(page) }) });
      const json = (await res.body.json()) as { data: { products: Array<{ sku: string; price: { unitPrice: string } | null; availability: { status: string } }> } };
      assert.equal(res.statusCode, 200);
      assert.equal(json.data.products.length, 48);
      assert.deepEqual(json.data.products.map((p) => p.sku), page);
      assert.ok(json.data.products.every((p) => ['IN_STOCK', 'LOW_STOCK', 'OUT_OF_STOCK'].includes(p.availability.status)));

      const bodyFile = join(dir, 'body.json');
      writeFileSync(bodyFile, '{"data":{"products":[]}}');
      const ceiling = await startChildServer({ mainJs: join(root, 'dist', 'bench', 'naive', 'ceilingServer.js'), cwd: root, env: { ...env, CEILING_BODY: bodyFile } });
      children.push(ceiling);
      const c = await request(`${ceiling.url}/graphql`, { method: 'POST', body: '{}' });
      assert.equal(await c.body.text(), '{"data":{"products":[]}}');
    } finally {
      for (const child of children) await child.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
