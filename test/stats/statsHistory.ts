/**
 * Hand-made stock histories for the warehouse statistics tests: a fixture
 * ERP with the given articles, stock and movements, read through the SQLite
 * adapter's aggregates and turned into figures by src/stats, printed as the
 * API prints them.
 */
import { SqliteErp } from '../../src/erp/sqlite';
import { readErpSettings } from '../../src/settings/erpSettings';
import { printedFigures } from '../../src/stats/printedFigures';
import { buildStatsSnapshot, type StatsSnapshot } from '../../src/stats/statsSnapshot';
import { addDays, statsWindowDays } from '../../src/stats/statsWindows';
import { article, createFixtureDb, insertRows, type Row } from '../helpers/fixtureErp';

export const D = '2026-06-30';
/** The day `n` days before D ("D − n"). */
export const ago = (n: number) => addDays(D, -n);

export interface Move {
  sku: string;
  /** Days before D (negative: after D). */
  ago: number;
  quantity: string;
  reason?: 'SALE' | 'PURCHASE' | 'ADJUST' | 'TRANSFER';
  warehouse?: string;
}

export interface History {
  /** Articles by sku (overrides of the article builder); every sku of stock and moves needs one. */
  articles: Record<string, Row>;
  /** sku → on hand per warehouse ({MAG1: '10'}). */
  stock?: Record<string, Record<string, string>>;
  moves?: Move[];
  settings?: Record<string, string>;
  warehouse?: string | null;
}

export async function snapshotOf(history: History): Promise<StatsSnapshot> {
  const db = createFixtureDb({ settings: history.settings ?? {} });
  insertRows(db, 'ecom_articles', Object.entries(history.articles).map(([sku, o]) => article(sku, o)));
  insertRows(
    db,
    'ecom_stock',
    Object.entries(history.stock ?? {}).flatMap(([sku, byWarehouse]) =>
      Object.entries(byWarehouse).map(([warehouse_code, on_hand]) => ({ sku, warehouse_code, on_hand, committed: '0' })),
    ),
  );
  insertRows(
    db,
    'ecom_stock_movements',
    (history.moves ?? []).map((m, i) => ({
      movement_id: i + 1,
      sku: m.sku,
      warehouse_code: m.warehouse ?? 'MAG1',
      moved_at: `${addDays(D, -m.ago)}T10:30:00`,
      quantity: m.quantity,
      reason: m.reason ?? 'SALE',
    })),
  );
  const erp = new SqliteErp(db);
  const settings = readErpSettings((await erp.referenceData()).settings);
  const warehouse = history.warehouse ?? null;
  const rows = await erp.articleStatsAggregates({ warehouse, ...statsWindowDays(D) });
  db.close();
  return buildStatsSnapshot(rows, settings.stats, { asOf: D, computedAt: '2026-06-30T08:00:00.000Z', warehouse });
}

/** One article's figures as the API prints them. */
export const printed = printedFigures;

export async function figuresOf(history: History, sku: string) {
  const figures = (await snapshotOf(history)).article(sku);
  return figures === null ? null : printed(figures);
}
