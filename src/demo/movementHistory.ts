/**
 * Two years of stock movements that agree with today's stock.
 *
 * Why backwards: `ecom_stock.on_hand` is drawn first (stockRows.ts; the
 * availability cases depend on it) and must stay as drawn, yet the warehouse
 * statistics reconstruct past stock from it through the movements, so no
 * reconstructed stock may ever be negative. Replaying each article's planned
 * events (movementPlan.ts) from today towards the past makes that hold by
 * construction: going back, a sale adds stock and a delivery removes it, a
 * return, positive correction or transfer in is kept only when the stock
 * before it covers it, and whenever the stock going back rises above the
 * article's ceiling a delivery is placed that morning, so forward in time
 * stock is a sawtooth refilled by purchases.
 *
 * Movement ids grow with time across the whole table: the rows are collected
 * as numbers, sorted once on (instant, order of creation), and only then
 * formatted and inserted, which keeps a 100k-article demo's few million rows
 * within seconds.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { formatDay } from './calendar';
import type { Context } from './context';
import { QTY_SCALE, qty, toUnits } from './fixedPoint';
import { SECONDS_PER_DAY, SeasonCalendar, WAREHOUSES, morningOf, planArticle, type Plan } from './movementPlan';
import type { Article } from './model';
import type { Random } from './random';

const REASONS = ['SALE', 'PURCHASE', 'ADJUST', 'TRANSFER'] as const;
const SALE = 0;
const PURCHASE = 1;
const ADJUST = 2;
const TRANSFER = 3;

/** The rows as parallel arrays of numbers until they are sorted: cheaper than millions of objects. */
class MovementLog {
  private readonly article: number[] = [];
  private readonly warehouse: number[] = [];
  private readonly key: number[] = [];
  private readonly quantity: number[] = [];
  private readonly reason: number[] = [];

  add(article: number, warehouse: number, key: number, quantity: number, reason: number): void {
    this.article.push(article);
    this.warehouse.push(warehouse);
    this.key.push(key);
    this.quantity.push(quantity);
    this.reason.push(reason);
  }

  /** Inserts in time order, ids from 1; rows at the same instant (a transfer's two rows) keep the order they were logged in. */
  insert(db: BetterSqlite3.Database, articles: readonly Article[], firstDay: number): number {
    const n = this.key.length;
    let shift = 1;
    while (shift <= n) shift *= 2;
    // key < 2^26 (730 days of seconds), so key · shift + index stays an exact double below 2^53.
    if (shift > 2 ** 26) throw new RangeError(`too many movements to sort: ${n}`);
    const order = new Float64Array(n);
    for (let i = 0; i < n; i++) order[i] = this.key[i] * shift + i;
    order.sort();

    // Indexes are built once after the rows are in: rows in time order reach an index on (sku, moved_at)
    // in random order, which on a file database with a small page cache costs far more than one sort.
    const indexes = db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ecom_stock_movements' AND sql IS NOT NULL`)
      .all() as Array<{ name: string; sql: string }>;
    for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
    const statement = db.prepare(
      'INSERT INTO ecom_stock_movements (movement_id, sku, warehouse_code, moved_at, quantity, reason) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const clock: string[] = [];
    for (let id = 1; id <= n; id++) {
      const i = order[id - 1] % shift;
      const key = this.key[i];
      const dayIndex = Math.floor(key / SECONDS_PER_DAY);
      const second = key - dayIndex * SECONDS_PER_DAY;
      let time = clock[second];
      if (time === undefined) {
        const hh = String(Math.floor(second / 3600)).padStart(2, '0');
        const mm = String(Math.floor((second % 3600) / 60)).padStart(2, '0');
        time = clock[second] = `${hh}:${mm}:${String(second % 60).padStart(2, '0')}`;
      }
      statement.run(
        id,
        articles[this.article[i]].sku,
        WAREHOUSES[this.warehouse[i]],
        `${formatDay(firstDay + dayIndex)}T${time}`,
        qty(this.quantity[i]),
        REASONS[this.reason[i]],
      );
    }
    for (const index of indexes) db.exec(index.sql);
    return n;
  }
}

/** Today's on_hand per sku and warehouse slot, in thousandths; null where there is no stock row. */
function readOnHand(db: BetterSqlite3.Database): Map<string, Array<number | null>> {
  const stock = new Map<string, Array<number | null>>();
  const rows = db.prepare('SELECT sku, warehouse_code, on_hand FROM ecom_stock').raw().iterate() as Iterable<[string, string, string]>;
  for (const [sku, warehouse, onHand] of rows) {
    const slot = WAREHOUSES.indexOf(warehouse as (typeof WAREHOUSES)[number]);
    if (slot < 0) throw new Error(`unexpected demo warehouse ${warehouse}`);
    let row = stock.get(sku);
    if (!row) stock.set(sku, (row = [null, null, null]));
    row[slot] = toUnits(onHand, QTY_SCALE);
  }
  return stock;
}

/**
 * Replays one article's plan from today back to the start of the history,
 * logging the movements it keeps and the deliveries it needs.
 */
function replayBackwards(rnd: Random, calendar: SeasonCalendar, plan: Plan, onHand: Array<number | null>, log: MovementLog, article: number): void {
  const stock = onHand.map((q) => q ?? 0);
  const down = (q: number): number => Math.floor(q / plan.step) * plan.step;
  const replenish = (wh: number, key: number): void => {
    if (stock[wh] <= plan.ceiling[wh]) return;
    const amount = down(stock[wh] - rnd.int(0, plan.safety[wh]));
    if (amount <= 0) return;
    // A working morning a few days before the stock would have run short. The delivery lands before
    // events already replayed backwards from there; moving a delivery earlier only raises the stock in between.
    log.add(article, wh, morningOf(rnd, calendar.workingDayBefore(Math.floor(key / SECONDS_PER_DAY), rnd.int(0, plan.leadDays))), amount, PURCHASE);
    stock[wh] -= amount;
  };

  const events = plan.events.sort((x, y) => y.key - x.key);
  for (const e of events) {
    switch (e.kind) {
      case 'PICK':
        log.add(article, e.wh, e.key, -e.amount, SALE);
        stock[e.wh] += e.amount;
        replenish(e.wh, e.key);
        break;
      case 'RETURN':
        // A customer return: a SALE with a positive quantity.
        if (stock[e.wh] >= e.amount) {
          log.add(article, e.wh, e.key, e.amount, SALE);
          stock[e.wh] -= e.amount;
        }
        break;
      case 'ADJUST': {
        const amount = e.amount > 0 && stock[e.wh] < e.amount ? -e.amount : e.amount;
        log.add(article, e.wh, e.key, amount, ADJUST);
        stock[e.wh] -= amount;
        if (amount < 0) replenish(e.wh, e.key);
        break;
      }
      case 'TRANSFER': {
        // Two rows at the same instant: out of one warehouse, into the other.
        const amount = Math.min(e.amount, down(stock[e.to]));
        if (amount > 0) {
          log.add(article, e.wh, e.key, -amount, TRANSFER);
          log.add(article, e.to, e.key, amount, TRANSFER);
          stock[e.to] -= amount;
          stock[e.wh] += amount;
          replenish(e.wh, e.key);
        }
        break;
      }
      case 'ARRIVAL': {
        const amount = down(stock[e.wh] - rnd.int(0, Math.floor(stock[e.wh] / 8)));
        if (amount > 0) {
          log.add(article, e.wh, e.key, amount, PURCHASE);
          stock[e.wh] -= amount;
        }
        break;
      }
    }
  }
}

/**
 * Two years of movements for every article (about 25–30 rows per article on
 * average, most of them for the few fast movers), consistent with the
 * `ecom_stock` rows already inserted. Returns the number of rows.
 */
export function insertMovementHistory(ctx: Context, rnd: Random): number {
  const stock = readOnHand(ctx.db);
  const calendar = new SeasonCalendar(ctx.today);
  const log = new MovementLog();
  const none: Array<number | null> = [null, null, null];
  ctx.articles.forEach((article, index) => {
    const onHand = stock.get(article.sku) ?? none;
    replayBackwards(rnd, calendar, planArticle(rnd, calendar, article, onHand), onHand, log, index);
  });
  return log.insert(ctx.db, ctx.articles, calendar.dayAt(0));
}
