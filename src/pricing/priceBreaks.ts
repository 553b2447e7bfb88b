/**
 * Every quantity at which the caller's unit price changes. Prices are step
 * functions of the quantity (every rule is "min_qty <= q"), so they can only
 * change at a list break or a condition threshold: pricing at each of those,
 * in order, and keeping the ones where the unit price differs from the one
 * before, gives every break and nothing else.
 *
 * Given the article's order rules, the breaks are those a customer can
 * order: each threshold moves up to the first orderable quantity at or
 * above it, and the list starts at the smallest orderable quantity (not at
 * a threshold of 0 nobody can order). Pricing the same step function at
 * those quantities keeps every orderable quantity where the price changes.
 */
import type { Decimal } from '../decimal/decimal';
import { minimumQuantity, orderableQuantity, type OrderRules } from '../orders/orderableQuantity';
import { inForce } from './conditions';
import { computePrice, type PriceInputs } from './computePrice';

export interface PriceBreak {
  minQuantity: Decimal;
  unitPrice: Decimal;
}

export function priceBreaks(query: PriceInputs, orderable?: OrderRules): PriceBreak[] {
  const { today } = query;
  const raw: Decimal[] = [];
  for (const items of [query.customerList, query.defaultList]) {
    for (const item of items ?? []) if (inForce(item, today)) raw.push(item.minQty);
  }
  for (const c of query.conditions.candidates(query.sku, query.familyCode).all) {
    if (inForce(c, today)) raw.push(c.minQty);
  }
  const thresholds = orderable ? orderableThresholds(raw, orderable) : raw;
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

/** The first orderable quantity, and each threshold moved up to an orderable one (those beyond decimal(18,3) dropped). */
function orderableThresholds(raw: readonly Decimal[], rules: OrderRules): Decimal[] {
  const first = minimumQuantity(rules);
  if (first === null) return [];
  const out = [first];
  for (const t of raw) {
    const q = orderableQuantity(rules, t);
    if (q !== null) out.push(q);
  }
  return out;
}
