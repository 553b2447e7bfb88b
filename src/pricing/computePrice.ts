/**
 * The pricing rules of erp-contract.md, steps 1 to 7, for one article, one
 * quantity and one day. Pure: every input arrives as an argument, already
 * compiled (conditionIndex.ts, listPrice.ts), and nothing is read from
 * anywhere else.
 */
import { Decimal, HUNDRED, ONE, roundHalfUp } from '../decimal/decimal';
import type { DiscountCondition, PriceCondition } from './conditions';
import type { ConditionIndex } from './conditionIndex';
import { type ListItem, type ListItems, selectListItem } from './listPrice';
import { type Quantity, asQuantity } from './quantity';

// A value, not only a type: the GraphQL enum is registered from it (resolvers/types), so the names exist once.
export const PriceSource = { PRICE_LIST: 'PRICE_LIST', CONDITION: 'CONDITION', NET_CONDITION: 'NET_CONDITION' } as const;
export type PriceSource = (typeof PriceSource)[keyof typeof PriceSource];

/**
 * What one article's price depends on, for one caller, whatever the
 * quantity (priceQuery.ts builds it).
 */
export interface PriceInputs {
  sku: string;
  familyCode: string | null;
  /** "Today" in the ERP's time zone, YYYY-MM-DD. */
  today: string;
  /** The customer's own list's items for the sku; null when it has none (or is anonymous). */
  customerList: ListItems | null;
  /** The default list's items for the sku. */
  defaultList: ListItems | null;
  conditions: ConditionIndex;
}

export interface PriceResult {
  quantity: Decimal;
  /** The item the list price came from (its list, break and date), if any. */
  listItem: ListItem | null;
  listPrice: Decimal | null;
  basePrice: Decimal;
  /** The discounts applied, in order, in percent (none under a NET_PRICE). */
  discounts: readonly Decimal[];
  /** VAT excluded, rounded half-up to 4 decimals. */
  unitPrice: Decimal;
  source: PriceSource;
  priceWinner: PriceCondition | null;
  /** The discount winner when its discounts were applied. */
  discountWinner: DiscountCondition | null;
}

/**
 * base × Π(1 − dᵢ/100), half-up to 4 decimals. (Not remembered per base:
 * list prices are parsed when read (listPrice.ts), so a base is a new object
 * every time and a memo keyed by it would only cost.)
 */
export function discountedUnitPrice(base: Decimal, discount: DiscountCondition): Decimal {
  return roundHalfUp(base.times(discount.factor), 4);
}

const NO_DISCOUNTS: readonly Decimal[] = Object.freeze([]);

/**
 * The price, or null when the article has no price for this caller ("price on request").
 * @param quantity q > 0; the caller validates it. A Quantity skips the conversion (hot loops).
 */
export function computePrice(query: PriceInputs, q: Decimal | Quantity): PriceResult | null {
  const { today } = query;
  const quantity = asQuantity(q);

  // 1. List price: the customer's list, else the default list.
  const listItem =
    (query.customerList && selectListItem(query.customerList, quantity, today)) ||
    (query.defaultList && selectListItem(query.defaultList, quantity, today)) ||
    null;

  // 2–3. The two winners, each the best matching condition of its kind.
  const { conditions, sku, familyCode } = query;
  const priceWinner = conditions.priceWinner(sku, familyCode, quantity, today);

  // 4. Base price. (A list item's price is parsed when read: read it once.)
  const listPrice = listItem ? listItem.price : null;
  const basePrice = priceWinner ? priceWinner.price : listPrice;
  if (basePrice === null) return null;

  // 5. Discounts: none under a net price.
  const net = priceWinner?.kind === 'NET_PRICE';
  const discountWinner = net ? null : conditions.discountWinner(sku, familyCode, quantity, today);

  // 6. Unit price, rounded once at the end.
  const unitPrice = discountWinner
    ? discountedUnitPrice(basePrice, discountWinner)
    : priceWinner
      ? priceWinner.unitPrice
      : roundHalfUp(basePrice, 4);

  return {
    quantity: quantity.value,
    listItem,
    listPrice,
    basePrice,
    discounts: discountWinner ? discountWinner.discounts : NO_DISCOUNTS,
    unitPrice,
    source: priceWinner === null ? 'PRICE_LIST' : net ? 'NET_CONDITION' : 'CONDITION',
    priceWinner: priceWinner,
    discountWinner,
  };
}

/** 7. Line total: unit price × quantity, half-up to 2 decimals. */
export function lineTotal(unitPrice: Decimal, quantity: Decimal): Decimal {
  return roundHalfUp(unitPrice.times(quantity), 2);
}

/** Unit price × (1 + VAT/100), half-up to 2 decimals. */
export function unitPriceWithVat(unitPrice: Decimal, vatRate: Decimal): Decimal {
  return roundHalfUp(unitPrice.times(vatFactor(vatRate)), 2);
}

/** 1 + VAT/100 per rate: an installation has a handful of rates, and every priced line needs one. */
const vatFactors = new Map<string, Decimal>();
const MAX_VAT_FACTORS = 64;

function vatFactor(vatRate: Decimal): Decimal {
  const key = vatRate.toString();
  let factor = vatFactors.get(key);
  if (!factor) {
    factor = ONE.plus(vatRate.dividedBy(HUNDRED));
    if (vatFactors.size < MAX_VAT_FACTORS) vatFactors.set(key, factor);
  }
  return factor;
}
