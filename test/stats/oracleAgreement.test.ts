/**
 * Two readings of warehouse-statistics.md must give the same numbers: the
 * production path (the ERP's grouped aggregates, then src/stats) and the
 * test oracle (test/demo/warehouseStatsOracle.ts, naive over every movement
 * row with bigint thousandths), on a generated demo ERP with two years of
 * history, for every warehouse and each one, every figure of every article.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SqliteErp } from '../../src/erp/sqlite';
import { readErpSettings } from '../../src/settings/erpSettings';
import { buildStatsSnapshot } from '../../src/stats/statsSnapshot';
import { statsWindowDays } from '../../src/stats/statsWindows';
import { demoErpInMemory } from '../demo/demoDigest';
import { oracleWarehouseStats } from '../demo/warehouseStatsOracle';
import { printed } from './statsHistory';

const TODAY = '2026-11-30';

describe('warehouse statistics: production and oracle agree', () => {
  const db = demoErpInMemory({ seed: 31, articles: 400, customers: 40, today: TODAY });
  const erp = new SqliteErp(db);

  for (const warehouse of [null, 'MAG01', 'MAG02', 'MAG03']) {
    test(`every figure of every article, ${warehouse ?? 'every warehouse'}`, async () => {
      const settings = readErpSettings((await erp.referenceData()).settings);
      const rows = await erp.articleStatsAggregates({ warehouse, ...statsWindowDays(TODAY) });
      const snapshot = buildStatsSnapshot(rows, settings.stats, { asOf: TODAY, computedAt: '2026-11-30T08:00:00.000Z', warehouse });
      const ours = snapshot.articles.map((a) => ({ sku: a.sku, ...printed(a) }));
      const oracle = oracleWarehouseStats(db, { today: TODAY, ...(warehouse ? { warehouse } : {}) });
      assert.ok(oracle.length > 20, `${oracle.length} articles listed`);
      assert.deepEqual(ours, oracle);
    });
  }
});
