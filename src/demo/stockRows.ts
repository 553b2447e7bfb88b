/** Stock per warehouse and supplier orders on their way (the movements that led to the stock: movementHistory.ts). */
import { day, type Context } from './context';
import { FRACTIONAL_UNITS } from './data/catalogue';
import { QTY_ONE, mulRatio, qty } from './fixedPoint';
import type { Random } from './random';

type StockProfile = 'IN_STOCK' | 'LOW' | 'ZERO' | 'OVERCOMMITTED';

/**
 * Stock per warehouse. Each article gets a profile that fixes what its
 * availability over the web-enabled warehouses (MAG01, MAG02) adds up to:
 * at least 5 (IN_STOCK), strictly between 0 and 5 (LOW_STOCK), nothing, or
 * nothing because more is committed than on hand. MAG03 (returns, not
 * web-enabled) holds stock that must never count. Open supplier orders go
 * mostly to articles without availability, so BACKORDER occurs too.
 */
export function insertStock(ctx: Context, rnd: Random): void {
  const stock = ctx.db.prepare('INSERT INTO ecom_stock (sku, warehouse_code, on_hand, committed) VALUES (?, ?, ?, ?)');
  const incoming = ctx.db.prepare('INSERT INTO ecom_incoming (sku, warehouse_code, expected_date, quantity) VALUES (?, ?, ?, ?)');

  for (const a of ctx.articles) {
    const fractional = FRACTIONAL_UNITS.has(a.unit) && rnd.chance(0.7);
    /** A quantity of whole units in [min, max], with random thousandths for goods sold by weight or length. */
    const amount = (min: number, max: number): number => {
      const whole = rnd.int(min, max) * QTY_ONE;
      return fractional && whole > 0 ? whole + rnd.int(0, 999) : whole;
    };
    const profile = rnd.weighted<StockProfile>([['IN_STOCK', 60], ['LOW', 15], ['ZERO', 18], ['OVERCOMMITTED', 7]]);
    const webWarehouses = [rnd.chance(0.92) ? 'MAG01' : null, rnd.chance(0.55) ? 'MAG02' : null].filter((w): w is string => w !== null);

    webWarehouses.forEach((warehouse, index) => {
      let onHand: number;
      let committed: number;
      if (index === 0 || profile === 'IN_STOCK') {
        switch (profile) {
          case 'IN_STOCK': {
            onHand = amount(index === 0 ? 8 : 0, 600);
            // The first warehouse keeps at least 5 available, so the total reaches the threshold.
            const spare = Math.max(0, onHand - (index === 0 ? 5 * QTY_ONE : 0));
            committed = rnd.chance(0.55) ? 0 : mulRatio(spare, rnd.int(0, 40), 100);
            if (!fractional) committed -= committed % QTY_ONE;
            break;
          }
          case 'LOW': {
            // Available strictly between 0 and 5, e.g. "3" or "2.75".
            const available = fractional ? rnd.int(1, 4999) : rnd.int(1, 4) * QTY_ONE;
            committed = rnd.chance(0.5) ? 0 : amount(1, 20);
            onHand = committed + available;
            break;
          }
          case 'ZERO':
            onHand = rnd.chance(0.6) ? 0 : amount(1, 30);
            committed = onHand;
            break;
          case 'OVERCOMMITTED':
            onHand = amount(0, 20);
            committed = onHand + amount(1, 40);
            break;
        }
      } else {
        // Secondary web warehouse of an article whose total must stay below the threshold: nothing available.
        onHand = rnd.chance(0.5) ? 0 : amount(1, 10);
        committed = rnd.chance(0.7) ? onHand : onHand + amount(1, 5);
      }
      stock.run(a.sku, warehouse, qty(onHand), qty(committed));
    });
    if (rnd.chance(0.15)) stock.run(a.sku, 'MAG03', qty(amount(1, 30)), '0');

    // Open supplier orders: ~15 % of articles overall, most of them the ones with nothing available.
    if (rnd.chance(profile === 'IN_STOCK' ? 0.06 : profile === 'LOW' ? 0.2 : 0.32)) {
      const quantity = (): string => qty(a.packUnits * rnd.int(5, 100));
      const first = rnd.int(2, 60);
      const shape = rnd.int(0, 99);
      if (shape < 60) {
        incoming.run(a.sku, rnd.weighted([['MAG01', 70], ['MAG02', 15], ['MAG03', 15]]), day(ctx, first), quantity());
      } else if (shape < 80) {
        // Two arrivals on the same date in different warehouses: nextArrival sums them.
        incoming.run(a.sku, 'MAG01', day(ctx, first), quantity());
        incoming.run(a.sku, 'MAG02', day(ctx, first), quantity());
      } else {
        // An earlier arrival in the returns warehouse (not web-enabled) and a later one that counts.
        const later = Math.min(60, first + rnd.int(3, 20));
        incoming.run(a.sku, 'MAG03', day(ctx, Math.max(2, later - rnd.int(1, 10))), quantity());
        incoming.run(a.sku, rnd.pick(['MAG01', 'MAG02']), day(ctx, later), quantity());
      }
    }
  }
}
