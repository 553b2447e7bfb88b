/**
 * A request's loaders (loaders/erpLoaders.ts) are made when the request
 * first reads them, and then are the same loaders for the rest of it: the
 * loads a request makes together are still one ERP call.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ErpCache } from '../../src/cache/erpCache';
import { RequestFreshness } from '../../src/cache/requestFreshness';
import type { ErpPort } from '../../src/erp/port';
import { SqliteErp } from '../../src/erp/sqlite';
import { createErpLoaders } from '../../loaders/erpLoaders';
import { article, createFixtureDb, insertRows } from '../helpers/fixtureErp';

const cacheConfig = { maxEntries: 1_000, maxBytes: 1 << 20, ttlMs: 300_000, stockTtlMs: 30_000, changeFeedPollMs: 0, staleIfErrorMs: 0, warmUp: false };

test('every read of a loader in one request is the same loader, so loads made together are one ERP call', async () => {
  const db = createFixtureDb();
  insertRows(db, 'ecom_articles', [article('A1'), article('A2'), article('A3')]);
  const erp = new SqliteErp(db);
  let calls = 0;
  const counting = new Proxy(erp, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property !== 'articlesBySku' || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls += 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  }) as ErpPort;
  const loaders = createErpLoaders(counting, new ErpCache(cacheConfig), new RequestFreshness());
  assert.equal(loaders.article, loaders.article);
  assert.equal(loaders.stock, loaders.stock);
  assert.equal(loaders.reference, loaders.reference);
  const rows = await Promise.all([loaders.article.load('A1'), loaders.article.load('A2'), loaders.article.load('A3')]);
  assert.deepEqual(rows.map((r) => r?.sku), ['A1', 'A2', 'A3']);
  assert.equal(calls, 1);
});
