/**
 * The held warehouse statistics (src/cache/statsCache.ts): bounded in bytes,
 * one computation per scope at a time, and figures answered through an ERP
 * outage for STALE_IF_ERROR_MS with the computedAt that says how old they are.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Decimal } from '../../src/decimal/decimal';
import type { ErpPort } from '../../src/erp/port';
import { aggregatesOfRows } from '../../src/erp/statsAggregates';
import type { ArticleStatsAggregateRow, StatsAggregateQuery } from '../../src/erp/statsRows';
import { WarehouseStatsCache } from '../../src/cache/statsCache';
import type { StatsThresholds } from '../../src/stats/statsModel';

const THRESHOLDS: StatsThresholds = { deadDays: 180, excessCoverDays: new Decimal(365), fastTurnover: new Decimal(6), slowTurnover: new Decimal(1) };

const rowsFor = (count: number): ArticleStatsAggregateRow[] =>
  Array.from({ length: count }, (_, i) => ({
    sku: `S${i}`, description: 'Articolo di prova', unit: 'PZ', familyCode: null, onHand: 1000n,
    sale30: 0n, sale90: 0n, sale365: 0n, picks365: 0, lastSale: null, lastMovement: null, weighted365: 0n,
  }));

function fakeErp(rows: ArticleStatsAggregateRow[]) {
  const calls: StatsAggregateQuery[] = [];
  let failing = false;
  const erp = {
    async articleStatsAggregates(q: StatsAggregateQuery) {
      calls.push(q);
      await new Promise((r) => setTimeout(r, 5));
      if (failing) throw new Error('ERP down');
      return aggregatesOfRows(rows);
    },
  } as unknown as ErpPort;
  return { erp, calls, fail: (value: boolean) => (failing = value) };
}

describe('warehouse statistics cache', () => {
  test('scopes beyond the byte budget are evicted, least recently used first', async () => {
    const { erp, calls } = fakeErp(rowsFor(1000));
    const probe = new WarehouseStatsCache(erp, { ttlMs: 60_000, staleIfErrorMs: 0, maxBytes: 100_000_000, now: () => new Date() });
    await probe.snapshot({ warehouse: null, asOf: '2026-06-30', thresholds: THRESHOLDS });
    const oneScope = probe.bytes;
    const cache = new WarehouseStatsCache(erp, { ttlMs: 60_000, staleIfErrorMs: 0, maxBytes: Math.floor(oneScope * 2.5), now: () => new Date() });
    for (const warehouse of ['MAG1', 'MAG2', 'MAG3']) await cache.snapshot({ warehouse, asOf: '2026-06-30', thresholds: THRESHOLDS });
    assert.ok(cache.bytes <= oneScope * 2.5, `${cache.bytes} bytes held`);
    calls.length = 0;
    await cache.snapshot({ warehouse: 'MAG3', asOf: '2026-06-30', thresholds: THRESHOLDS });
    assert.equal(calls.length, 0, 'the most recent scope is held');
    await cache.snapshot({ warehouse: 'MAG1', asOf: '2026-06-30', thresholds: THRESHOLDS });
    assert.equal(calls.length, 1, 'the oldest scope was evicted');
  });

  test('other thresholds or another day are another computation', async () => {
    const { erp, calls } = fakeErp(rowsFor(3));
    const cache = new WarehouseStatsCache(erp, { ttlMs: 60_000, staleIfErrorMs: 0, maxBytes: 10_000_000, now: () => new Date() });
    await cache.snapshot({ warehouse: null, asOf: '2026-06-30', thresholds: THRESHOLDS });
    await cache.snapshot({ warehouse: null, asOf: '2026-06-30', thresholds: { ...THRESHOLDS, deadDays: 90 } });
    await cache.snapshot({ warehouse: null, asOf: '2026-07-01', thresholds: THRESHOLDS });
    await cache.snapshot({ warehouse: null, asOf: '2026-06-30', thresholds: THRESHOLDS });
    assert.equal(calls.length, 3);
    assert.deepEqual(calls.map((c) => c.from30), ['2026-06-01', '2026-06-01', '2026-06-02']);
  });

  test('a failed recomputation answers the held figures within STALE_IF_ERROR_MS, and fails after', async () => {
    const { erp, fail } = fakeErp(rowsFor(3));
    let now = new Date('2026-06-30T10:00:00Z');
    const cache = new WarehouseStatsCache(erp, { ttlMs: 1_000, staleIfErrorMs: 10_000, maxBytes: 10_000_000, now: () => now });
    const scope = { warehouse: null, asOf: '2026-06-30', thresholds: THRESHOLDS };
    const first = await cache.snapshot(scope);
    fail(true);
    now = new Date(now.getTime() + 5_000);
    assert.equal((await cache.snapshot(scope)).computedAt, first.computedAt);
    now = new Date(now.getTime() + 10_000);
    await assert.rejects(cache.snapshot(scope), /ERP down/);
  });
});

describe('warehouse statistics cache: parallel runs', () => {
  test('with parallelParts, the articles are read in runs bounded by the splits and put back together in sku order', async () => {
    const rows = rowsFor(10).sort((a, b) => (a.sku < b.sku ? -1 : 1));
    const calls: StatsAggregateQuery[] = [];
    const erp = {
      async articleSkuSplits(parts: number) {
        assert.equal(parts, 2);
        return [rows[0]!.sku, rows[5]!.sku];
      },
      async articleStatsAggregates(q: StatsAggregateQuery) {
        calls.push(q);
        return aggregatesOfRows(rows.filter((r) => (q.skuFrom == null || r.sku >= q.skuFrom) && (q.skuTo == null || r.sku < q.skuTo)));
      },
    } as unknown as ErpPort;
    const cache = new WarehouseStatsCache(erp, { ttlMs: 60_000, staleIfErrorMs: 0, maxBytes: 10_000_000, now: () => new Date(), parallelParts: 2 });
    const snapshot = await cache.snapshot({ warehouse: null, asOf: '2026-06-30', thresholds: THRESHOLDS });
    assert.deepEqual(calls.map((c) => [c.skuFrom, c.skuTo]), [[null, rows[5]!.sku], [rows[5]!.sku, null]]);
    assert.deepEqual(snapshot.articles.map((a) => a.sku), rows.map((r) => r.sku));
  });
});
