/**
 * The installation's settings are read into typed values once, as the
 * reference data enters the cache: every request served from that entry
 * shares the same values, and a change read from the ERP gives new ones.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ErpCache } from '../../src/cache/erpCache';
import { RequestFreshness } from '../../src/cache/requestFreshness';
import { SqliteErp } from '../../src/erp/sqlite';
import { createErpLoaders } from '../../loaders/erpLoaders';
import { createFixtureDb } from '../helpers/fixtureErp';

const cacheConfig = { maxEntries: 1_000, maxBytes: 1 << 20, ttlMs: 300_000, stockTtlMs: 30_000, changeFeedPollMs: 0, staleIfErrorMs: 0, warmUp: false };

test('requests served from one cached reference entry share its settings, read once', async () => {
  const erp = new SqliteErp(createFixtureDb({ settings: { time_zone: 'America/New_York', low_stock_threshold: '12' } }));
  const cache = new ErpCache(cacheConfig);
  const first = await createErpLoaders(erp, cache, new RequestFreshness()).reference();
  const second = await createErpLoaders(erp, cache, new RequestFreshness()).reference();
  assert.equal(first.erpSettings.timeZone, 'America/New_York');
  assert.equal(first.erpSettings.lowStockThreshold.toString(), '12');
  assert.equal(second.erpSettings, first.erpSettings);
});

test('settings read again after the cached entry is dropped reflect the ERP', async () => {
  const db = createFixtureDb();
  const erp = new SqliteErp(db);
  const cache = new ErpCache(cacheConfig);
  const before = await createErpLoaders(erp, cache, new RequestFreshness()).reference();
  db.prepare("UPDATE ecom_settings SET setting_value = 'USD' WHERE setting_key = 'currency'").run();
  cache.reference.clear();
  const after = await createErpLoaders(erp, cache, new RequestFreshness()).reference();
  assert.equal(before.erpSettings.currency, 'EUR');
  assert.equal(after.erpSettings.currency, 'USD');
});
