/**
 * The warm start (loaders/warmUp.ts): every customer's facts read in a few
 * batches, within the customers' share of the budget, never over a change
 * that arrived meanwhile, and stopped by close.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ErpCache } from '../../src/cache/erpCache';
import type { CacheConfig } from '../../src/config/config';
import type { CustomerContextRow, ErpPort } from '../../src/erp/port';
import { SqliteErp } from '../../src/erp/sqlite';
import { createErpLoaders } from '../../loaders/erpLoaders';
import { warmCustomerContexts } from '../../loaders/warmUp';
import { RequestFreshness } from '../../src/cache/requestFreshness';
import { condition, createFixtureDb, customer, insertRows } from '../helpers/fixtureErp';

const CUSTOMERS = 1_234;

function cacheConfig(maxBytes: number): CacheConfig {
  return { maxEntries: 50_000, maxBytes, ttlMs: 300_000, stockTtlMs: 30_000, changeFeedPollMs: 0, staleIfErrorMs: 0, warmUp: true };
}

function erpWithCustomers(n: number): SqliteErp {
  const db = createFixtureDb();
  const codes = Array.from({ length: n }, (_, i) => `C${String(i).padStart(5, '0')}`);
  insertRows(db, 'ecom_customers', codes.map((code, i) => customer(code, { customer_group: i % 3 === 0 ? 'GRP' : null })));
  // Some with conditions of their own, and one group condition shared by a third of them.
  insertRows(db, 'ecom_conditions', [
    ...codes.filter((_, i) => i % 7 === 0).map((code, i) => condition(i + 1, { customer_code: code, discount_1: '5' })),
    condition(100_000, { customer_group: 'GRP', discount_1: '3' }),
  ]);
  return new SqliteErp(db);
}

/** The port with its calls counted per method, and a hook before customerContexts returns. */
function counted(erp: ErpPort, beforeReturn: (rows: CustomerContextRow[]) => void = () => undefined) {
  const calls = new Map<string, number>();
  const port = new Proxy(erp, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        calls.set(String(name), (calls.get(String(name)) ?? 0) + 1);
        const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        if (name === 'customerContexts') beforeReturn(result as CustomerContextRow[]);
        return result;
      };
    },
  });
  return { port, calls };
}

describe('cache warm-up', () => {
  test('reads every customer in batches, after which a customer costs no ERP call', async () => {
    const { port, calls } = counted(erpWithCustomers(CUSTOMERS));
    const cache = new ErpCache(cacheConfig(96 * 2 ** 20));
    const report = await warmCustomerContexts(port, cache, { batchSize: 500 });
    assert.equal(report.stoppedBy, 'done');
    assert.equal(report.customers, CUSTOMERS);
    assert.equal(calls.get('customersPage'), 3);
    assert.equal(calls.get('customerContexts'), 3);
    assert.equal(report.erpCalls, 6);

    calls.clear();
    const loaders = createErpLoaders(port, cache, new RequestFreshness());
    const facts = await loaders.customerContext.loadMany(['C00000', 'C00007', 'C01233']);
    assert.equal(calls.size, 0, 'no ERP call after the warm-up');
    const first = facts[0];
    assert.ok(first && !(first instanceof Error));
    assert.equal(first.conditions.length, 1);
    assert.equal(first.group?.conditions.length, 1);
  });

  test('customers already held are not read again', async () => {
    const { port, calls } = counted(erpWithCustomers(600));
    const cache = new ErpCache(cacheConfig(96 * 2 ** 20));
    await createErpLoaders(port, cache, new RequestFreshness()).customerContext.loadMany(['C00001', 'C00002']);
    calls.clear();
    const report = await warmCustomerContexts(port, cache, { batchSize: 500 });
    assert.equal(report.customers, 598);
  });

  test('stops within its share of a small budget, evicting nothing', async () => {
    const { port } = counted(erpWithCustomers(CUSTOMERS));
    const cache = new ErpCache(cacheConfig(1 * 2 ** 20));
    const report = await warmCustomerContexts(port, cache, { batchSize: 100, fillShare: 0.9 });
    assert.equal(report.stoppedBy, 'budget');
    assert.ok(report.customers > 0 && report.customers < CUSTOMERS, `warmed ${report.customers}`);
    assert.ok(cache.customerContexts.bytes <= 0.9 * cache.customerContexts.maxBytes + 1, 'within the share');
    assert.equal(cache.customerContexts.size, report.customers, 'every warmed customer is still held');
  });

  test('a change arriving while a batch is read wins over the batch', async () => {
    let cache!: ErpCache;
    // The change feed names a customer after the ERP answered and before the batch is stored.
    const { port } = counted(erpWithCustomers(50), () => cache.customerContexts.delete('C00003'));
    cache = new ErpCache(cacheConfig(96 * 2 ** 20));
    await warmCustomerContexts(port, cache, { batchSize: 500 });
    assert.equal(cache.customerContexts.size, 0, 'the batch read before the change is not stored');
  });

  test('an aborted warm-up stops before its next call', async () => {
    const controller = new AbortController();
    const { port, calls } = counted(erpWithCustomers(CUSTOMERS), () => controller.abort());
    const cache = new ErpCache(cacheConfig(96 * 2 ** 20));
    const report = await warmCustomerContexts(port, cache, { batchSize: 100, signal: controller.signal });
    assert.equal(report.stoppedBy, 'aborted');
    assert.equal(calls.get('customerContexts'), 1);
    assert.equal(calls.get('customersPage'), 1);
  });
});
