/**
 * Step 1 of the pricing rules: the list price.
 */
import { Decimal, ZERO, erpDecimal, formatPlain, roundHalfUp } from '../decimal/decimal';
import type { PriceListItemRow } from '../erp/port';
import { inForce } from './conditions';
import { type Quantity, toThreshold } from './quantity';

/**
 * One price-list item, held compactly: the price cache keeps hundreds of
 * thousands of them, and three decimal.js objects per item (min_qty, price,
 * unit price) made an item ~690 bytes of heap, most of the cache. Here the
 * decimals are kept as their exact text and parsed when read (only the
 * winning item's price is read, once per priced line); the threshold is
 * kept as integer thousandths (see quantity.ts), so choosing the item needs
 * no decimal at all in the common case.
 */
export class ListItem {
  constructor(
    readonly priceListCode: string,
    /** min_qty as exact plain text. */
    private readonly minText: string,
    /** min_qty × 1000 when that is an exact safe integer; else null (compared as decimals). */
    private readonly minMilli: number | null,
    /** The price as exact plain text. */
    private readonly priceText: string,
    readonly validFrom: string | null,
    readonly validTo: string | null,
  ) {}

  get minQty(): Decimal {
    return this.minText === '0' ? ZERO : new Decimal(this.minText);
  }

  get price(): Decimal {
    return new Decimal(this.priceText);
  }

  /** The price rounded to 4 decimals: the unit price when nothing else applies. */
  get unitPrice(): Decimal {
    return roundHalfUp(this.price, 4);
  }

  /** min_qty <= quantity. */
  reaches(quantity: Quantity): boolean {
    if (this.minMilli !== null && quantity.milli !== null) return this.minMilli <= quantity.milli;
    return this.minQty.lte(quantity.value);
  }
}

/** One price list's items for one sku, ordered so the first applicable one wins. */
export type ListItems = readonly ListItem[];

interface Parsed {
  row: PriceListItemRow;
  minQty: Decimal;
  price: Decimal;
}

/** Greatest min_qty first; ties: latest valid_from first, NULL counting as earliest. */
function compareItems(a: Parsed, b: Parsed): number {
  const byQty = b.minQty.comparedTo(a.minQty);
  if (byQty !== 0) return byQty;
  const af = a.row.validFrom;
  const bf = b.row.validFrom;
  if (af === bf) return 0;
  if (af === null) return 1;
  if (bf === null) return -1;
  return af > bf ? -1 : 1;
}

/**
 * Parses (so malformed ERP data fails here, once), orders and packs the
 * rows of one (list, sku). The price-item cache holds this compiled form,
 * not the rows.
 */
export function compileListItems(rows: readonly PriceListItemRow[]): ListItems {
  return rows
    .map((row): Parsed => ({ row, minQty: row.minQty === null || row.minQty === '' ? ZERO : erpDecimal(row.minQty), price: erpDecimal(row.price) }))
    .sort(compareItems)
    .map(({ row, minQty, price }) => new ListItem(row.priceListCode, formatPlain(minQty), toThreshold(minQty).milli, formatPlain(price), row.validFrom, row.validTo));
}

/**
 * Heap held by one compiled item (the object, its two short strings),
 * measured on the demo ERP. The price-item cache sizes its entries with it
 * (approximateBytes cannot see through class instances' private layout).
 */
export const LIST_ITEM_BYTES = 120;

/** The bytes a compiled (list, sku) holds, for the cache's byte budget. */
export function listItemsBytes(items: ListItems): number {
  return 64 + LIST_ITEM_BYTES * items.length;
}

/** The item that gives the list price for `quantity` on `today` in one list, if any. */
export function selectListItem(items: ListItems, quantity: Quantity, today: string): ListItem | null {
  for (const item of items) {
    if (item.reaches(quantity) && inForce(item, today)) return item;
  }
  return null;
}
