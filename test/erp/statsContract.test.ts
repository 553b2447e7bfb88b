/**
 * Warehouse statistics' aggregates (src/erp/sql.ts articleStatsAggregates,
 * dailyMovements), run against every adapter on the contract fixture, as
 * adapterContract.test.ts does: SQLite always, SQLite in worker threads, and
 * SQL Server when ERP_MSSQL_URL is set. The same rows must give the same
 * integers in every dialect.
 *
 * D = 2025-06-30; the windows start on D−29 (2025-06-01), D−89 (2025-04-02)
 * and D−364 (2024-07-01). Expected values were worked out by hand from the
 * fixture's ecom_stock_movements (quantities in thousandths).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ErpPort } from '../../src/erp/port';
import { aggregateRows } from '../../src/erp/statsAggregates';
import type { ArticleStatsAggregateRow } from '../../src/erp/statsRows';
import { statsWindowDays } from '../../src/stats/statsWindows';
import { mssqlContractSetup, sqliteContractSetup, sqliteWorkerContractSetup, type ContractDb, type ContractSetup } from './contractFixture';

const D = '2025-06-30';
const days = statsWindowDays(D);

const row = (sku: string, values: Partial<ArticleStatsAggregateRow>): Partial<ArticleStatsAggregateRow> => ({ sku, ...values });

function describeStatsContract(name: string, setup: ContractSetup, options: { skip?: string } = {}): void {
  describe(`warehouse statistics aggregates: ${name}`, options, () => {
    let db: ContractDb;
    let erp: ErpPort;
    before(async () => {
      db = await setup();
      erp = db.erp;
    });
    after(async () => db?.teardown());

    const pick = (r: ArticleStatsAggregateRow) => ({
      sku: r.sku, onHand: r.onHand, sale30: r.sale30, sale90: r.sale90, sale365: r.sale365, picks365: r.picks365,
      lastSale: r.lastSale, lastMovement: r.lastMovement, weighted365: r.weighted365,
    });

    test('every warehouse: active articles with stock or a movement in the last 365 days, windows bounded as the spec says', async () => {
      const rows = aggregateRows(await erp.articleStatsAggregates({ warehouse: null, ...days }));
      assert.deepEqual(rows.map(pick), [
        // 120.5 + 10 + 999 on hand; sales of D−29, D−30, D−89, D−90, D−364 and a return on D−15; D−365 and D+1 outside.
        row('SKU001', { onHand: 1129500n, sale30: -500n, sale90: -9000n, sale365: -27000n, picks365: 5, lastSale: '2025-06-01', lastMovement: '2025-06-30', weighted365: -4570000n }),
        row('SKU002', { onHand: 0n, sale30: -200000n, sale90: -200000n, sale365: -200000n, picks365: 1, lastSale: '2025-06-20', lastMovement: '2025-06-20', weighted365: -70800000n }),
        row('SKU003', { onHand: 5000n, sale30: 0n, sale90: 0n, sale365: 0n, picks365: 0, lastSale: null, lastMovement: null, weighted365: 0n }),
        row('SKU004', { onHand: 3000n, sale30: 0n, sale90: 0n, sale365: 0n, picks365: 0, lastSale: null, lastMovement: null, weighted365: 0n }),
        // Not sold online (web_enabled = 0): internal figures list it all the same.
        row('SKU007', { onHand: 0n, sale30: -1000n, sale90: -1000n, sale365: -1000n, picks365: 1, lastSale: '2025-06-20', lastMovement: '2025-06-20', weighted365: -354000n }),
      ]);
    });

    test('one warehouse: its stock rows and movements only; an article with movements and no stock row there has onHand 0', async () => {
      const rows = aggregateRows(await erp.articleStatsAggregates({ warehouse: 'MAG2', ...days }));
      assert.deepEqual(rows.map(pick), [
        row('SKU001', { onHand: 10000n, sale30: 0n, sale90: -5500n, sale365: -5500n, picks365: 1, lastSale: '2025-04-02', lastMovement: '2025-06-30', weighted365: -595500n }),
        row('SKU002', { onHand: 0n, sale30: -200000n, sale90: -200000n, sale365: -200000n, picks365: 1, lastSale: '2025-06-20', lastMovement: '2025-06-20', weighted365: -70800000n }),
        row('SKU004', { onHand: 3000n, sale30: 0n, sale90: 0n, sale365: 0n, picks365: 0, lastSale: null, lastMovement: null, weighted365: 0n }),
      ]);
    });

    test('the article rows carry description, unit and family', async () => {
      const rows = aggregateRows(await erp.articleStatsAggregates({ warehouse: null, ...days }));
      const sku004 = rows.find((r) => r.sku === 'SKU004')!;
      assert.deepEqual([sku004.description, sku004.unit, sku004.familyCode], ['Tubo_rame 12 mm', 'MT', 'F2']);
    });

    test('articleSkuSplits: the first sku of each run of active articles; runs bounded by them add up to the whole', async () => {
      const splits = await erp.articleSkuSplits(3);
      // Nine active articles (SKU006 is not): three runs of three.
      assert.deepEqual(splits, ['SKU001', 'SKU004', 'SKU008']);
      const whole = aggregateRows(await erp.articleStatsAggregates({ warehouse: null, ...days }));
      const edges = [null, 'SKU004', 'SKU008', null];
      const runs = [];
      for (let i = 0; i < 3; i++) runs.push(...aggregateRows(await erp.articleStatsAggregates({ warehouse: null, ...days, skuFrom: edges[i], skuTo: edges[i + 1] })));
      assert.deepEqual(runs, whole);
    });

    test('articleSkuSplits: more parts than active articles make a run per article, never the same bound twice', async () => {
      const splits = await erp.articleSkuSplits(20);
      assert.deepEqual(splits, ['SKU001', 'SKU002', 'SKU003', 'SKU004', 'SKU005', 'SKU007', 'SKU008', 'SKU009', 'SKU010']);
    });

    test('dailyMovements: sums per article and day after `after` up to D, in scope', async () => {
      const all = await erp.dailyMovements({ skus: ['SKU001', 'SKU002', 'NOPE'], warehouse: null, after: '2025-05-31', asOf: D });
      const byKey = Object.fromEntries(all.map((r) => [`${r.sku} ${r.day}`, r.quantity]));
      assert.deepEqual(byKey, {
        'SKU001 2025-06-01': '-2000',
        'SKU001 2025-06-15': '1500',
        'SKU001 2025-06-30': '-250',
        'SKU002 2025-06-20': '-200000',
      });
      const transfer = await erp.dailyMovements({ skus: ['SKU001'], warehouse: null, after: '2025-03-09', asOf: '2025-03-10' });
      assert.deepEqual(transfer.map((r) => [r.day, r.quantity]), [['2025-03-10', '0']]);
      const mag2 = await erp.dailyMovements({ skus: ['SKU001'], warehouse: 'MAG2', after: '2025-03-09', asOf: '2025-03-10' });
      assert.deepEqual(mag2.map((r) => [r.day, r.quantity]), [['2025-03-10', '4000']]);
    });
  });
}

describeStatsContract('sqlite', sqliteContractSetup);
describeStatsContract('sqlite in worker threads', sqliteWorkerContractSetup);
const mssqlUrl = process.env.ERP_MSSQL_URL;
describeStatsContract(
  'mssql',
  mssqlUrl ? mssqlContractSetup(mssqlUrl) : async () => assert.fail('unreachable: skipped without ERP_MSSQL_URL'),
  mssqlUrl ? {} : { skip: 'ERP_MSSQL_URL not set' },
);
