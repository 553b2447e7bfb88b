/**
 * A group's facts are held once and shared by its customers, whatever the
 * byte budget: evicting them while customers that share them are held would
 * read and compile the group again for every customer loaded afterwards.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ErpCache } from '../../src/cache/erpCache';
import { RequestFreshness } from '../../src/cache/requestFreshness';
import { SqliteErp } from '../../src/erp/sqlite';
import { createErpLoaders } from '../../loaders/erpLoaders';
import { condition, createFixtureDb, customer, insertRows } from '../helpers/fixtureErp';

test("a group's facts are one shared object for all its customers, even under a small budget", async () => {
  const db = createFixtureDb();
  const codes = Array.from({ length: 200 }, (_, i) => `C${String(i).padStart(4, '0')}`);
  insertRows(db, 'ecom_customers', codes.map((code) => customer(code, { customer_group: 'TRADE' })));
  // A trade group with many conditions: far more than a small budget's share.
  insertRows(db, 'ecom_conditions', Array.from({ length: 2_000 }, (_, i) => condition(i + 1, { customer_group: 'TRADE', sku: `SKU${i}`, discount_1: '5' })));
  const erp = new SqliteErp(db);
  const cache = new ErpCache({ maxEntries: 50_000, maxBytes: 256 * 1024, ttlMs: 300_000, stockTtlMs: 30_000, changeFeedPollMs: 0, staleIfErrorMs: 0, warmUp: false });
  const groups = new Set<object>();
  // One customer per request, as the storefront loads them.
  for (const code of codes) {
    const facts = await createErpLoaders(erp, cache, new RequestFreshness()).customerContext.load(code);
    if (facts?.group) groups.add(facts.group);
  }
  assert.equal(groups.size, 1);
});
