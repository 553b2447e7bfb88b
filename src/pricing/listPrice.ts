/**
 * Step 1 of the pricing rules: the list price.
 */
import { Decimal, ZERO, erpDecimal, roundHalfUp } from '../decimal/decimal';
import type { PriceListItemRow } from '../erp/port';
import { inForce } from './conditions';
import { type Quantity, type Threshold, reaches, toThreshold } from './quantity';

export interface ListItem {
  priceListCode: string;
  minQty: Decimal;
  threshold: Threshold;
  price: Decimal;
  /** The price rounded to 4 decimals: the unit price when nothing else applies. */
  unitPrice: Decimal;
  validFrom: string | null;
  validTo: string | null;
}

/** One price list's items for one sku, ordered so the first applicable one wins. */
export type ListItems = readonly ListItem[];

/** Greatest min_qty first; ties: latest valid_from first, NULL counting as earliest. */
function compareItems(a: ListItem, b: ListItem): number {
  const byQty = b.minQty.comparedTo(a.minQty);
  if (byQty !== 0) return byQty;
  if (a.validFrom === b.validFrom) return 0;
  if (a.validFrom === null) return 1;
  if (b.validFrom === null) return -1;
  return a.validFrom > b.validFrom ? -1 : 1;
}

const compiled = new WeakMap<readonly PriceListItemRow[], ListItems>();

/** Parses and orders the cached rows of one (list, sku), once per cached array. */
export function compileListItems(rows: readonly PriceListItemRow[]): ListItems {
  let items = compiled.get(rows);
  if (!items) {
    items = rows
      .map((r) => {
        const minQty = r.minQty === null || r.minQty === '' ? ZERO : erpDecimal(r.minQty);
        return {
        priceListCode: r.priceListCode,
        minQty,
        threshold: toThreshold(minQty),
        price: erpDecimal(r.price),
        unitPrice: roundHalfUp(erpDecimal(r.price), 4),
        validFrom: r.validFrom,
        validTo: r.validTo,
        };
      })
      .sort(compareItems);
    compiled.set(rows, items);
  }
  return items;
}

/** The item that gives the list price for `quantity` on `today` in one list, if any. */
export function selectListItem(items: ListItems, quantity: Quantity, today: string): ListItem | null {
  for (const item of items) {
    if (reaches(item.threshold, quantity) && inForce(item, today)) return item;
  }
  return null;
}
