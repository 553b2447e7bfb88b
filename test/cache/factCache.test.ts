/**
 * The fact caches: fresh, stale and gone by age; bounded in bytes; and
 * guarded against fills that race an invalidation.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { approximateBytes } from '../../src/cache/approximateBytes';
import { FactCache } from '../../src/cache/factCache';
import { article, createFixtureDb, insertRows } from '../helpers/fixtureErp';
import { startTestServer } from '../helpers/testServer';

function cache(maxBytes: number, clock = { now: 0 }) {
  return new FactCache<{ text: string }>({ max: 10_000, maxBytes, freshMs: 100, staleMs: 1000, now: () => clock.now });
}

describe('fact cache ages', () => {
  test('a fact is fresh within its lifetime, stale after it, and gone after the stale window', () => {
    const clock = { now: 10_000 };
    const c = cache(1_000_000, clock);
    c.setIfCurrent('k', { text: 'v' }, c.generation());
    assert.equal(c.get('k')?.fresh, true);
    clock.now = 10_150;
    assert.deepEqual(c.get('k'), { value: { text: 'v' }, fetchedAt: 10_000, fresh: false });
    clock.now = 11_101;
    assert.equal(c.get('k'), undefined);
  });

  test('a fill that started before an invalidation is not stored', () => {
    const c = cache(1_000_000);
    const generation = c.generation();
    c.delete('other');
    assert.equal(c.setIfCurrent('k', { text: 'old' }, generation), false);
    assert.equal(c.get('k'), undefined);
  });

  test('one refresh at a time per key, and none for a second after a failure', () => {
    const clock = { now: 0 };
    const c = cache(1_000_000, clock);
    assert.deepEqual(c.claimRefresh(['a', 'b']), ['a', 'b']);
    assert.deepEqual(c.claimRefresh(['a', 'c']), ['c']);
    c.releaseRefresh(['a', 'b', 'c'], true);
    assert.deepEqual(c.claimRefresh(['a']), []);
    clock.now = 1000;
    assert.deepEqual(c.claimRefresh(['a']), ['a']);
  });
});

describe('fact cache memory budget', () => {
  test('the estimated bytes never exceed the budget: the least recently used facts go', () => {
    const c = cache(50_000);
    for (let i = 0; i < 2000; i++) c.setIfCurrent(`k${i}`, { text: 'x'.repeat(100) }, c.generation());
    assert.ok(c.bytes <= 50_000, `${c.bytes} bytes held`);
    assert.ok(c.size > 50 && c.size < 2000, `${c.size} entries held`);
    assert.ok(c.get('k1999'), 'the newest is kept');
    assert.equal(c.get('k0'), undefined, 'the oldest went');
  });

  test('a fact larger than the whole budget is not cached (and nothing else is lost)', () => {
    const c = cache(10_000);
    c.setIfCurrent('small', { text: 'x' }, c.generation());
    c.setIfCurrent('huge', { text: 'x'.repeat(100_000) }, c.generation());
    assert.equal(c.get('huge'), undefined);
    assert.ok(c.get('small'));
  });

  test('the estimate grows with what a value holds', () => {
    assert.ok(approximateBytes({ a: 'x'.repeat(1000) }) > approximateBytes({ a: 'x' }));
    assert.ok(approximateBytes([{ a: 1 }, { a: 2 }]) > approximateBytes([{ a: 1 }]));
    assert.ok(approximateBytes({ content: Buffer.alloc(10_000) }) >= 10_000);
  });
});

describe('the server under a small memory budget', () => {
  test('serving thousands of articles keeps the caches under CACHE_MAX_MB, with the same answers', async () => {
    const db = createFixtureDb();
    const skus = Array.from({ length: 3000 }, (_, i) => `SKU-${String(i).padStart(5, '0')}`);
    insertRows(db, 'ecom_articles', skus.map((sku) => article(sku, { description: `Articolo di prova con una descrizione lunga ${sku}` })));
    insertRows(
      db,
      'ecom_price_list_items',
      skus.map((sku) => ({ price_list_code: 'BASE', sku, min_qty: '0', price: '1.5000', valid_from: null, valid_to: null })),
    );
    const small = await startTestServer(db, { env: { CACHE_MAX_MB: '1', RATE_LIMITS: 'off' } });
    try {
      for (let i = 0; i < skus.length; i += 100) {
        const batch = skus.slice(i, i + 100);
        const res = await small.gql('query($s: [ID!]!) { products(skus: $s) { sku price { unitPrice } availability { status } } }', {
          variables: { s: batch },
        });
        assert.equal(res.body.errors, undefined);
        assert.deepEqual(
          res.body.data.products.map((p: { sku: string }) => p.sku),
          batch,
        );
        assert.ok(small.app.cache.bytes() <= 1024 * 1024, `${small.app.cache.bytes()} bytes after ${i + 100} articles`);
      }
    } finally {
      await small.close();
    }
  });
});
