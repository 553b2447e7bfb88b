/**
 * Every quantity at which the caller's unit price changes. Prices are step
 * functions of the quantity (every rule is "min_qty <= q"), so they can only
 * change at a list break or a condition threshold: pricing at each of those,
 * in order, and keeping the ones where the unit price differs from the one
 * before, gives every break and nothing else.
 */
import type { Decimal } from '../decimal/decimal';
import { inForce } from './conditions';
import { computePrice, type PriceInputs } from './computePrice';

export interface PriceBreak {
  minQuantity: Decimal;
  unitPrice: Decimal;
}

export function priceBreaks(query: PriceInputs): PriceBreak[] {
  const { today } = query;
  const thresholds: Decimal[] = [];
  for (const items of [query.customerList, query.defaultList]) {
    for (const item of items ?? []) if (inForce(item, today)) thresholds.push(item.minQty);
  }
  for (const c of query.conditions.candidates(query.sku, query.familyCode).all) {
    if (inForce(c, today)) thresholds.push(c.minQty);
  }
  thresholds.sort((a, b) => a.comparedTo(b));

  const breaks: PriceBreak[] = [];
  let previous: Decimal | null = null;
  for (let i = 0; i < thresholds.length; i++) {
    const quantity = thresholds[i]!;
    if (i > 0 && quantity.eq(thresholds[i - 1]!)) continue;
    const price = computePrice(query, quantity);
    if (!price) continue;
    if (previous === null || !price.unitPrice.eq(previous)) {
      breaks.push({ minQuantity: quantity, unitPrice: price.unitPrice });
      previous = price.unitPrice;
    }
  }
  return breaks;
}
