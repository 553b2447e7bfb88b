/** Price list rows: open, dated and quantity-break prices on the base list and the customer lists. */
import { BASE_LIST, BREAK_LADDERS, OTHER_LISTS } from './data/company';
import { day, type Context } from './context';
import { mulRatio, price, qty } from './fixedPoint';
import type { Random } from './random';

/**
 * List prices. Every priced article has an open LIST-BASE row at min_qty 0;
 * some have quantity breaks; some have dated rows around today (an old price
 * that expired, a change that took effect recently, an announced increase, a
 * promotion window touching today); the other lists cover subsets, some with
 * rows that are only expired or only future, so pricing must fall back to the
 * default list.
 */
export function insertPriceListItems(ctx: Context, rnd: Random): void {
  const item = ctx.db.prepare(
    'INSERT INTO ecom_price_list_items (price_list_code, sku, min_qty, price, valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const put = (list: string, sku: string, minUnits: number, units: number, from: string | null, to: string | null): void => {
    item.run(list, sku, qty(minUnits), price(units), from, to);
  };

  for (const a of ctx.articles) {
    const base = a.listPrice;
    if (base === null) continue;

    const pattern = rnd.int(0, 99);
    if (pattern < 5) {
      // Expired old price, the open current one, and an announced increase.
      put(BASE_LIST, a.sku, 0, base, null, null);
      put(BASE_LIST, a.sku, 0, mulRatio(base, rnd.int(9200, 9800), 10_000), day(ctx, -rnd.int(400, 500)), day(ctx, -rnd.int(30, 120)));
      put(BASE_LIST, a.sku, 0, mulRatio(base, rnd.int(10_300, 11_000), 10_000), day(ctx, rnd.int(7, 90)), null);
    } else if (pattern < 8) {
      // The price changed recently: the old row is closed, the new one open-ended.
      const since = rnd.int(1, 60);
      put(BASE_LIST, a.sku, 0, mulRatio(base, rnd.int(9000, 9700), 10_000), null, day(ctx, -since - 1));
      put(BASE_LIST, a.sku, 0, base, day(ctx, -since), null);
    } else if (pattern < 10) {
      // A promotion window around today (its bounds may fall on today itself: inclusive).
      put(BASE_LIST, a.sku, 0, base, null, null);
      put(BASE_LIST, a.sku, 0, mulRatio(base, rnd.int(8000, 9000), 10_000), day(ctx, -rnd.int(0, 10)), day(ctx, rnd.int(0, 20)));
    } else {
      put(BASE_LIST, a.sku, 0, base, null, null);
    }

    // Quantity breaks, at multiples of the pack, each cheaper than the last.
    const breaks: Array<readonly [number, number]> = [];
    if (rnd.chance(0.3)) {
      const ladder = rnd.pick(BREAK_LADDERS);
      const steps = rnd.int(1, 3);
      const discounts = [rnd.int(300, 600), rnd.int(700, 1200), rnd.int(1300, 1800)];
      for (let i = 0; i < steps; i++) {
        breaks.push([a.packUnits * ladder[i], discounts[i]]);
        put(BASE_LIST, a.sku, a.packUnits * ladder[i], mulRatio(base, 10_000 - discounts[i], 10_000), null, null);
      }
    }

    for (const list of OTHER_LISTS) {
      if (!rnd.chance(list.share)) continue;
      const factor = rnd.int(list.factor[0], list.factor[1]);
      const listPrice = mulRatio(base, factor, 10_000);
      const shape = rnd.int(0, 99);
      if (shape < 3) {
        put(list.code, a.sku, 0, listPrice, null, day(ctx, -rnd.int(1, 200)));
        continue;
      }
      if (shape < 5) {
        put(list.code, a.sku, 0, listPrice, day(ctx, rnd.int(1, 60)), null);
        continue;
      }
      put(list.code, a.sku, 0, listPrice, null, null);
      if (shape < 10) {
        put(list.code, a.sku, 0, mulRatio(listPrice, rnd.int(8500, 9500), 10_000), day(ctx, -rnd.int(1, 15)), day(ctx, rnd.int(1, 30)));
      }
      if (breaks.length > 0 && rnd.chance(0.5)) {
        for (const [minUnits, discount] of breaks) put(list.code, a.sku, minUnits, mulRatio(listPrice, 10_000 - discount, 10_000), null, null);
      }
    }
  }
}
