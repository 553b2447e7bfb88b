/**
 * The demo ERP's two years of stock movements: consistent with today's
 * on_hand, shaped like a real warehouse, and rich enough that warehouse
 * statistics find every class (checked with the test oracle,
 * warehouseStatsOracle.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type Database from 'better-sqlite3';
import { HISTORY_DAYS, SeasonCalendar } from '../../src/demo/movementPlan';
import { Random } from '../../src/demo/random';
import { demoErpInMemory } from './demoDigest';
import { ORACLE_CLASSES, classCounts, oracleWarehouseStats } from './warehouseStatsOracle';

const TODAY = '2026-11-26';
const DAY_MS = 86_400_000;
const dayOf = (date: string): number => Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS;
const D = dayOf(TODAY);

interface Row { movement_id: number; sku: string; warehouse_code: string; moved_at: string; quantity: string; reason: string }
const movements = (db: Database.Database): Row[] => db.prepare('SELECT * FROM ecom_stock_movements ORDER BY movement_id').all() as Row[];

function thousandths(text: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,3}))?$/.exec(text);
  assert.ok(match, `plain decimal(18,3): ${text}`);
  const value = BigInt(match[2]) * 1000n + BigInt((match[3] ?? '').padEnd(3, '0'));
  return match[1] === '-' ? -value : value;
}

describe('the demo stock movements (small demo)', () => {
  let db: Database.Database;
  let rows: Row[];
  before(() => {
    db = demoErpInMemory({ seed: 11, articles: 600, customers: 60, today: TODAY });
    rows = movements(db);
  });
  after(() => db.close());

  test('reconstructed backwards from on_hand, no warehouse stock is ever negative over the two years', () => {
    const onHand = new Map<string, bigint>();
    for (const s of db.prepare('SELECT sku, warehouse_code, on_hand FROM ecom_stock').all() as Array<{ sku: string; warehouse_code: string; on_hand: string }>) {
      onHand.set(`${s.sku}|${s.warehouse_code}`, thousandths(s.on_hand));
    }
    const bySlot = new Map<string, bigint[]>();
    for (const r of rows) {
      const key = `${r.sku}|${r.warehouse_code}`;
      const list = bySlot.get(key) ?? [];
      list.push(thousandths(r.quantity));
      bySlot.set(key, list);
    }
    for (const [key, quantities] of bySlot) {
      let stock = (onHand.get(key) ?? 0n) - quantities.reduce((a, b) => a + b, 0n);
      assert.ok(stock >= 0n, `${key}: opening stock ${stock}`);
      for (const q of quantities) {
        stock += q;
        assert.ok(stock >= 0n, `${key}: stock ${stock} after a movement of ${q}`);
      }
      assert.equal(stock, onHand.get(key) ?? 0n);
    }
  });

  test('movement ids grow with time', () => {
    for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1].moved_at <= rows[i].moved_at, `${rows[i - 1].movement_id} → ${rows[i].movement_id}`);
  });

  test('every movement is dated within the last two years, none after today, in working hours', () => {
    for (const r of rows) {
      assert.match(r.moved_at, /^\d{4}-\d{2}-\d{2}T(0[7-9]|1[0-8]):[0-5]\d:[0-5]\d$/);
      const day = dayOf(r.moved_at);
      assert.ok(day <= D && day > D - 730, r.moved_at);
    }
    assert.ok(rows.some((r) => dayOf(r.moved_at) < D - 700), 'the history reaches back two years');
  });

  test('quantities are non-zero plain decimals, whole packs for goods not sold by weight or length', () => {
    const articles = new Map(
      (db.prepare('SELECT sku, unit, pack_qty FROM ecom_articles').all() as Array<{ sku: string; unit: string; pack_qty: string }>).map((a) => [a.sku, a]),
    );
    for (const r of rows) {
      assert.match(r.quantity, /^-?(0|[1-9]\d*)(\.\d{0,2}[1-9])?$/);
      const q = thousandths(r.quantity);
      assert.notEqual(q, 0n);
      const a = articles.get(r.sku);
      assert.ok(a);
      if (a.unit !== 'KG' && a.unit !== 'MT') assert.equal(q % thousandths(a.pack_qty), 0n, `${r.sku} ${r.reason} ${r.quantity} in packs of ${a.pack_qty}`);
    }
  });

  test('sales leave from the web warehouses only; customer returns are positive SALE rows, some into the returns warehouse', () => {
    const sales = rows.filter((r) => r.reason === 'SALE' && r.quantity.startsWith('-'));
    assert.ok(sales.length > 0);
    assert.ok(sales.every((r) => r.warehouse_code === 'MAG01' || r.warehouse_code === 'MAG02'));
    const returns = rows.filter((r) => r.reason === 'SALE' && !r.quantity.startsWith('-'));
    assert.ok(returns.some((r) => r.warehouse_code === 'MAG03'));
    assert.ok(returns.some((r) => r.warehouse_code !== 'MAG03'));
  });

  test('a transfer is two rows at the same instant, out of one warehouse and into another', () => {
    const transfers = rows.filter((r) => r.reason === 'TRANSFER');
    assert.ok(transfers.length > 0);
    assert.equal(transfers.length % 2, 0);
    for (let i = 0; i < transfers.length; i += 2) {
      const [out, into] = [transfers[i], transfers[i + 1]];
      assert.equal(into.movement_id, out.movement_id + 1);
      assert.equal(into.sku, out.sku);
      assert.equal(into.moved_at, out.moved_at);
      assert.notEqual(into.warehouse_code, out.warehouse_code);
      assert.equal(thousandths(into.quantity), -thousandths(out.quantity));
      assert.ok(thousandths(into.quantity) > 0n);
    }
  });

  test('purchases replenish and inventory corrections go both ways', () => {
    const purchases = rows.filter((r) => r.reason === 'PURCHASE');
    assert.ok(purchases.length > 0 && purchases.every((r) => thousandths(r.quantity) > 0n));
    const adjustments = rows.filter((r) => r.reason === 'ADJUST').map((r) => thousandths(r.quantity));
    assert.ok(adjustments.some((q) => q > 0n) && adjustments.some((q) => q < 0n));
  });

  test('every movement class appears, and some articles are to clear', () => {
    const stats = oracleWarehouseStats(db, { today: TODAY });
    const counts = classCounts(stats);
    for (const c of ORACLE_CLASSES) assert.ok(counts[c] > 0, `${c}: ${JSON.stringify(counts)}`);
    assert.ok(stats.some((s) => s.toClear));
  });

  test('dead stock: on hand, some sold only long ago, some never sold', () => {
    const stats = oracleWarehouseStats(db, { today: TODAY }).filter((s) => s.class === 'DEAD');
    assert.ok(stats.some((s) => s.lastSale !== null && dayOf(s.lastSale) <= D - 200));
    assert.ok(stats.some((s) => s.lastSale === null));
  });
});

describe('the demo stock movements at the default size', () => {
  let db: Database.Database;
  before(() => {
    db = demoErpInMemory({ today: TODAY });
  });
  after(() => db.close());

  test('every movement class appears, and some articles are to clear', () => {
    const stats = oracleWarehouseStats(db, { today: TODAY });
    const counts = classCounts(stats);
    for (const c of ORACLE_CLASSES) assert.ok(counts[c] >= stats.length / 50, `${c}: ${JSON.stringify(counts)}`);
    assert.ok(stats.filter((s) => s.toClear).length > stats.length / 10);
  });

  test('at least 20 movements per article on average, as the benchmark needs', () => {
    const { n } = db.prepare('SELECT COUNT(*) AS n FROM ecom_stock_movements').get() as { n: number };
    const { a } = db.prepare('SELECT COUNT(*) AS a FROM ecom_articles').get() as { a: number };
    assert.ok(n >= 20 * a, `${n} movements for ${a} articles`);
  });

  test('a few articles make most picks: the busiest fifth make more than half of them', () => {
    const picks = (db.prepare(`SELECT COUNT(*) AS n FROM ecom_stock_movements WHERE reason = 'SALE' AND quantity LIKE '-%' GROUP BY sku ORDER BY n DESC`).all() as Array<{ n: number }>).map((r) => r.n);
    const { a } = db.prepare('SELECT COUNT(*) AS a FROM ecom_articles').get() as { a: number };
    const total = picks.reduce((s, n) => s + n, 0);
    const top = picks.slice(0, Math.floor(a / 5)).reduce((s, n) => s + n, 0);
    assert.ok(top * 2 > total, `${top} of ${total}`);
  });

  test('heating sells in winter, air conditioning in summer', () => {
    const byMonth = (descriptionLike: string, notLike: string, months: string[]): number =>
      (db.prepare(
        `SELECT COUNT(*) AS n FROM ecom_stock_movements m JOIN ecom_articles a ON a.sku = m.sku
         WHERE m.reason = 'SALE' AND m.quantity LIKE '-%' AND a.family_code = 'FAM-RIS'
           AND a.description LIKE ? AND a.description NOT LIKE ? AND substr(m.moved_at, 6, 2) IN (${months.map(() => '?').join(', ')})`,
      ).get(descriptionLike, notLike, ...months) as { n: number }).n;
    const winter = ['12', '01', '02'];
    const summer = ['06', '07', '08'];
    assert.ok(byMonth('%', 'Climatizzatore%', winter) > 3 * byMonth('%', 'Climatizzatore%', summer));
    assert.ok(byMonth('Climatizzatore%', '', summer) > 3 * byMonth('Climatizzatore%', '', winter));
  });
});

describe('season calendar', () => {
  test('a span of days that all weigh nothing (a single Sunday) still gives one of its days', () => {
    // 2026-11-29 is a Sunday: with today = 2026-11-29 the newest day of the history (0 days ago) weighs nothing.
    const today = Date.UTC(2026, 10, 29) / 86_400_000;
    const calendar = new SeasonCalendar(today);
    const index = calendar.draw(new Random(1), 'EVEN', 0, 0);
    assert.equal(index, HISTORY_DAYS - 1);
  });
});
